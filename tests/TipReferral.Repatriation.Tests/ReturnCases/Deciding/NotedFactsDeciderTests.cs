using TipReferral.Domain;
using TipReferral.Repatriation.ReturnCases;
using static TipReferral.Repatriation.Tests.ReturnCases.Deciding.ReturnCaseFixtures;

namespace TipReferral.Repatriation.Tests.ReturnCases.Deciding;

/// <summary>Facts other services publish, in whatever order they arrive, and the erasure that ends recording.</summary>
public sealed class NotedFactsDeciderTests
{
    private static OpenReturnCase Open(bool child) => new(CaseId, Reference, Country, child, Opened().Source, OpenedAt);

    private static NoteReflectionPeriod NoteReflection(ReflectionPeriodState state) => new(CaseId, state, Reflection(state).Source, Now);

    private static NotePersonalDataErased Erase => new(CaseId, Opened().Source with { EventType = "PersonalDataErased" }, Now);

    [Fact]
    public void A_registered_case_is_opened_once()
    {
        Given().When(Open(child: false)).ShouldBe([Opened()]);
        Given(Opened()).When(Open(child: false)).ShouldBeEmpty();
    }

    [Fact]
    public void A_revised_age_decision_is_noted()
    {
        var events = Given(Opened(child: true)).When(Open(child: false));

        events.ShouldBe([new ChildStatusNoted(CaseId, false, Opened().Source)]);
        Given(Opened(child: true)).Then(events).IsChild.ShouldBeFalse();
    }

    [Fact]
    public void A_command_on_an_unknown_case_is_not_found()
    {
        Should.Throw<NotFoundException>(() => Given().When(Request()));
    }

    [Fact]
    public void A_running_period_is_noted_then_its_end()
    {
        Given(Opened()).When(NoteReflection(ReflectionPeriodState.Running)).ShouldBe([Reflection(ReflectionPeriodState.Running) with { Source = NoteReflection(ReflectionPeriodState.Running).Source }]);
        Given(Opened(), Reflection(ReflectionPeriodState.Running)).When(NoteReflection(ReflectionPeriodState.Ended)).ShouldHaveSingleItem()
            .ShouldBeOfType<ReflectionPeriodNoted>().State.ShouldBe(ReflectionPeriodState.Ended);
        Given(Opened(), Reflection(ReflectionPeriodState.Running)).When(NoteReflection(ReflectionPeriodState.Running)).ShouldBeEmpty();
    }

    [Fact]
    public void A_start_arriving_after_the_end_never_runs_the_period_again()
    {
        var ended = Given(Opened(), Reflection(ReflectionPeriodState.Ended));

        ended.When(NoteReflection(ReflectionPeriodState.Running)).ShouldBeEmpty();
        ended!.ReflectionPeriod.ShouldBe(ReflectionPeriodState.Ended);
    }

    [Fact]
    public void A_placement_arriving_after_its_release_leaves_no_active_hold()
    {
        var released = Given(Opened(), Hold(active: false));

        released.When(new NoteLegalHold(CaseId, HoldId, Placed: true, Hold(active: true).Source, Now)).ShouldBeEmpty();
        released!.ActiveHolds.ShouldBeEmpty();
    }

    [Fact]
    public void Each_hold_counts_until_its_own_release()
    {
        var otherHold = FixedId(0xd2);

        var state = Given(Opened(), Hold(active: true), Hold(active: true, otherHold), Hold(active: false));

        state!.ActiveHolds.ShouldBe([otherHold]);
        state.When(new NoteLegalHold(CaseId, HoldId, Placed: false, Hold(active: false).Source, Now)).ShouldBeEmpty();
    }

    [Fact]
    public void Erasure_is_noted_once()
    {
        Given(Opened()).When(Erase).ShouldBe([new PersonalDataErased(CaseId, Erase.Source)]);
        Given(Opened(), new PersonalDataErased(CaseId, Erase.Source)).When(Erase).ShouldBeEmpty();
    }

    [Fact]
    public void After_erasure_nothing_more_about_the_person_is_recorded()
    {
        var erased = Given(ReadyAdult.And(new PersonalDataErased(CaseId, Erase.Source)));

        erased.Refusing(Request()).Rule.ShouldBe(ReturnCaseDecider.PersonalDataErasedRule);
        erased.Refusing(Schedule()).Rule.ShouldBe(ReturnCaseDecider.PersonalDataErasedRule);
        erased.Refusing(Contribute(ReturnSide.Sending, RiskLevel.Low)).Rule.ShouldBe(ReturnCaseDecider.PersonalDataErasedRule);
    }

    [Fact]
    public void After_erasure_other_services_facts_are_still_noted()
    {
        var erased = Given(ReadyAdult.And(new PersonalDataErased(CaseId, Erase.Source)));

        erased.When(new NoteLegalHold(CaseId, HoldId, Placed: true, Hold(active: true).Source, Now)).ShouldHaveSingleItem().ShouldBeOfType<LegalHoldNoted>();
    }
}
