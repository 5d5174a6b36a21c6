namespace TipReferral.Contracts.Legal.V1;

// What the legal-assistance service tells others. The proceedings' details (offences, case
// numbers, the person's cooperation) never leave it: other services learn only what a hold or
// protection means for them. Once published, a record's meaning never changes.

/// <summary>
/// The person's removal or return is on hold while their testimony is needed: no service may
/// schedule travel until every hold placed on the case is released. Country is the victim
/// case's country; HoldId ties the release to its placement. Delivery is at least once and in
/// the order the holds changed: a consumer keeps the set of active HoldIds per CaseId, adding on
/// placement and removing on release, so a redelivery changes nothing. A case may have several
/// holds at once (one per proceeding); travel waits until the set is empty.
/// </summary>
public sealed record LegalHoldPlacedIntegrationEvent(
    Guid CaseId,
    string Country,
    Guid HoldId,
    string JurisdictionCountry,
    DateOnly ReviewOn,
    DateTimeOffset PlacedAt);

/// <summary>
/// The hold HoldId no longer stands. How is "RELEASED_BY_PROSECUTOR" (the proceeding's prosecutor
/// released it) or "VIDEO_LINK_TESTIMONY_ARRANGED" (the person will testify by video link, so
/// their presence is no longer needed; every active hold of that proceeding is released at once).
/// Published exactly once per hold's release, redelivered possibly more than once.
/// </summary>
public sealed record LegalHoldReleasedIntegrationEvent(
    Guid CaseId,
    string Country,
    Guid HoldId,
    string How,
    DateTimeOffset ReleasedAt);

/// <summary>
/// Witness protection is granted (or its measures changed): Measures are the granted ones, as
/// IDENTITY_PROTECTION, VIDEO_LINK_TESTIMONY, CLOSED_HEARING, POLICE_PROTECTION, RELOCATION,
/// FAMILY_PROTECTION_ABROAD.
/// </summary>
public sealed record WitnessProtectionGrantedIntegrationEvent(
    Guid CaseId,
    string Country,
    Guid ProtectionId,
    IReadOnlyList<string> Measures,
    DateTimeOffset GrantedAt);

public sealed record WitnessProtectionLiftedIntegrationEvent(
    Guid CaseId,
    string Country,
    Guid ProtectionId,
    DateTimeOffset LiftedAt);

/// <summary>An office whose prosecutors need to know a protected witness's identity.</summary>
public sealed record ProsecutorsOffice(string Country, string Agency);

/// <summary>
/// While this protection stands, every service shows the pseudonym instead of the person's
/// names and contact data to everyone except witness-protection authorities and the
/// prosecutors of the offices listed (those of the legal case). Keyed by ProtectionId: one
/// person may be protected in several proceedings.
/// </summary>
public sealed record WitnessIdentityProtectedIntegrationEvent(
    Guid CaseId,
    string Country,
    Guid ProtectionId,
    string Pseudonym,
    IReadOnlyList<ProsecutorsOffice> SeenBy,
    DateTimeOffset ProtectedAt);

/// <summary>The identity protection given under ProtectionId ends: normal display returns unless another still stands.</summary>
public sealed record WitnessIdentityProtectionLiftedIntegrationEvent(
    Guid CaseId,
    string Country,
    Guid ProtectionId,
    DateTimeOffset LiftedAt);

/// <summary>
/// A residence permit of the person expires in DaysBefore (60 or 30) days, on ExpiresOn;
/// PermitType is REFLECTION_PERIOD, HUMANITARIAN, COOPERATION or PERMANENT. Once per permit,
/// expiry date and DaysBefore: a renewal sets both alerts again for the new date. A permit
/// recorded inside 60 days gets only the 30-day alert, at once if already inside 30.
/// </summary>
public sealed record ResidencePermitExpiringIntegrationEvent(
    Guid CaseId,
    string Country,
    Guid PermitId,
    string PermitType,
    DateOnly ExpiresOn,
    int DaysBefore);
