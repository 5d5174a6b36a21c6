using TipReferral.Repatriation.ReturnCases;
using static TipReferral.Repatriation.Tests.ReturnCases.Deciding.ReturnCaseFixtures;

namespace TipReferral.Repatriation.Tests.ReturnCases.Deciding;

/// <summary>The joint risk assessment: neither side's concern averaged away.</summary>
public sealed class RiskAssessmentDeciderTests
{
    private static ReturnCase? AcceptedReferral => Given(Opened(), Requested(), Acknowledged, Accepted);

    [Theory]
    [InlineData(RiskLevel.Low, RiskLevel.Medium)]
    [InlineData(RiskLevel.Medium, RiskLevel.High)]
    [InlineData(RiskLevel.High, RiskLevel.Unacceptable)]
    public void An_overall_level_below_a_risk_it_weighs_is_refused(RiskLevel level, RiskLevel component)
    {
        AcceptedReferral.Refusing(Contribute(ReturnSide.Sending, level, components: component)).Rule.ShouldBe(RiskAssessment.LevelBelowComponentsRule);
    }

    [Fact]
    public void A_contribution_is_recorded_for_its_side()
    {
        AcceptedReferral.When(Contribute(ReturnSide.Receiving, RiskLevel.High, components: RiskLevel.Medium)).ShouldBe(
        [
            new RiskAssessmentContributed(CaseId, ReferralId, ReturnSide.Receiving, RiskLevel.Medium, RiskLevel.Medium, "Safe accommodation.", RiskLevel.High, "Recruiters still active.", Now),
        ]);
    }

    [Theory]
    [InlineData(RiskLevel.Low, RiskLevel.High, RiskLevel.High)]
    [InlineData(RiskLevel.High, RiskLevel.Low, RiskLevel.High)]
    [InlineData(RiskLevel.Medium, RiskLevel.Medium, RiskLevel.Medium)]
    public void The_overall_level_is_the_higher_of_both_sides(RiskLevel sending, RiskLevel receiving, RiskLevel overall)
    {
        var state = Given(Opened(), Requested(), Risk(ReturnSide.Sending, sending), Risk(ReturnSide.Receiving, receiving));

        RiskAssessment.OverallOf(state!.Referral!).ShouldBe(overall);
    }

    [Fact]
    public void There_is_no_overall_level_until_both_sides_contributed()
    {
        RiskAssessment.OverallOf(Given(Opened(), Requested(), Risk(ReturnSide.Sending, RiskLevel.Low))!.Referral!).ShouldBeNull();
    }

    [Fact]
    public void A_sides_revision_replaces_its_earlier_contribution()
    {
        var state = Given(Opened(), Requested(), Risk(ReturnSide.Sending, RiskLevel.High), Risk(ReturnSide.Receiving, RiskLevel.Low), Risk(ReturnSide.Sending, RiskLevel.Medium));

        state!.Referral!.RiskContributions.Select(c => (c.Side, c.Level)).ShouldBe([(ReturnSide.Receiving, RiskLevel.Low), (ReturnSide.Sending, RiskLevel.Medium)]);
        RiskAssessment.OverallOf(state.Referral).ShouldBe(RiskLevel.Medium);
    }

    [Fact]
    public void A_contribution_after_departure_is_refused()
    {
        Given(ScheduledAdult.And(Departed)).Refusing(Contribute(ReturnSide.Sending, RiskLevel.Low)).Rule.ShouldBe(Referring.AlreadyDepartedRule);
    }
}
