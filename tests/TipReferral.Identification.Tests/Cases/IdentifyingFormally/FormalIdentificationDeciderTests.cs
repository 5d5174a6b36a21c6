using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.IdentifyingFormally;

public sealed class FormalIdentificationDeciderTests
{
    private const string Reason = "Interview confirmed the indicators";
    private static readonly DateTimeOffset DecidedAt = DaysLater(2);

    private static IdentifyFormally Identify(IdentificationOutcome outcome, Organisation? by = null, string reason = Reason) =>
        new(CaseId, outcome, by ?? Naptip, reason, DecidedAt);

    [Fact]
    public void Identifying_as_a_victim_records_only_the_decision()
    {
        var events = Given(AdultRegistered).When(Identify(IdentificationOutcome.IdentifiedAsVictim));

        events.ShouldBe([new FormalIdentificationDecided(CaseId, IdentificationOutcome.IdentifiedAsVictim, Naptip, Reason, DecidedAt)]);
    }

    [Fact]
    public void Deciding_not_a_victim_records_the_decision_and_closes_the_case_as_not_a_victim()
    {
        var events = Given(AdultRegistered).When(Identify(IdentificationOutcome.NotAVictim));

        events.ShouldBe([
            new FormalIdentificationDecided(CaseId, IdentificationOutcome.NotAVictim, Naptip, Reason, DecidedAt),
            new VictimCaseClosed(CaseId, CaseClosureReason.NotAVictim, Reason, DecidedAt),
        ]);
    }

    [Fact]
    public void Deciding_smuggled_migrant_records_the_decision_and_closes_the_case_as_redirected()
    {
        var events = Given(AdultRegistered).When(Identify(IdentificationOutcome.SmuggledMigrantNotTrafficked));

        events.ShouldBe([
            new FormalIdentificationDecided(CaseId, IdentificationOutcome.SmuggledMigrantNotTrafficked, Naptip, Reason, DecidedAt),
            new VictimCaseClosed(CaseId, CaseClosureReason.RedirectedAsSmuggledMigrant, Reason, DecidedAt),
        ]);
    }

    [Fact]
    public void Repeating_the_same_identification_records_nothing()
    {
        Given(AdultRegistered, Decided(IdentificationOutcome.IdentifiedAsVictim))
            .When(Identify(IdentificationOutcome.IdentifiedAsVictim))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Repeating_the_same_not_a_victim_decision_records_nothing()
    {
        Given(AdultRegistered, Decided(IdentificationOutcome.NotAVictim), Closed(CaseClosureReason.NotAVictim))
            .When(Identify(IdentificationOutcome.NotAVictim))
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_different_outcome_after_identification_breaks_identification_already_decided()
    {
        Given(AdultRegistered, Decided(IdentificationOutcome.IdentifiedAsVictim))
            .RuleBrokenBy(Identify(IdentificationOutcome.NotAVictim))
            .ShouldBe("identification-already-decided");
    }

    [Fact]
    public void The_same_outcome_by_another_organisation_breaks_identification_already_decided()
    {
        Given(AdultRegistered, Decided(IdentificationOutcome.IdentifiedAsVictim))
            .RuleBrokenBy(Identify(IdentificationOutcome.IdentifiedAsVictim, new Organisation("Nigeria Police Force", OrganisationKind.LawEnforcement)))
            .ShouldBe("identification-already-decided");
    }

    [Fact]
    public void Deciding_on_a_case_closed_after_a_negative_decision_breaks_case_closed()
    {
        Given(AdultRegistered, Decided(IdentificationOutcome.NotAVictim), Closed(CaseClosureReason.NotAVictim))
            .RuleBrokenBy(Identify(IdentificationOutcome.IdentifiedAsVictim))
            .ShouldBe("case-closed");
    }

    [Theory]
    [InlineData(IdentificationOutcome.IdentifiedAsVictim, TraffickingStatus.IdentifiedVictim)]
    [InlineData(IdentificationOutcome.NotAVictim, TraffickingStatus.NotAVictim)]
    [InlineData(IdentificationOutcome.SmuggledMigrantNotTrafficked, TraffickingStatus.SmuggledMigrantNotTrafficked)]
    public void A_decision_sets_the_trafficking_status_and_the_deciding_organisation(IdentificationOutcome outcome, TraffickingStatus status)
    {
        var state = Given(AdultRegistered, Decided(outcome)).ShouldNotBeNull();

        state.Status.ShouldBe(status);
        FormalIdentification.StatusAfter(outcome).ShouldBe(status);
        state.DecidingOrganisation.ShouldBe(Naptip);
        state.UpdatedAt.ShouldBe(DaysLater(2));
        state.IsClosed.ShouldBeFalse();
    }

    [Fact]
    public void A_negative_decision_leaves_the_case_closed_with_its_status()
    {
        var registered = Given(AdultRegistered);

        var state = VictimCaseDecider.Fold(registered.When(Identify(IdentificationOutcome.NotAVictim)), registered).ShouldNotBeNull();

        state.Status.ShouldBe(TraffickingStatus.NotAVictim);
        state.IsClosed.ShouldBeTrue();
        state.ClosureReason.ShouldBe(CaseClosureReason.NotAVictim);
    }
}
