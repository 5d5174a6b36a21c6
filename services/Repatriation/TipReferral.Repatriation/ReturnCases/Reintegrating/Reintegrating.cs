using TipReferral.Domain;
using TipReferral.PersonalData;

namespace TipReferral.Repatriation.ReturnCases;

public enum ReintegrationArea
{
    Housing,
    EducationOrWork,
    Income,
    Medical,
    Psychosocial,
    Legal,
    Family,
}

public enum ReturnOutcome
{
    Reintegrated,
    PartiallyReintegrated,
    LostContact,
    ReTrafficked,
    MovedAbroad,
    Other,
}

public sealed record ReintegrationGoal(ReintegrationArea Area, [property: PersonalData] string Support);

public sealed record ReintegrationPlan(IReadOnlyList<ReintegrationArea> Areas, DateTimeOffset RecordedAt);

public sealed record FollowUpVisit(Guid Id, DateOnly DueOn, DateOnly? VisitedOn, DateTimeOffset? AlertedAt)
{
    public bool IsPending => VisitedOn is null;
}

public sealed record RecordReintegrationPlan(Guid CaseId, IReadOnlyList<ReintegrationGoal> Goals, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public sealed record ScheduleFollowUpVisit(Guid CaseId, Guid VisitId, DateOnly DueOn, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public sealed record RecordFollowUpVisit(Guid CaseId, Guid VisitId, DateOnly VisitedOn, string Notes, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

/// <summary>The follow-up timer fired: every pending visit past its date is alerted, once.</summary>
public sealed record NoteFollowUpVisitsOverdue(Guid CaseId, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public sealed record CloseReturnCase(Guid CaseId, ReturnOutcome Outcome, string Reason, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public sealed record ReintegrationPlanRecorded(Guid CaseId, Guid ReferralId, IReadOnlyList<ReintegrationGoal> Goals, DateTimeOffset RecordedAt);

public sealed record FollowUpVisitScheduled(Guid CaseId, Guid ReferralId, Guid VisitId, DateOnly DueOn, DateTimeOffset ScheduledAt);

public sealed record FollowUpVisitRecorded(Guid CaseId, Guid ReferralId, Guid VisitId, DateOnly VisitedOn, [PersonalData] string Notes, DateTimeOffset RecordedAt);

public sealed record FollowUpVisitOverdue(Guid CaseId, Guid ReferralId, Guid VisitId, DateOnly DueOn, DateTimeOffset AlertedAt);

public sealed record ReturnCaseClosed(Guid CaseId, Guid ReferralId, ReturnOutcome Outcome, [PersonalData] string Reason, DateTimeOffset ClosedAt) : IHasReason;

/// <summary>
/// After handover the receiving agency owns the case's reintegration: a plan across the areas of
/// the person's life, follow-up visits (alerted when overdue), and closure with an outcome.
/// </summary>
public static class Reintegrating
{
    public const string NotHandedOverRule = "not-handed-over";
    public const string VisitDatePassedRule = "visit-date-passed";
    public const string VisitInFutureRule = "visit-in-future";
    public const string CaseClosedRule = "return-case-closed";

    public static IReadOnlyList<object> Decide(RecordReintegrationPlan command, ReturnCase state)
    {
        var referral = HandedOverReferralOf(state);
        return [new ReintegrationPlanRecorded(command.CaseId, referral.Id, command.Goals, command.Now)];
    }

    public static IReadOnlyList<object> Decide(ScheduleFollowUpVisit command, ReturnCase state)
    {
        var referral = HandedOverReferralOf(state);
        if (referral.Visits.Any(v => v.Id == command.VisitId))
        {
            return [];
        }

        if (command.DueOn < Today(command.Now))
        {
            throw new RuleViolationException(VisitDatePassedRule, $"A follow-up visit is scheduled for today or later, not {command.DueOn:yyyy-MM-dd}.");
        }

        return [new FollowUpVisitScheduled(command.CaseId, referral.Id, command.VisitId, command.DueOn, command.Now)];
    }

    public static IReadOnlyList<object> Decide(RecordFollowUpVisit command, ReturnCase state)
    {
        var referral = HandedOverReferralOf(state);
        var visit = referral.Visits.FirstOrDefault(v => v.Id == command.VisitId) ?? throw new NotFoundException("follow-up visit", command.VisitId.ToString());
        if (visit.VisitedOn == command.VisitedOn)
        {
            return [];
        }

        if (command.VisitedOn > Today(command.Now))
        {
            throw new RuleViolationException(VisitInFutureRule, $"A visit is recorded once made, not for {command.VisitedOn:yyyy-MM-dd}.");
        }

        return [new FollowUpVisitRecorded(command.CaseId, referral.Id, visit.Id, command.VisitedOn, command.Notes, command.Now)];
    }

    public static IReadOnlyList<object> Decide(NoteFollowUpVisitsOverdue command, ReturnCase state) =>
        state.Referral is { Status: ReferralStatus.HandedOver } referral
            ? [.. OverdueVisits(referral, command.Now).Select(v => new FollowUpVisitOverdue(command.CaseId, referral.Id, v.Id, v.DueOn, command.Now))]
            : [];

    public static IReadOnlyList<object> Decide(CloseReturnCase command, ReturnCase state)
    {
        if (state.Referral is { Status: ReferralStatus.Closed, Outcome: var outcome })
        {
            return outcome == command.Outcome ? [] : throw new RuleViolationException(CaseClosedRule, $"The return case was already closed ({outcome}).");
        }

        var referral = HandedOverReferralOf(state);
        return [new ReturnCaseClosed(command.CaseId, referral.Id, command.Outcome, command.Reason, command.Now)];
    }

    /// <summary>Pending visits whose day has passed and that were not alerted yet.</summary>
    public static IEnumerable<FollowUpVisit> OverdueVisits(Referral referral, DateTimeOffset now) =>
        referral.Visits.Where(v => v.IsPending && v.AlertedAt is null && v.DueOn < Today(now));

    /// <summary>When the next pending visit becomes overdue (the day after it is due), if any.</summary>
    public static DateTimeOffset? NextOverdueAt(ReturnCase state) =>
        state.Referral is { Status: ReferralStatus.HandedOver } referral
            && referral.Visits.Where(v => v.IsPending && v.AlertedAt is null).Select(v => (DateOnly?)v.DueOn).Min() is { } due
            ? new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;

    private static Referral HandedOverReferralOf(ReturnCase state) => state.Referral switch
    {
        { Status: ReferralStatus.HandedOver } referral => referral,
        { Status: ReferralStatus.Closed } => throw new RuleViolationException(CaseClosedRule, $"The return case {state.Reference} is closed."),
        var referral => throw new RuleViolationException(NotHandedOverRule, $"Reintegration begins at handover; the referral is {referral?.Status.ToString() ?? "not made"}."),
    };

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    public static ReturnCase Evolve(ReturnCase state, object e) => e switch
    {
        ReintegrationPlanRecorded plan => ReturnCaseDecider.WithReferral(state, r => r with
        {
            Plan = new ReintegrationPlan([.. plan.Goals.Select(g => g.Area).Distinct()], plan.RecordedAt),
        }),
        FollowUpVisitScheduled scheduled => ReturnCaseDecider.WithReferral(state, r => r with
        {
            Visits = [.. r.Visits, new FollowUpVisit(scheduled.VisitId, scheduled.DueOn, VisitedOn: null, AlertedAt: null)],
        }),
        FollowUpVisitRecorded recorded => ReturnCaseDecider.WithReferral(state, r => r with
        {
            Visits = [.. r.Visits.Select(v => v.Id == recorded.VisitId ? v with { VisitedOn = recorded.VisitedOn } : v)],
        }),
        FollowUpVisitOverdue overdue => ReturnCaseDecider.WithReferral(state, r => r with
        {
            Visits = [.. r.Visits.Select(v => v.Id == overdue.VisitId ? v with { AlertedAt = overdue.AlertedAt } : v)],
        }),
        ReturnCaseClosed closed => ReturnCaseDecider.WithReferral(state, r => r with { Status = ReferralStatus.Closed, Outcome = closed.Outcome }),
        _ => state,
    };
}
