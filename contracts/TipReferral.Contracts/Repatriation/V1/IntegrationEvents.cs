namespace TipReferral.Contracts.Repatriation.V1;

// What other services learn of a cross-border referral: its steps, between which countries and
// agencies, never the disclosure package or anything else personal. Once published, a record's
// meaning never changes; a new meaning is a new type or a V2.

public sealed record ReferralRequestedIntegrationEvent(
    Guid CaseId,
    Guid ReferralId,
    string SendingCountry,
    string ReceivingCountry,
    string ReceivingAgency,
    DateTimeOffset RequestedAt);

public sealed record ReferralAcceptedIntegrationEvent(
    Guid CaseId,
    Guid ReferralId,
    string SendingCountry,
    string ReceivingCountry,
    string ReceivingAgency,
    DateTimeOffset AcceptedAt);

public sealed record ReferralDeclinedIntegrationEvent(
    Guid CaseId,
    Guid ReferralId,
    string SendingCountry,
    string ReceivingCountry,
    string ReceivingAgency,
    DateTimeOffset DeclinedAt);

/// <summary>
/// The referral stopped because the person withdrew their decision to return or their consent:
/// the receiving agency has lost the disclosure package. Cause is RETURN_DECISION_WITHDRAWN or CONSENT_WITHDRAWN.
/// </summary>
public sealed record ReferralWithdrawnIntegrationEvent(
    Guid CaseId,
    Guid ReferralId,
    string SendingCountry,
    string ReceivingCountry,
    string ReceivingAgency,
    string Cause,
    DateTimeOffset WithdrawnAt);

/// <summary>
/// The receiving agency's answer is overdue: a reminder to it, an escalation to the Supervisors of
/// both countries. Awaiting is ACKNOWLEDGEMENT or ACCEPTANCE_OR_DECLINE.
/// </summary>
public sealed record ReferralAnswerOverdueIntegrationEvent(
    Guid CaseId,
    Guid ReferralId,
    string SendingCountry,
    string ReceivingCountry,
    string ReceivingAgency,
    string Awaiting,
    DateTimeOffset DueAt,
    DateTimeOffset EscalatedAt);

public sealed record TravelScheduledIntegrationEvent(
    Guid CaseId,
    Guid ReferralId,
    string SendingCountry,
    string ReceivingCountry,
    DateOnly TravelOn,
    DateTimeOffset ScheduledAt);

/// <summary>A hard gate broke after travel was scheduled; BrokenGates names each (e.g. no-active-legal-hold).</summary>
public sealed record TravelSuspendedIntegrationEvent(
    Guid CaseId,
    Guid ReferralId,
    string SendingCountry,
    string ReceivingCountry,
    IReadOnlyList<string> BrokenGates,
    DateTimeOffset SuspendedAt);

public sealed record VictimDepartedIntegrationEvent(
    Guid CaseId,
    Guid ReferralId,
    string SendingCountry,
    string ReceivingCountry,
    DateTimeOffset DepartedAt);

/// <summary>The receiving agency received the person: from now on it owns the reintegration part of the case.</summary>
public sealed record VictimHandedOverIntegrationEvent(
    Guid CaseId,
    Guid ReferralId,
    string SendingCountry,
    string ReceivingCountry,
    string ReceivingAgency,
    DateTimeOffset HandedOverAt);

/// <summary>Outcome is the repatriation contract's ReturnOutcome name, e.g. REINTEGRATED.</summary>
public sealed record ReturnCaseClosedIntegrationEvent(
    Guid CaseId,
    Guid ReferralId,
    string ReceivingCountry,
    string Outcome,
    DateTimeOffset ClosedAt);
