using TipReferral.Legal.LegalFiles;
using static TipReferral.Legal.Tests.LegalFiles.LegalFileFixtures;

namespace TipReferral.Legal.Tests.LegalFiles;

public sealed class FollowingReflectionPeriodTests
{
    [Fact]
    public void The_shelter_services_start_extension_and_end_are_noted_once_and_an_end_is_final()
    {
        var state = Given(Opened());
        var started = Decide(new NoteReflectionPeriod(CaseId, ReflectionPeriodState.Running, Now.AddDays(30), null, Now), state).ShouldHaveSingleItem();
        state = LegalFileDecider.Evolve(state, started)!;
        state.ReflectionPeriod.ShouldBe(ReflectionPeriodState.Running);

        Decide(new NoteReflectionPeriod(CaseId, ReflectionPeriodState.Running, Now.AddDays(30), null, Now), state).ShouldBeEmpty();
        var extended = Decide(new NoteReflectionPeriod(CaseId, ReflectionPeriodState.Running, Now.AddDays(60), null, Now), state).ShouldHaveSingleItem();
        state = LegalFileDecider.Evolve(state, extended)!;
        state.ReflectionPeriodEndsAt.ShouldBe(Now.AddDays(60));

        var ended = Decide(new NoteReflectionPeriod(CaseId, ReflectionPeriodState.Ended, null, "EXPIRED", Now.AddDays(60)), state).ShouldHaveSingleItem();
        state = LegalFileDecider.Evolve(state, ended)!;
        state.ReflectionPeriod.ShouldBe(ReflectionPeriodState.Ended);

        // A start or extension delivered late never makes an ended period run again.
        Decide(new NoteReflectionPeriod(CaseId, ReflectionPeriodState.Running, Now.AddDays(90), null, Now), state).ShouldBeEmpty();
    }

    [Fact]
    public void An_end_arriving_before_the_start_ends_the_period()
    {
        var ended = Decide(new NoteReflectionPeriod(CaseId, ReflectionPeriodState.Ended, null, "ENDED_AT_PERSONS_REQUEST", Now), Given(Opened()))
            .ShouldHaveSingleItem().ShouldBeOfType<ReflectionPeriodEnded>();
        ended.How.ShouldBe("ENDED_AT_PERSONS_REQUEST");
    }
}
