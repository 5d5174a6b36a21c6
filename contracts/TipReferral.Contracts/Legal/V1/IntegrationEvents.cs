namespace TipReferral.Contracts.Legal.V1;

// What the legal-assistance service tells others. The proceedings' details (offences, case
// numbers, the person's cooperation) never leave it: other services learn only what a hold or
// protection means for them. Once published, a record's meaning never changes.

/// <summary>
/// The person's removal or return is on hold while their testimony is needed: no service may
/// schedule travel until every hold placed on the case is released. Country is the victim
/// case's country; HoldId ties the release to its placement.
/// </summary>
public sealed record LegalHoldPlacedIntegrationEvent(
    Guid CaseId,
    string Country,
    Guid HoldId,
    string JurisdictionCountry,
    DateOnly ReviewOn,
    DateTimeOffset PlacedAt);

/// <summary>How is "RELEASED_BY_PROSECUTOR" or "VIDEO_LINK_TESTIMONY_ARRANGED".</summary>
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

/// <summary>A residence permit of the person expires in DaysBefore (60 or 30) days.</summary>
public sealed record ResidencePermitExpiringIntegrationEvent(
    Guid CaseId,
    string Country,
    Guid PermitId,
    string PermitType,
    DateOnly ExpiresOn,
    int DaysBefore);
