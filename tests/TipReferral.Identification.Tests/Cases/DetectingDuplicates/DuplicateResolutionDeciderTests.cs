using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.DetectingDuplicates;

public sealed class DuplicateResolutionDeciderTests
{
    private const string Reason = "Same fingerprints on both files";
    private static readonly DateTimeOffset ResolvedAt = DaysLater(4);

    private static ResolvePossibleDuplicate Resolve(DuplicateResolution resolution, Guid? otherCaseId = null) =>
        new(CaseId, otherCaseId ?? OtherCaseId, resolution, Reason, ResolvedAt);

    private static VictimCase? TwoPendingDuplicates() =>
        Given(AdultRegistered, DuplicateDetected(OtherCaseId, OtherReference), DuplicateDetected(AnotherCaseId, AnotherReference));

    [Fact]
    public void Linking_a_pending_duplicate_records_the_link()
    {
        TwoPendingDuplicates().When(Resolve(DuplicateResolution.Link))
            .ShouldBe([new PossibleDuplicateLinked(CaseId, OtherCaseId, Reason, ResolvedAt)]);
    }

    [Fact]
    public void Dismissing_a_pending_duplicate_records_the_dismissal()
    {
        TwoPendingDuplicates().When(Resolve(DuplicateResolution.Dismiss))
            .ShouldBe([new PossibleDuplicateDismissed(CaseId, OtherCaseId, Reason, ResolvedAt)]);
    }

    [Fact]
    public void Linking_a_linked_duplicate_again_records_nothing()
    {
        Given(AdultRegistered, DuplicateDetected(OtherCaseId, OtherReference), new PossibleDuplicateLinked(CaseId, OtherCaseId, Reason, ResolvedAt))
            .When(Resolve(DuplicateResolution.Link))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Dismissing_a_dismissed_duplicate_again_records_nothing()
    {
        Given(AdultRegistered, DuplicateDetected(OtherCaseId, OtherReference), new PossibleDuplicateDismissed(CaseId, OtherCaseId, Reason, ResolvedAt))
            .When(Resolve(DuplicateResolution.Dismiss))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Dismissing_a_linked_duplicate_breaks_possible_duplicate_already_resolved()
    {
        Given(AdultRegistered, DuplicateDetected(OtherCaseId, OtherReference), new PossibleDuplicateLinked(CaseId, OtherCaseId, Reason, ResolvedAt))
            .RuleBrokenBy(Resolve(DuplicateResolution.Dismiss))
            .ShouldBe("possible-duplicate-already-resolved");
    }

    [Fact]
    public void Linking_a_dismissed_duplicate_breaks_possible_duplicate_already_resolved()
    {
        Given(AdultRegistered, DuplicateDetected(OtherCaseId, OtherReference), new PossibleDuplicateDismissed(CaseId, OtherCaseId, Reason, ResolvedAt))
            .RuleBrokenBy(Resolve(DuplicateResolution.Link))
            .ShouldBe("possible-duplicate-already-resolved");
    }

    [Fact]
    public void Resolving_a_case_that_was_never_a_possible_duplicate_breaks_possible_duplicate_not_recorded()
    {
        Given(AdultRegistered, DuplicateDetected(OtherCaseId, OtherReference))
            .RuleBrokenBy(Resolve(DuplicateResolution.Link, Guid.Parse("019571a2-3c4d-7e5f-8a6b-0000000000ff")))
            .ShouldBe("possible-duplicate-not-recorded");
    }

    [Fact]
    public void Resolving_on_a_case_without_any_possible_duplicate_breaks_possible_duplicate_not_recorded()
    {
        Given(AdultRegistered).RuleBrokenBy(Resolve(DuplicateResolution.Dismiss)).ShouldBe("possible-duplicate-not-recorded");
    }

    [Fact]
    public void A_detected_duplicate_is_added_as_pending_with_what_matched()
    {
        var state = TwoPendingDuplicates().ShouldNotBeNull();

        state.PossibleDuplicates.ShouldBe([
            new PossibleDuplicate(OtherCaseId, OtherReference, 0.85, NameAndBirthDate, PossibleDuplicateState.Pending),
            new PossibleDuplicate(AnotherCaseId, AnotherReference, 0.85, NameAndBirthDate, PossibleDuplicateState.Pending),
        ]);
    }

    [Fact]
    public void Linking_one_duplicate_and_dismissing_another_changes_only_their_own_states()
    {
        var state = VictimCaseDecider.Fold(
            [new PossibleDuplicateLinked(CaseId, OtherCaseId, Reason, ResolvedAt), new PossibleDuplicateDismissed(CaseId, AnotherCaseId, Reason, DaysLater(6))],
            TwoPendingDuplicates()).ShouldNotBeNull();

        state.PossibleDuplicates.Select(d => (d.OtherCaseId, d.State)).ShouldBe([
            (OtherCaseId, PossibleDuplicateState.Linked),
            (AnotherCaseId, PossibleDuplicateState.Dismissed),
        ]);
        state.UpdatedAt.ShouldBe(DaysLater(6));
    }

    [Fact]
    public void Linking_one_duplicate_leaves_the_other_pending()
    {
        var state = VictimCaseDecider.Fold([new PossibleDuplicateLinked(CaseId, OtherCaseId, Reason, ResolvedAt)], TwoPendingDuplicates())
            .ShouldNotBeNull();

        state.PossibleDuplicates.Select(d => (d.OtherCaseId, d.State)).ShouldBe([
            (OtherCaseId, PossibleDuplicateState.Linked),
            (AnotherCaseId, PossibleDuplicateState.Pending),
        ]);
        state.UpdatedAt.ShouldBe(ResolvedAt);
    }
}
