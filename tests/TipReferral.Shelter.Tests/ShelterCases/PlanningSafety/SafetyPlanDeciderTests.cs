using TipReferral.Shelter.ShelterCases;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;

namespace TipReferral.Shelter.Tests.ShelterCases.PlanningSafety;

public sealed class SafetyPlanDeciderTests
{
    private const string Measures = "Escort to and from court; no phone contact with the recruiter's family";
    private const string ReviewedMeasures = "Escort to court only";

    private static readonly DateTimeOffset RecordedAt = DaysLater(10);
    private static readonly DateOnly Today = new(2026, 3, 20);

    private static RecordSafetyPlan Plan(DateOnly agreedOn, DateOnly reviewBy, string measures = Measures) =>
        new(CaseId, agreedOn, reviewBy, measures, ShelterStaff, RecordedAt);

    private static SafetyPlanAgreed Agreed(DateOnly agreedOn, DateOnly reviewBy) => new(CaseId, agreedOn, reviewBy, Measures, ShelterStaff, RecordedAt);

    [Fact]
    public void The_first_plan_is_agreed()
    {
        Given(AdultAwaiting).When(Plan(Today, Today.AddDays(30))).ShouldBe([Agreed(Today, Today.AddDays(30))]);
    }

    [Fact]
    public void A_plan_recorded_after_the_first_is_a_review_with_the_next_review_date()
    {
        var events = Given(AdultAwaiting, Agreed(Today.AddDays(-30), Today)).When(Plan(Today, Today.AddDays(60), ReviewedMeasures));

        events.ShouldBe([new SafetyPlanReviewed(CaseId, Today, Today.AddDays(60), ReviewedMeasures, ShelterStaff, RecordedAt)]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_review_date_not_after_the_day_the_plan_is_agreed_breaks_review_date_after_plan(int daysAfter)
    {
        Given(AdultAwaiting).RuleBrokenBy(Plan(Today, Today.AddDays(daysAfter))).ShouldBe("review-date-after-plan");
    }

    [Fact]
    public void A_plan_dated_in_the_future_breaks_date_in_future()
    {
        Given(AdultAwaiting).RuleBrokenBy(Plan(Today.AddDays(2), Today.AddDays(30))).ShouldBe("date-in-future");
    }

    [Fact]
    public void Each_plan_and_review_is_kept_and_the_latest_is_the_current_one()
    {
        var state = Given(
                AdultAwaiting,
                Agreed(Today.AddDays(-30), Today),
                new SafetyPlanReviewed(CaseId, Today, Today.AddDays(60), ReviewedMeasures, ShelterStaff, RecordedAt))
            .ShouldNotBeNull();

        state.SafetyPlans.ShouldBe([
            new SafetyPlan(Today.AddDays(-30), Today, Measures, ShelterStaff),
            new SafetyPlan(Today, Today.AddDays(60), ReviewedMeasures, ShelterStaff),
        ]);
    }

    [Fact]
    public void Without_a_plan_no_review_is_overdue()
    {
        SafetyPlans.ReviewOverdue(Given(AdultAwaiting).ShouldNotBeNull(), RecordedAt.AddYears(1)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public void A_review_is_overdue_only_once_its_date_has_passed(int reviewByFromToday, bool overdue)
    {
        var state = Given(AdultAwaiting, Agreed(Today.AddDays(-30), Today.AddDays(reviewByFromToday))).ShouldNotBeNull();

        SafetyPlans.ReviewOverdue(state, RecordedAt).ShouldBe(overdue);
    }

    [Fact]
    public void A_review_with_a_later_date_ends_the_overdue_review()
    {
        var overdue = Given(AdultAwaiting, Agreed(Today.AddDays(-30), Today.AddDays(-1)));

        var reviewed = overdue.Then(overdue.When(Plan(Today, Today.AddDays(30), ReviewedMeasures)));

        SafetyPlans.ReviewOverdue(overdue.ShouldNotBeNull(), RecordedAt).ShouldBeTrue();
        SafetyPlans.ReviewOverdue(reviewed, RecordedAt).ShouldBeFalse();
    }
}
