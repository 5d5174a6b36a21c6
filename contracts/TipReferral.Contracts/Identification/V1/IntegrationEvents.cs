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
