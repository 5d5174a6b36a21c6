using TipReferral.Domain;
using TipReferral.Repatriation.ReturnCases;
using static TipReferral.Repatriation.Tests.ReturnCases.Deciding.ReturnCaseFixtures;

namespace TipReferral.Repatriation.Tests.ReturnCases.Deciding;

/// <summary>After handover: the plan, follow-up visits (alerted once when overdue) and closure with an outcome.</summary>
public sealed class ReintegratingDeciderTests
{
    private static readonly DateOnly DueOn = TravelOn.AddDays(30);
    private static readonly DateTimeOffset AfterHandover = StartOf(TravelOn).AddDays(1);
    private static readonly IReadOnlyList<ReintegrationGoal> Goals = [new(ReintegrationArea.EducationOrWork, "Tailoring apprenticeship.")];

    private static ReturnCase? WithVisitDue => Given(HandedOverAdult.And(VisitScheduled(DueOn)));

    private static RecordReintegrationPlan Plan => new(CaseId, Goals, AfterHandover);

    private static ScheduleFollowUpVisit ScheduleVisit(DateOnly dueOn) => new(CaseId, VisitId, dueOn, AfterHandover);

    private static RecordFollowUpVisit Visit(DateOnly visitedOn, DateTimeOffset now) => new(CaseId, VisitId, visitedOn, "Settled, attending.", now);

    private static NoteFollowUpVisitsOverdue OverdueAt(DateTimeOffset now) => new(CaseId, now);

    private static CloseReturnCase Close(ReturnOutcome outcome = ReturnOutcome.Reintegrated) => new(CaseId, outcome, "Plan completed.", StartOf(DueOn).AddDays(2));

    public static TheoryData<string> ReintegrationCommands => ["plan", "visit", "close"];

    private static ReturnCaseCommand Named(string command) => command switch
    {
        "plan" => Plan,
        "visit" => ScheduleVisit(DueOn),
        "close" => Close(),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    [Theory]
    [MemberData(nameof(ReintegrationCommands))]
    public void Reintegration_waits_for_the_handover(string command)
    {
        Given(ScheduledAdult.And(Departed)).Refusing(Named(command)).Rule.ShouldBe(Reintegrating.NotHandedOverRule);
    }

    [Theory]
    [MemberData(nameof(ReintegrationCommands))]
    public void Nothing_more_is_recorded_on_a_closed_case(string command)
    {
        var closed = Given(HandedOverAdult.And(new ReturnCaseClosed(CaseId, ReferralId, ReturnOutcome.LostContact, "No answer for months.", AfterHandover)));

        closed.Refusing(Named(command)).Rule.ShouldBe(Reintegrating.CaseClosedRule);
    }

    [Fact]
    public void A_plan_is_recorded_after_handover()
    {
        var events = Given(HandedOverAdult).When(Plan);

        events.ShouldBe([new ReintegrationPlanRecorded(CaseId, ReferralId, Goals, AfterHandover)]);
        Given(HandedOverAdult).Then(events).Referral!.Plan!.Areas.ShouldBe([ReintegrationArea.EducationOrWork]);
    }

    [Fact]
    public void A_visit_is_scheduled_once_and_never_for_a_past_day()
    {
        Given(HandedOverAdult).When(ScheduleVisit(DueOn)).ShouldBe([VisitScheduled(DueOn)]);
        WithVisitDue.When(ScheduleVisit(DueOn)).ShouldBeEmpty();
        Given(HandedOverAdult).Refusing(ScheduleVisit(DayOf(AfterHandover).AddDays(-1))).Rule.ShouldBe(Reintegrating.VisitDatePassedRule);
    }

    [Fact]
    public void A_visit_is_recorded_once_made_and_not_in_advance()
    {
        WithVisitDue.When(Visit(DueOn, StartOf(DueOn).AddHours(12)))
            .ShouldBe([new FollowUpVisitRecorded(CaseId, ReferralId, VisitId, DueOn, "Settled, attending.", StartOf(DueOn).AddHours(12))]);
        WithVisitDue.Refusing(Visit(DueOn, StartOf(DueOn).AddDays(-1))).Rule.ShouldBe(Reintegrating.VisitInFutureRule);
    }

    [Fact]
    public void Recording_an_unscheduled_visit_is_not_found()
    {
        Should.Throw<NotFoundException>(() => Given(HandedOverAdult).When(Visit(DueOn, StartOf(DueOn).AddHours(12))));
    }

    [Fact]
    public void A_pending_visit_past_its_day_is_alerted_once()
    {
        var dayAfter = StartOf(DueOn).AddDays(1);

        var events = WithVisitDue.When(OverdueAt(dayAfter));

        events.ShouldBe([new FollowUpVisitOverdue(CaseId, ReferralId, VisitId, DueOn, dayAfter)]);
        WithVisitDue.Then(events).When(OverdueAt(dayAfter.AddDays(3))).ShouldBeEmpty();
    }

    [Fact]
    public void A_visit_on_its_day_or_already_made_is_not_overdue()
    {
        WithVisitDue.When(OverdueAt(StartOf(DueOn).AddHours(23))).ShouldBeEmpty();
        Given(HandedOverAdult.And(VisitScheduled(DueOn), new FollowUpVisitRecorded(CaseId, ReferralId, VisitId, DueOn, "Seen.", StartOf(DueOn))))
            .When(OverdueAt(StartOf(DueOn).AddDays(5))).ShouldBeEmpty();
    }

    [Fact]
    public void The_next_overdue_time_is_the_day_after_the_earliest_pending_visit_not_yet_alerted()
    {
        var laterVisit = FixedId(0xe2);
        var twoVisits = Given(HandedOverAdult.And(VisitScheduled(DueOn.AddDays(30), laterVisit), VisitScheduled(DueOn)));

        Reintegrating.NextOverdueAt(twoVisits!).ShouldBe(StartOf(DueOn.AddDays(1)));
        var alerted = twoVisits.Then([new FollowUpVisitOverdue(CaseId, ReferralId, VisitId, DueOn, StartOf(DueOn.AddDays(1)))]);
        Reintegrating.NextOverdueAt(alerted).ShouldBe(StartOf(DueOn.AddDays(31)));
        Reintegrating.NextOverdueAt(Given(HandedOverAdult)!).ShouldBeNull();
    }

    [Fact]
    public void Closure_records_the_outcome_once()
    {
        var events = Given(HandedOverAdult).When(Close(ReturnOutcome.PartiallyReintegrated));

        events.ShouldBe([new ReturnCaseClosed(CaseId, ReferralId, ReturnOutcome.PartiallyReintegrated, "Plan completed.", Close().Now)]);
        var closed = Given(HandedOverAdult).Then(events);
        closed.Referral!.Outcome.ShouldBe(ReturnOutcome.PartiallyReintegrated);
        closed.ActiveReferral.ShouldBeNull();
        closed.When(Close(ReturnOutcome.PartiallyReintegrated)).ShouldBeEmpty();
        closed.Refusing(Close(ReturnOutcome.Reintegrated)).Rule.ShouldBe(Reintegrating.CaseClosedRule);
    }
}
