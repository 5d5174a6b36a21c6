using TipReferral.Domain;
using TipReferral.Legal.LegalFiles;
using static TipReferral.Legal.Tests.LegalFiles.LegalFileFixtures;

namespace TipReferral.Legal.Tests.LegalFiles.LegalHolds;

public sealed class LegalHoldDeciderTests
{
    private static readonly Guid HoldId = Guid.Parse("0195f000-0000-7000-8000-0000000000b1");

    private static readonly DateOnly ReviewOn = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(90);

    private static PlaceLegalHold Place(DateOnly? reviewOn = null, Guid? holdId = null) =>
        new(CaseId, holdId ?? HoldId, LegalCaseId, reviewOn ?? ReviewOn, "Testimony needed at trial", Now);

    private static LegalFile WithHold() => Then(WithLegalCase(), Decide(Place(), WithLegalCase()));

    private static LegalFile Then(LegalFile state, IEnumerable<object> events) => events.Aggregate(state, (s, e) => LegalFileDecider.Evolve(s, e)!);

    [Fact]
    public void A_prosecutor_places_a_hold_that_stays_active_until_released()
    {
        var placed = Decide(Place(), WithLegalCase()).ShouldHaveSingleItem().ShouldBeOfType<LegalHoldPlaced>();

        placed.LegalCaseId.ShouldBe(LegalCaseId);
        placed.ReviewOn.ShouldBe(ReviewOn);
        var hold = WithHold().Holds.ShouldHaveSingleItem();
        hold.IsActive.ShouldBeTrue();
        hold.Reason.ShouldBe("Testimony needed at trial");
    }

    [Fact]
    public void Placing_the_same_hold_again_changes_nothing_but_another_review_date_is_refused_while_it_is_active()
    {
        Decide(Place(holdId: Guid.NewGuid()), WithHold()).ShouldBeEmpty();

        Should.Throw<RuleViolationException>(() => Decide(Place(ReviewOn.AddDays(10), Guid.NewGuid()), WithHold()))
            .Rule.ShouldBe(TipReferral.Legal.LegalFiles.LegalHolds.HoldAlreadyActiveRule);
    }

    [Fact]
    public void A_review_date_in_the_past_is_refused()
    {
        Should.Throw<RuleViolationException>(() => Decide(Place(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1)), WithLegalCase()))
            .Rule.ShouldBe(TipReferral.Legal.LegalFiles.LegalHolds.ReviewDatePassedRule);
        Decide(Place(DateOnly.FromDateTime(Now.UtcDateTime)), WithLegalCase()).ShouldHaveSingleItem();
    }

    [Fact]
    public void No_hold_is_placed_for_a_closed_legal_case()
    {
        var closed = Then(WithLegalCase(), [new LegalCaseStageChanged(CaseId, LegalCaseId, LegalCaseStage.Closed, LegalCaseOutcome.Conviction, "Final", Now)]);

        Should.Throw<RuleViolationException>(() => Decide(Place(), closed)).Rule.ShouldBe(TipReferral.Legal.LegalFiles.LegalCases.LegalCaseClosedRule);
    }

    [Fact]
    public void A_hold_for_an_unknown_legal_case_is_not_found()
    {
        Should.Throw<NotFoundException>(() => Decide(Place() with { LegalCaseId = Guid.NewGuid() }, WithLegalCase()));
    }

    [Fact]
    public void The_prosecutor_releases_an_active_hold_once_and_a_repeat_changes_nothing()
    {
        var released = Decide(new ReleaseLegalHold(CaseId, HoldId, "Testimony given", Now), WithHold()).ShouldHaveSingleItem().ShouldBeOfType<LegalHoldReleased>();
        released.How.ShouldBe(LegalHoldRelease.ReleasedByProsecutor);

        var after = Then(WithHold(), [released]);
        after.Holds.Single().IsActive.ShouldBeFalse();
        Decide(new ReleaseLegalHold(CaseId, HoldId, "Testimony given", Now), after).ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_hold_is_not_found()
    {
        Should.Throw<NotFoundException>(() => Decide(new ReleaseLegalHold(CaseId, Guid.NewGuid(), "No longer needed", Now), WithHold()));
    }

    [Fact]
    public void Video_link_testimony_releases_every_active_hold_of_its_legal_case_and_only_those()
    {
        var otherCase = Guid.NewGuid();
        var otherHold = Guid.NewGuid();
        var state = Then(WithHold(), [LegalCaseOpened(otherCase) with { AuthorityCaseNumber = "RG 99/2026" }]);
        state = Then(state, Decide(new PlaceLegalHold(CaseId, otherHold, otherCase, ReviewOn, "Other trial", Now), state));
        var testimonyOn = ReviewOn.AddDays(-30);

        var events = Decide(new ArrangeVideoLinkTestimony(CaseId, LegalCaseId, testimonyOn, "Video link from Lagos", Now), state);

        events.OfType<VideoLinkTestimonyArranged>().ShouldHaveSingleItem().TestimonyOn.ShouldBe(testimonyOn);
        var released = events.OfType<LegalHoldReleased>().ShouldHaveSingleItem();
        released.HoldId.ShouldBe(HoldId);
        released.How.ShouldBe(LegalHoldRelease.VideoLinkTestimonyArranged);
        var after = Then(state, events);
        after.FindLegalCase(LegalCaseId)!.VideoLinkTestimonyOn.ShouldBe(testimonyOn);
        after.Holds.Single(h => h.Id == otherHold).IsActive.ShouldBeTrue();

        Decide(new ArrangeVideoLinkTestimony(CaseId, LegalCaseId, testimonyOn, "Video link from Lagos", Now), after).ShouldBeEmpty();
        Should.Throw<RuleViolationException>(() => Decide(new ReleaseLegalHold(CaseId, HoldId, "Testimony given", Now), after))
            .Rule.ShouldBe(TipReferral.Legal.LegalFiles.LegalHolds.HoldNotActiveRule);
    }
}
