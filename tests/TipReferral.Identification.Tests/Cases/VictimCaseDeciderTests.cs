using TipReferral.Domain;
using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases;

/// <summary>What the decider does for every command: unknown cases, and how events fold into state.</summary>
public sealed class VictimCaseDeciderTests
{
    private static readonly DateTimeOffset Now = DaysLater(1);

    [Theory]
    [InlineData(nameof(IdentifyFormally))]
    [InlineData(nameof(AppointGuardian))]
    [InlineData(nameof(CorrectPersonalDetails))]
    [InlineData(nameof(ResolvePossibleDuplicate))]
    [InlineData(nameof(CloseCase))]
    public void A_command_on_a_case_that_does_not_exist_is_not_found(string command)
    {
        VictimCaseCommand issued = command switch
        {
            nameof(IdentifyFormally) => new IdentifyFormally(CaseId, IdentificationOutcome.IdentifiedAsVictim, Naptip, "Confirmed", Now),
            nameof(AppointGuardian) => new AppointGuardian(CaseId, SocialWorker, "", Now),
            nameof(CorrectPersonalDetails) => new CorrectPersonalDetails(CaseId, AnAdult, CorrectedNameIndex, "Typo", Now),
            nameof(ResolvePossibleDuplicate) => new ResolvePossibleDuplicate(CaseId, OtherCaseId, DuplicateResolution.Dismiss, "Someone else", Now),
            nameof(CloseCase) => new CloseCase(CaseId, CaseClosureReason.Other, "Opened by mistake", Now),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };

        var notFound = Should.Throw<NotFoundException>(() => VictimCaseDecider.Decide(issued, state: null));

        notFound.What.ShouldBe("case");
        notFound.Id.ShouldBe(CaseId.ToString());
    }

    [Fact]
    public void No_events_fold_into_no_case()
    {
        Given().ShouldBeNull();
    }

    [Fact]
    public void Events_before_a_registration_fold_into_no_case()
    {
        Given(Decided(IdentificationOutcome.IdentifiedAsVictim), Closed(CaseClosureReason.Other)).ShouldBeNull();
    }

    [Fact]
    public void A_second_registration_event_leaves_the_case_as_it_was()
    {
        var registered = Given(ChildRegistered).ShouldNotBeNull();

        VictimCaseDecider.Evolve(registered, AdultRegistered).ShouldBeSameAs(registered);
    }

    [Fact]
    public void An_event_the_case_does_not_know_leaves_it_as_it_was()
    {
        var registered = Given(AdultRegistered).ShouldNotBeNull();

        VictimCaseDecider.Evolve(registered, "not an event").ShouldBeSameAs(registered);
    }

    [Fact]
    public void A_whole_history_folds_into_the_case_it_describes()
    {
        var state = Given(
                ChildRegistered,
                DuplicateDetected(OtherCaseId, OtherReference),
                Appointed(SocialWorker),
                new PossibleDuplicateDismissed(CaseId, OtherCaseId, "Different mother's name", DaysLater(1)),
                Decided(IdentificationOutcome.IdentifiedAsVictim),
                Closed(CaseClosureReason.AssistanceCompleted))
            .ShouldNotBeNull();

        state.Id.ShouldBe(CaseId);
        state.Status.ShouldBe(TraffickingStatus.IdentifiedVictim);
        state.IsPresumedChild.ShouldBeTrue();
        state.IsClosed.ShouldBeTrue();
        state.ClosureReason.ShouldBe(CaseClosureReason.AssistanceCompleted);
        state.DecidingOrganisation.ShouldBe(Naptip);
        state.Guardian.ShouldBe(SocialWorker);
        state.PossibleDuplicates.ShouldHaveSingleItem().State.ShouldBe(PossibleDuplicateState.Dismissed);
        state.RegisteredAt.ShouldBe(RegisteredAt);
        state.UpdatedAt.ShouldBe(DaysLater(30));
    }

    [Fact]
    public void Folding_continues_from_a_given_state()
    {
        var registered = Given(AdultRegistered);

        var state = VictimCaseDecider.Fold([Decided(IdentificationOutcome.IdentifiedAsVictim)], registered).ShouldNotBeNull();

        state.Status.ShouldBe(TraffickingStatus.IdentifiedVictim);
        registered.ShouldNotBeNull().Status.ShouldBe(TraffickingStatus.PresumedVictim);
    }
}
