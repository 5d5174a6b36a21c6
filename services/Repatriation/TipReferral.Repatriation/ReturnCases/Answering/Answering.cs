using TipReferral.Domain;
using TipReferral.PersonalData;

namespace TipReferral.Repatriation.ReturnCases;

public enum AwaitedAnswer
{
    Acknowledgement,
    AcceptanceOrDecline,
}

/// <summary>An answer of the receiving agency, signed by its country: the document is the answer as the other side receives it.</summary>
public abstract record SignedAnswer(Guid CaseId, Guid DocumentId, string Document, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public sealed record AcknowledgeReferral(Guid CaseId, string ContactPerson, Guid DocumentId, string Document, DateTimeOffset Now)
    : SignedAnswer(CaseId, DocumentId, Document, Now);

public sealed record AcceptReferral(Guid CaseId, string Note, Guid DocumentId, string Document, DateTimeOffset Now)
    : SignedAnswer(CaseId, DocumentId, Document, Now);

public sealed record DeclineReferral(Guid CaseId, string Reason, Guid DocumentId, string Document, DateTimeOffset Now)
    : SignedAnswer(CaseId, DocumentId, Document, Now);

/// <summary>The answer deadline's timer fired.</summary>
public sealed record NoteAnswerOverdue(Guid CaseId, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public sealed record ReferralAcknowledged(Guid CaseId, Guid ReferralId, string ContactPerson, Guid DocumentId, [PersonalData] string Document, DateTimeOffset AcknowledgedAt);

public sealed record ReferralAccepted(Guid CaseId, Guid ReferralId, [PersonalData] string Note, Guid DocumentId, [PersonalData] string Document, DateTimeOffset AcceptedAt);

public sealed record ReferralDeclined(Guid CaseId, Guid ReferralId, [PersonalData] string Reason, Guid DocumentId, [PersonalData] string Document, DateTimeOffset DeclinedAt)
    : IHasReason;

/// <summary>The receiving agency did not answer in time: a reminder to it, an escalation to the Supervisors of both countries.</summary>
public sealed record ReferralAnswerOverdue(Guid CaseId, Guid ReferralId, AwaitedAnswer Awaiting, DateTimeOffset DueAt, DateTimeOffset EscalatedAt);

/// <summary>
/// The receiving agency acknowledges the referral and names its contact person, then accepts or
/// declines it (with a reason) by the deadline its country set; a missed deadline escalates.
/// </summary>
public static class Answering
{
    public const string AcknowledgeFirstRule = "acknowledge-before-answering";
    public const string AlreadyDeclinedRule = "referral-already-declined";
    public const string AlreadyAcceptedRule = "referral-already-accepted";

    public static IReadOnlyList<object> Decide(AcknowledgeReferral command, ReturnCase state)
    {
        var referral = ReturnCaseDecider.ActiveReferralOf(state);
        return referral.AcknowledgedAt is null
            ? [new ReferralAcknowledged(command.CaseId, referral.Id, command.ContactPerson, command.DocumentId, command.Document, command.Now)]
            : [];
    }

    public static IReadOnlyList<object> Decide(AcceptReferral command, ReturnCase state)
    {
        if (state.Referral is { Status: ReferralStatus.Declined } declined)
        {
            throw new RuleViolationException(AlreadyDeclinedRule, $"{declined.ReceivingAgency} already declined this referral.");
        }

        var referral = ReturnCaseDecider.ActiveReferralOf(state);
        if (referral.IsAccepted)
        {
            return [];
        }

        return referral.AcknowledgedAt is null
            ? throw new RuleViolationException(AcknowledgeFirstRule, "Acknowledge the referral and name a contact person before answering it.")
            : [new ReferralAccepted(command.CaseId, referral.Id, command.Note, command.DocumentId, command.Document, command.Now)];
    }

    public static IReadOnlyList<object> Decide(DeclineReferral command, ReturnCase state)
    {
        if (state.Referral is { Status: ReferralStatus.Declined })
        {
            return [];
        }

        var referral = ReturnCaseDecider.ActiveReferralOf(state);
        if (referral.IsAccepted)
        {
            throw new RuleViolationException(AlreadyAcceptedRule, "The referral was accepted; the destination case worker withdraws it if the return cannot go ahead.");
        }

        return referral.AcknowledgedAt is null
            ? throw new RuleViolationException(AcknowledgeFirstRule, "Acknowledge the referral and name a contact person before answering it.")
            : [new ReferralDeclined(command.CaseId, referral.Id, command.Reason, command.DocumentId, command.Document, command.Now)];
    }

    /// <summary>The answer still awaited, and by when; null once the agency answered.</summary>
    public static (AwaitedAnswer Awaiting, DateTimeOffset DueAt)? AwaitedOf(Referral referral) => referral switch
    {
        { IsActive: false } or { IsAccepted: true } => null,
        { AcknowledgedAt: null } => (AwaitedAnswer.Acknowledgement, referral.AcknowledgeBy),
        _ => (AwaitedAnswer.AcceptanceOrDecline, referral.AnswerBy),
    };

    /// <summary>Escalates each missed deadline once; an early or stale firing changes nothing.</summary>
    public static IReadOnlyList<object> Decide(NoteAnswerOverdue command, ReturnCase state) =>
        state.Referral is { } referral
            && AwaitedOf(referral) is var (awaiting, dueAt)
            && dueAt <= command.Now && !referral.Escalated.Contains(awaiting)
            ? [new ReferralAnswerOverdue(command.CaseId, referral.Id, awaiting, dueAt, command.Now)]
            : [];

    public static ReturnCase Evolve(ReturnCase state, object e) => e switch
    {
        ReferralAcknowledged acknowledged => ReturnCaseDecider.WithReferral(state, r => r with
        {
            Status = ReferralStatus.Acknowledged,
            AcknowledgedAt = acknowledged.AcknowledgedAt,
            ContactPerson = acknowledged.ContactPerson,
        }),
        ReferralAccepted => ReturnCaseDecider.WithReferral(state, r => r with { Status = ReferralStatus.Accepted }),
        ReferralDeclined declined => ReturnCaseDecider.WithReferral(state, r => r with { Status = ReferralStatus.Declined, Reason = declined.Reason }),
        ReferralAnswerOverdue overdue => ReturnCaseDecider.WithReferral(state, r => r with { Escalated = [.. r.Escalated, overdue.Awaiting] }),
        _ => state,
    };
}
