using Marten;
using TipReferral.ServiceDefaults.Scheduling;

namespace TipReferral.Repatriation.ReturnCases;

/// <summary>One timer per case, at the day after the earliest pending visit, on the shared durable timers.</summary>
public sealed class FollowUpVisitSideEffects : IReturnCaseSideEffects
{
    public Task ApplyAsync(IDocumentSession session, ReturnCase before, ReturnCase after, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        if (Reintegrating.NextOverdueAt(after) is { } due)
        {
            session.ScheduleTimer(FollowUpVisitTimer.TimerKind, after.Id, due);
        }
        else if (before.Referral?.Visits.Count > 0)
        {
            session.CancelTimer(FollowUpVisitTimer.TimerKind, after.Id);
        }

        return Task.CompletedTask;
    }
}

public sealed class FollowUpVisitTimer(ReturnCaseWriter writer, TimeProvider clock) : ReturnCaseTimer(writer, clock)
{
    public const string TimerKind = "follow-up-visit-due";

    public override string Kind => TimerKind;

    protected override ReturnCaseCommand CommandFor(Guid caseId, DateTimeOffset now) => new NoteFollowUpVisitsOverdue(caseId, now);
}
