using TipReferral.Repatriation.ReturnCases;
using static TipReferral.Repatriation.Tests.ReturnCases.Deciding.ReturnCaseFixtures;

namespace TipReferral.Repatriation.Tests.ReturnCases.Deciding;

/// <summary>A scheduled travel whose gates stop holding is suspended in the same decision that broke them.</summary>
public sealed class TravelSuspensionTests
{
    private static ReturnCase? ScheduledChild => Given(ReadyChild.And(Scheduled(escorted: true)));

    private static NoteLegalHold PlaceHold => new(CaseId, HoldId, Placed: true, Hold(active: true).Source, Now);

    private static NoteLegalHold ReleaseHold => new(CaseId, HoldId, Placed: false, Hold(active: false).Source, Now);

    private static RecordBestInterestsDetermination Determine(bool returnInBestInterests) =>
        new(CaseId, "Tribunale per i minorenni di Torino", DayOf(Now), returnInBestInterests, "Afraid of her uncle.", "Opposes return.", "Uncle linked to recruiters.", Now);

    private static TravelSuspended SuspensionIn(IReadOnlyList<object> events) => events.OfType<TravelSuspended>().ShouldHaveSingleItem();

    [Fact]
    public void A_legal_hold_placed_after_scheduling_suspends_the_travel()
    {
        var events = Given(ScheduledAdult).When(PlaceHold);

        events[0].ShouldBe(Hold(active: true) with { Source = PlaceHold.Source });
        var suspension = SuspensionIn(events);
        suspension.BrokenGates.ShouldBe([ReturnGates.NoLegalHold]);
        suspension.SuspendedAt.ShouldBe(Now);
        Given(ScheduledAdult).Then(events).Referral!.Status.ShouldBe(ReferralStatus.TravelSuspended);
    }

    [Fact]
    public void A_best_interests_revision_against_return_suspends_the_childs_travel()
    {
        var events = ScheduledChild.When(Determine(returnInBestInterests: false));

        events[0].ShouldBeOfType<BestInterestsDetermined>();
        SuspensionIn(events).BrokenGates.ShouldBe([ReturnGates.ChildBestInterests]);
    }

    [Fact]
    public void A_risk_revised_to_unacceptable_suspends_the_travel()
    {
        var events = Given(ScheduledAdult).When(Contribute(ReturnSide.Receiving, RiskLevel.Unacceptable));

        events[0].ShouldBeOfType<RiskAssessmentContributed>();
        SuspensionIn(events).BrokenGates.ShouldBe([ReturnGates.Risk]);
    }

    [Fact]
    public void A_travel_document_replaced_by_one_expiring_before_travel_suspends_the_travel()
    {
        var events = Given(ScheduledAdult).When(new RecordTravelDocument(CaseId, TravelDocumentType.Passport, "P-1", "Nigeria Immigration Service", TravelOn.AddDays(-1), Now));

        SuspensionIn(events).BrokenGates.ShouldBe([ReturnGates.TravelDocument]);
    }

    [Fact]
    public void A_revision_that_keeps_every_gate_leaves_the_travel_scheduled()
    {
        Given(ScheduledAdult).When(Contribute(ReturnSide.Receiving, RiskLevel.High)).ShouldHaveSingleItem().ShouldBeOfType<RiskAssessmentContributed>();
    }

    [Fact]
    public void A_withdrawal_ends_the_referral_instead_of_suspending_it()
    {
        Given(ScheduledAdult).When(new WithdrawReturnDecision(CaseId, "She wants to stay.", Now)).ShouldHaveSingleItem().ShouldBeOfType<ReferralWithdrawn>();
    }

    [Fact]
    public void A_suspended_travel_departs_only_once_scheduled_again()
    {
        var suspended = Given(ScheduledAdult).Then(Given(ScheduledAdult).When(PlaceHold));

        suspended.Refusing(Depart()).Rule.ShouldBe(Travelling.NotScheduledRule);
        GatesNamedBy(suspended.Refusing(Schedule())).ShouldBe([ReturnGates.NoLegalHold]);
    }

    [Fact]
    public void Releasing_the_hold_lets_the_suspended_travel_be_scheduled_again()
    {
        var suspended = Given(ScheduledAdult).Then(Given(ScheduledAdult).When(PlaceHold));

        var release = suspended.When(ReleaseHold);

        release.ShouldHaveSingleItem().ShouldBeOfType<LegalHoldNoted>().Active.ShouldBeFalse();
        var released = suspended.Then(release);
        released.When(Schedule()).ShouldHaveSingleItem().ShouldBeOfType<TravelScheduled>();
    }
}
