using TipReferral.Shelter.ShelterCases;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;

namespace TipReferral.Shelter.Tests.ShelterCases.AssessingNeeds;

public sealed class NeedsAssessmentDeciderTests
{
    private const string Notes = "Sleeps badly; asked for a lawyer";

    /// <summary>23:30 UTC on 20 March 2026: already 21 March in Lagos (UTC+1).</summary>
    private static readonly DateTimeOffset LateEvening = new(2026, 3, 20, 23, 30, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = new(2026, 3, 20);

    private static RecordNeedsAssessment Assess(DateOnly assessedOn, params NeedArea[] needs) => new(CaseId, assessedOn, needs, Notes, ShelterStaff, LateEvening);

    [Fact]
    public void An_assessment_records_each_need_once_with_the_notes_and_who_recorded_it()
    {
        var assessed = Given(AdultAwaiting).When(Assess(Today, NeedArea.Legal, NeedArea.Psychosocial, NeedArea.Legal)).OfType<NeedsAssessed>().ShouldHaveSingleItem();

        assessed.CaseId.ShouldBe(CaseId);
        assessed.AssessedOn.ShouldBe(Today);
        assessed.Needs.ShouldBe([NeedArea.Legal, NeedArea.Psychosocial]);
        assessed.Notes.ShouldBe(Notes);
        assessed.RecordedBy.ShouldBe(ShelterStaff);
        assessed.RecordedAt.ShouldBe(LateEvening);
    }

    [Fact]
    public void An_assessment_dated_tomorrow_in_utc_is_accepted_since_it_is_already_today_somewhere()
    {
        Given(AdultAwaiting).When(Assess(Today.AddDays(1), NeedArea.Medical)).OfType<NeedsAssessed>().ShouldHaveSingleItem();
    }

    [Fact]
    public void An_assessment_dated_two_days_ahead_breaks_date_in_future()
    {
        Given(AdultAwaiting).RuleBrokenBy(Assess(Today.AddDays(2), NeedArea.Medical)).ShouldBe("date-in-future");
    }

    [Fact]
    public void Each_assessment_is_kept()
    {
        var first = new NeedsAssessed(CaseId, Today.AddDays(-7), [NeedArea.Medical], "First", ShelterStaff, LateEvening.AddDays(-7));
        var second = new NeedsAssessed(CaseId, Today, [NeedArea.Legal], "Second", ShelterStaff, LateEvening);

        var state = Given(AdultAwaiting, first, second).ShouldNotBeNull();

        state.NeedsAssessments.Select(a => (a.AssessedOn, a.Notes)).ShouldBe([(Today.AddDays(-7), "First"), (Today, "Second")]);
    }
}
