using TipReferral.Legal.LegalFiles;
using static TipReferral.Legal.Tests.LegalFiles.LegalFileFixtures;

namespace TipReferral.Legal.Tests.LegalFiles.Cooperating;

public sealed class CooperationDeciderTests
{
    private static readonly InformedBy Informer = new("Avv. Chiara Rossi", "Legal aid lawyer", "Foro di Torino");

    private static RecordCooperationDecision Record(
        CooperationDecision decision = CooperationDecision.Cooperate, bool ownInitiative = false, string? statement = null, DateOnly? decidedOn = null) =>
        new(CaseId, decision, decidedOn ?? DateOnly.FromDateTime(Now.UtcDateTime), Informer, ownInitiative, statement, ProsecutorOfTorino, Now);

    [Theory]
    [InlineData(CooperationDecision.Cooperate)]
    [InlineData(CooperationDecision.Decline)]
    [InlineData(CooperationDecision.Undecided)]
    public void No_decision_is_recorded_at_a_prosecutors_initiative_while_the_reflection_period_runs(CooperationDecision decision)
    {
        DuringReflectionPeriod().RuleBrokenBy(Record(decision)).ShouldBe(CooperationDecisions.NoDecisionDuringReflectionPeriodRule);
    }

    [Fact]
    public void The_persons_own_initiative_needs_their_statement_to_count_during_the_reflection_period()
    {
        DuringReflectionPeriod().RuleBrokenBy(Record(ownInitiative: true, statement: null)).ShouldBe(CooperationDecisions.NoDecisionDuringReflectionPeriodRule);
    }

    [Fact]
    public void The_persons_own_early_initiative_is_recorded_during_the_reflection_period()
    {
        var recorded = Decide(Record(ownInitiative: true, statement: "I want to tell the police what happened."), DuringReflectionPeriod())
            .ShouldHaveSingleItem().ShouldBeOfType<CooperationDecisionRecorded>();

        recorded.AtPersonsOwnInitiative.ShouldBeTrue();
        recorded.PersonsStatement.ShouldBe("I want to tell the police what happened.");
    }

    [Fact]
    public void After_the_reflection_period_the_persons_decision_is_recorded_with_who_informed_them_and_repeating_it_changes_nothing()
    {
        var after = WithLegalCase().After(Record(CooperationDecision.Decline));

        after.Cooperation.ShouldNotBeNull();
        after.Cooperation.Decision.ShouldBe(CooperationDecision.Decline);
        after.Cooperation.InformedBy.ShouldBe(Informer);
        after.Cooperation.RecordedBy.ShouldBe(ProsecutorOfTorino);
        Decide(Record(CooperationDecision.Decline), after).ShouldBeEmpty();
        Decide(Record(CooperationDecision.Cooperate), after).ShouldHaveSingleItem();
    }

    [Fact]
    public void A_decision_to_decline_changes_nothing_but_the_decision()
    {
        var before = WithLegalCase();
        var after = before.After(Record(CooperationDecision.Decline));

        after.ShouldBe(before with { Cooperation = after.Cooperation });
    }

    [Fact]
    public void A_decision_cannot_be_dated_after_it_is_recorded()
    {
        WithLegalCase().RuleBrokenBy(Record(decidedOn: DateOnly.FromDateTime(Now.UtcDateTime).AddDays(1))).ShouldBe(CooperationDecisions.DecidedOnInFutureRule);
    }
}
