namespace TipReferral.Contracts.Identification.V1;

// Integration events carry no personal data: a receiving service learns that something
// happened to a case and asks the owner, under its own access rights, for what it needs.
// Once published, a record's meaning never changes; a new meaning is a new type or a V2.

public sealed record VictimCaseRegisteredIntegrationEvent(
    Guid CaseId,
    string CaseReference,
    string Country,
    bool IsPresumedChild,
    DateTimeOffset RegisteredAt);

public sealed record VictimIdentifiedIntegrationEvent(
    Guid CaseId,
    string CaseReference,
    string Country,
    bool IsPresumedChild,
    string DecidingOrganisation,
    DateTimeOffset IdentifiedAt);

public sealed record VictimNotIdentifiedIntegrationEvent(
    Guid CaseId,
    string CaseReference,
    string Country,
    string Outcome,
    DateTimeOffset DecidedAt);

public sealed record GuardianAppointedIntegrationEvent(
    Guid CaseId,
    string Country,
    DateTimeOffset AppointedAt);

public sealed record VictimCaseClosedIntegrationEvent(
    Guid CaseId,
    string Country,
    string ClosureReason,
    DateTimeOffset ClosedAt);

/// <summary>
/// Consent to share for a purpose with a recipient (agency empty: any agency of the country).
/// Services that share a person's data keep a ledger of these and check it first.
/// </summary>
public sealed record ConsentGivenIntegrationEvent(
    Guid CaseId,
    Guid ConsentId,
    string Purpose,
    string RecipientCountry,
    string? RecipientAgency,
    string GivenBy,
    DateTimeOffset GivenAt,
    DateTimeOffset? ExpiresAt);

/// <summary>Withdrawn consent: whoever received data on its strength stops using it, and purges or masks it.</summary>
public sealed record ConsentWithdrawnIntegrationEvent(
    Guid CaseId,
    Guid ConsentId,
    string Purpose,
    string RecipientCountry,
    string? RecipientAgency,
    DateTimeOffset WithdrawnAt);

/// <summary>The case was shared with an agency of its own country for a purpose the person consented to.</summary>
public sealed record VictimCaseSharedIntegrationEvent(
    Guid CaseId,
    string CaseReference,
    string Country,
    bool IsPresumedChild,
    string Purpose,
    string RecipientAgency,
    DateTimeOffset SharedAt);

/// <summary>The person's data was lawfully erased: every service destroys what it holds of it.</summary>
public sealed record PersonalDataErasedIntegrationEvent(
    Guid CaseId,
    string Country,
    DateTimeOffset ErasedAt);

/// <summary>The person's identity is protected: every service shows the pseudonym to all without need to know.</summary>
public sealed record IdentityProtectedIntegrationEvent(
    Guid CaseId,
    string Country,
    string Pseudonym,
    DateTimeOffset ProtectedAt);

public sealed record IdentityProtectionLiftedIntegrationEvent(
    Guid CaseId,
    string Country,
    DateTimeOffset LiftedAt);

/// <summary>
/// A protected identity was revealed to someone without the need to know, who gave a reason
/// (kept in the identification service): the data-protection officer of the case's country
/// looks into it.
/// </summary>
public sealed record ProtectedIdentityRevealedIntegrationEvent(
    Guid CaseId,
    string Country,
    string RevealedToUserId,
    string RevealedToRole,
    string RevealedToAgency,
    string RevealedToCountry,
    DateTimeOffset RevealedAt);
