namespace TipReferral.Contracts.Shelter.V1;

// What the shelter service tells others. No personal data: which case, which shelter,
// which country, when. Once published, a record's meaning never changes.

public sealed record VictimAdmittedToShelterIntegrationEvent(
    Guid CaseId,
    string Country,
    Guid ShelterId,
    DateTimeOffset AdmittedAt);

public sealed record VictimTransferredBetweenSheltersIntegrationEvent(
    Guid CaseId,
    string Country,
    Guid FromShelterId,
    Guid ToShelterId,
    DateTimeOffset TransferredAt);

/// <summary>Reason is one of RETURNED_HOME, INDEPENDENT_LIVING, TRANSFERRED, LEFT_OF_OWN_WILL, OTHER.</summary>
public sealed record VictimDischargedFromShelterIntegrationEvent(
    Guid CaseId,
    string Country,
    Guid ShelterId,
    string DischargeReason,
    DateTimeOffset DischargedAt);

/// <summary>
/// The reflection and recovery period runs: no removal may be enforced and no decision to
/// cooperate may be demanded until it ends. Other services hold their own gates on it.
/// </summary>
public sealed record ReflectionPeriodStartedIntegrationEvent(
    Guid CaseId,
    string Country,
    DateTimeOffset StartedAt,
    DateTimeOffset EndsAt);

public sealed record ReflectionPeriodExtendedIntegrationEvent(
    Guid CaseId,
    string Country,
    DateTimeOffset EndsAt,
    DateTimeOffset ExtendedAt);

/// <summary>How is EXPIRED (the time ran out) or ENDED_AT_PERSONS_REQUEST (the person's own, recorded request).</summary>
public sealed record ReflectionPeriodEndedIntegrationEvent(
    Guid CaseId,
    string Country,
    string How,
    DateTimeOffset EndedAt);
