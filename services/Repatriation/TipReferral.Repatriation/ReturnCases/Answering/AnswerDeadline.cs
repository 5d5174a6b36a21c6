using Marten;
using TipReferral.ServiceDefaults.Scheduling;

namespace TipReferral.Repatriation.ReturnCases;

/// <summary>
/// The answer deadline on the shared durable timers (as the reflection period is): set at the
/// acknowledgement deadline when the referral is made, moved to the answer deadline on
/// acknowledgement, cancelled once the agency answers or the referral stops.
/// </summary>
public sealed class AnswerDeadlineSideEffects : IReturnCaseSideEffects
{
    public Task ApplyAsync(IDocumentSession session, ReturnCase before, ReturnCase after, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        if (after.Referral is { } referral && Answering.AwaitedOf(referral) is var (awaiting, dueAt) && !referral.Escalated.Contains(awaiting))
        {
            session.ScheduleTimer(AnswerDeadlineTimer.TimerKind, after.Id, dueAt);
        }
        else if (before.Referral is not null)
        {
            session.CancelTimer(AnswerDeadlineTimer.TimerKind, after.Id);
        }

        return Task.CompletedTask;
    }
}

public sealed class AnswerDeadlineTimer(ReturnCaseWriter writer, TimeProvider clock) : ReturnCaseTimer(writer, clock)
{
    public const string TimerKind = "referral-answer-due";

    public override string Kind => TimerKind;

    protected override ReturnCaseCommand CommandFor(Guid caseId, DateTimeOffset now) => new NoteAnswerOverdue(caseId, now);
}
