using TipReferral.Repatriation.ReturnCases;
using static TipReferral.Repatriation.Tests.ReturnCases.Deciding.ReturnCaseFixtures;

namespace TipReferral.Repatriation.Tests.ReturnCases.Deciding;

/// <summary>The hard gates before travel (DOMAIN.md, phase 4): each on its own, then all at once.</summary>
public sealed class ReturnGatesTests
{
    /// <summary>A case meeting every gate but one, and the command that meets the rest, by name.</summary>
    private static (ReturnCase? State, ScheduleTravel Command) OneGateUnmet(string scenario) => scenario switch
    {
        "no consent" => (Given(ReadyAdult), Schedule(withConsent: false)),
        "not accepted" => (Given(ReadyAdult.Without(Accepted)), Schedule()),
        "receiving risk side missing" => (Given(ReadyAdult.Without(Risk(ReturnSide.Receiving, RiskLevel.Low))), Schedule()),
        "sending risk side missing" => (Given(ReadyAdult.Without(Risk(ReturnSide.Sending, RiskLevel.Medium))), Schedule()),
        "risk unacceptable" => (Given(ReadyAdult.And(Risk(ReturnSide.Receiving, RiskLevel.Unacceptable))), Schedule()),
        "reflection period unknown" => (Given(ReadyAdult.Without(Reflection(ReflectionPeriodState.Ended))), Schedule()),
        "reflection period running" => (Given(ReadyAdult.Without(Reflection(ReflectionPeriodState.Ended)).And(Reflection(ReflectionPeriodState.Running))), Schedule()),
        "legal hold active" => (Given(ReadyAdult.And(Hold(active: true))), Schedule()),
        "no travel document" => (Given(ReadyAdult.Without(ValidTravelDocument)), Schedule()),
        "travel document expires the day before" => (Given(ReadyAdult.Without(ValidTravelDocument).And(TravelDocumentValidUntil(TravelOn.AddDays(-1)))), Schedule()),
        "child without best-interests determination" => (Given(ReadyChild.Without(BestInterests(true))), Schedule(escorted: true)),
        "child whose determination opposes return" => (Given(ReadyChild.Without(BestInterests(true)).And(BestInterests(false))), Schedule(escorted: true)),
        "child whose family was found unsuitable" => (Given(ReadyChild.Without(Traced(FamilyTracingOutcome.FoundSuitable)).And(Traced(FamilyTracingOutcome.FoundNotSuitable))), Schedule(escorted: true)),
        "child whose family was not found" => (Given(ReadyChild.Without(Traced(FamilyTracingOutcome.FoundSuitable)).And(Traced(FamilyTracingOutcome.NotFound))), Schedule(escorted: true)),
        "child without tracing or care" => (Given(ReadyChild.Without(Traced(FamilyTracingOutcome.FoundSuitable))), Schedule(escorted: true)),
        "child without escort" => (Given(ReadyChild), Schedule(escorted: false)),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    [Theory]
    [InlineData("no consent", ReturnGates.Consent)]
    [InlineData("not accepted", ReturnGates.Accepted)]
    [InlineData("receiving risk side missing", ReturnGates.Risk)]
    [InlineData("sending risk side missing", ReturnGates.Risk)]
    [InlineData("risk unacceptable", ReturnGates.Risk)]
    [InlineData("reflection period unknown", ReturnGates.ReflectionPeriod)]
    [InlineData("reflection period running", ReturnGates.ReflectionPeriod)]
    [InlineData("legal hold active", ReturnGates.NoLegalHold)]
    [InlineData("no travel document", ReturnGates.TravelDocument)]
    [InlineData("travel document expires the day before", ReturnGates.TravelDocument)]
    [InlineData("child without best-interests determination", ReturnGates.ChildBestInterests)]
    [InlineData("child whose determination opposes return", ReturnGates.ChildBestInterests)]
    [InlineData("child whose family was found unsuitable", ReturnGates.ChildCareOnArrival)]
    [InlineData("child whose family was not found", ReturnGates.ChildCareOnArrival)]
    [InlineData("child without tracing or care", ReturnGates.ChildCareOnArrival)]
    [InlineData("child without escort", ReturnGates.ChildEscort)]
    public void A_single_unmet_gate_refuses_travel_naming_that_gate_and_no_other(string scenario, string gate)
    {
        var (state, command) = OneGateUnmet(scenario);

        GatesNamedBy(state.Refusing(command)).ShouldBe([gate]);
        var evaluated = ReturnGates.Evaluate(state!, command.TravelOn, command.Escort is not null, command.Consent);
        ReturnGates.Unmet(evaluated).Select(g => g.Gate).ShouldBe([gate]);
    }

    [Fact]
    public void Every_gate_met_schedules_the_adults_travel()
    {
        Given(ReadyAdult).When(Schedule()).ShouldBe([new TravelScheduled(CaseId, ReferralId, TravelOn, "MXP–ABV", null, null, null, null, Now)]);
    }

    [Fact]
    public void Every_gate_met_schedules_the_childs_escorted_travel()
    {
        Given(ReadyChild).When(Schedule(escorted: true))
            .ShouldBe([new TravelScheduled(CaseId, ReferralId, TravelOn, "MXP–ABV", AnEscort.Name, AnEscort.Organisation, null, null, Now)]);
    }

    /// <summary>The gate-meeting variants that the single-gate theory does not reach.</summary>
    [Theory]
    [InlineData("family found unsuitable, alternative care recorded")]
    [InlineData("family not found, alternative care recorded")]
    [InlineData("hold placed then released")]
    [InlineData("travel document expires on the travel day")]
    public void A_gate_met_another_way_lets_travel_be_scheduled(string scenario)
    {
        var (events, command) = scenario switch
        {
            "family found unsuitable, alternative care recorded" =>
                (ReadyChild.Without(Traced(FamilyTracingOutcome.FoundSuitable)).And(Traced(FamilyTracingOutcome.FoundNotSuitable), AlternativeCareArranged), Schedule(escorted: true)),
            "family not found, alternative care recorded" =>
                (ReadyChild.Without(Traced(FamilyTracingOutcome.FoundSuitable)).And(Traced(FamilyTracingOutcome.NotFound), AlternativeCareArranged), Schedule(escorted: true)),
            "hold placed then released" => (ReadyAdult.And(Hold(active: true), Hold(active: false)), Schedule()),
            "travel document expires on the travel day" => (ReadyAdult.Without(ValidTravelDocument).And(TravelDocumentValidUntil(TravelOn)), Schedule()),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        Given(events).When(command).ShouldHaveSingleItem().ShouldBeOfType<TravelScheduled>();
    }

    [Fact]
    public void A_release_that_overtook_its_placement_still_lets_travel_be_scheduled()
    {
        var released = Given(ReadyAdult.And(Hold(active: false)));

        var placement = released.When(new NoteLegalHold(CaseId, HoldId, Placed: true, Hold(active: true).Source, Now));

        placement.ShouldBeEmpty();
        released.Then(placement).When(Schedule()).ShouldHaveSingleItem().ShouldBeOfType<TravelScheduled>();
    }

    [Fact]
    public void A_withdrawn_return_decision_fails_its_gate_and_leaves_no_referral_to_schedule()
    {
        var state = Given(ReadyAdult.And(Withdrawn));

        var decision = ReturnGates.Evaluate(state!, TravelOn, escorted: false, AConsent).Single(g => g.Gate == ReturnGates.ReturnDecision);
        decision.State.ShouldBe(GateState.NotMet);
        decision.Detail.ShouldContain("withdrew");
        state.Refusing(Schedule()).Rule.ShouldBe(Referring.NoActiveReferralRule);
    }

    [Fact]
    public void An_adult_case_with_nothing_met_names_every_adult_gate_and_leaves_the_child_gates_out()
    {
        var state = Given(Opened(), Requested(), Hold(active: true));

        GatesNamedBy(state.Refusing(Schedule(withConsent: false)))
            .ShouldBe([ReturnGates.Consent, ReturnGates.Accepted, ReturnGates.Risk, ReturnGates.ReflectionPeriod, ReturnGates.NoLegalHold, ReturnGates.TravelDocument]);
        ReturnGates.Evaluate(state!, TravelOn, escorted: false, consent: null)
            .Where(g => g.State == GateState.NotApplicable).Select(g => g.Gate)
            .ShouldBe([ReturnGates.ChildBestInterests, ReturnGates.ChildCareOnArrival, ReturnGates.ChildEscort]);
    }

    [Fact]
    public void A_child_case_with_nothing_met_names_the_child_gates_too()
    {
        var state = Given(Opened(child: true), Requested(child: true), Hold(active: true));

        GatesNamedBy(state.Refusing(Schedule(withConsent: false, escorted: false))).ShouldBe(
        [
            ReturnGates.Consent, ReturnGates.Accepted, ReturnGates.Risk, ReturnGates.ChildBestInterests, ReturnGates.ChildCareOnArrival, ReturnGates.ChildEscort,
            ReturnGates.ReflectionPeriod, ReturnGates.NoLegalHold, ReturnGates.TravelDocument,
        ]);
    }

    [Fact]
    public void A_case_without_any_referral_fails_every_gate_that_applies()
    {
        var evaluated = ReturnGates.Evaluate(Given(Opened(child: true), Hold(active: true))!, TravelOn, escorted: false, consent: null);

        evaluated.ShouldAllBe(g => g.State == GateState.NotMet);
        evaluated.Select(g => g.Gate).ShouldBe(ReturnGates.All);
    }

    [Fact]
    public void Travel_cannot_be_scheduled_for_a_past_date()
    {
        Given(ReadyAdult).Refusing(Schedule(travelOn: DayOf(Now).AddDays(-1))).Rule.ShouldBe(Travelling.TravelDatePassedRule);
    }

    [Fact]
    public void Scheduling_the_same_date_again_changes_nothing_and_a_new_date_reschedules()
    {
        var scheduled = Given(ScheduledAdult);

        scheduled.When(Schedule()).ShouldBeEmpty();
        scheduled.When(Schedule(travelOn: TravelOn.AddDays(2))).ShouldHaveSingleItem().ShouldBeOfType<TravelScheduled>().TravelOn.ShouldBe(TravelOn.AddDays(2));
    }
}
