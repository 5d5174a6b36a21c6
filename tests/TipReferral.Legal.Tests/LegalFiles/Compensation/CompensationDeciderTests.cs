using TipReferral.Domain;
using TipReferral.Legal.LegalFiles;
using static TipReferral.Legal.Tests.LegalFiles.LegalFileFixtures;
using Rules = TipReferral.Legal.LegalFiles.Compensation;

namespace TipReferral.Legal.Tests.LegalFiles.Compensation;

public sealed class CompensationDeciderTests
{
    private static readonly Guid ClaimId = Guid.Parse("0195f000-0000-7000-8000-0000000000d1");

    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static readonly Money Claimed = new(5_000_000, "EUR");

    private static FileCompensationClaim File(CompensationSource source = CompensationSource.OffenderCriminalProceedings, Guid? legalCaseId = null) =>
        new(CaseId, ClaimId, source, legalCaseId ?? LegalCaseId, Claimed, Today, Now);

    private static LegalFile Then(LegalFile state, IEnumerable<object> events) => events.Aggregate(state, (s, e) => LegalFileDecider.Evolve(s, e)!);

    private static LegalFile WithClaim() => Then(WithLegalCase(), Decide(File(), WithLegalCase()));

    private static LegalFile Awarded(long amount) =>
        Then(WithClaim(), Decide(new RecordCompensationDecision(CaseId, ClaimId, CompensationDecision.PartlyAwarded, new Money(amount, "EUR"), Today, null, Now), WithClaim()));

    private static RecordCompensationPayment Pay(long amount, string currency = "EUR", int day = 0) => new(CaseId, ClaimId, new Money(amount, currency), Today.AddDays(day), Now);

    [Fact]
    public void A_claim_against_the_offenders_needs_a_known_legal_case_and_one_from_the_state_fund_does_not()
    {
        Should.Throw<RuleViolationException>(() => Decide(File() with { LegalCaseId = null }, WithLegalCase())).Rule.ShouldBe(Rules.LegalCaseRequiredRule);
        Should.Throw<NotFoundException>(() => Decide(File(legalCaseId: Guid.NewGuid()), WithLegalCase()));

        Decide(File(CompensationSource.StateFund) with { LegalCaseId = null }, WithLegalCase()).ShouldHaveSingleItem().ShouldBeOfType<CompensationClaimFiled>();
    }

    [Fact]
    public void Filing_the_same_claim_again_changes_nothing()
    {
        Decide(File() with { ClaimId = Guid.NewGuid() }, WithClaim()).ShouldBeEmpty();
        WithClaim().Claims.ShouldHaveSingleItem().Claimed.ShouldBe(Claimed);
    }

    [Fact]
    public void An_award_is_in_the_claims_currency_and_no_more_than_claimed()
    {
        Should.Throw<RuleViolationException>(() => Decide(
            new RecordCompensationDecision(CaseId, ClaimId, CompensationDecision.Awarded, new Money(5_000_000, "USD"), Today, null, Now), WithClaim()))
            .Rule.ShouldBe(Rules.CurrencyMismatchRule);
        Should.Throw<RuleViolationException>(() => Decide(
            new RecordCompensationDecision(CaseId, ClaimId, CompensationDecision.Awarded, new Money(5_000_001, "EUR"), Today, null, Now), WithClaim()))
            .Rule.ShouldBe(Rules.AwardExceedsClaimRule);

        Awarded(2_000_000).Claims.Single().Awarded.ShouldBe(new Money(2_000_000, "EUR"));
    }

    [Fact]
    public void A_claim_is_decided_once_and_a_repeat_changes_nothing()
    {
        var decided = Awarded(2_000_000);

        Decide(new RecordCompensationDecision(CaseId, ClaimId, CompensationDecision.PartlyAwarded, new Money(2_000_000, "EUR"), Today, null, Now), decided).ShouldBeEmpty();
        Should.Throw<RuleViolationException>(() => Decide(
            new RecordCompensationDecision(CaseId, ClaimId, CompensationDecision.Rejected, null, Today, "Offender insolvent", Now), decided))
            .Rule.ShouldBe(Rules.ClaimAlreadyDecidedRule);
    }

    [Fact]
    public void Payments_are_received_only_on_an_award_in_its_currency_and_never_beyond_it()
    {
        Should.Throw<RuleViolationException>(() => Decide(Pay(100), WithClaim())).Rule.ShouldBe(Rules.ClaimNotAwardedRule);
        var rejected = Then(WithClaim(), Decide(new RecordCompensationDecision(CaseId, ClaimId, CompensationDecision.Rejected, null, Today, "Not proven", Now), WithClaim()));
        Should.Throw<RuleViolationException>(() => Decide(Pay(100), rejected)).Rule.ShouldBe(Rules.ClaimNotAwardedRule);

        var state = Awarded(2_000_000);
        Should.Throw<RuleViolationException>(() => Decide(Pay(100, "USD"), state)).Rule.ShouldBe(Rules.CurrencyMismatchRule);
        state = Then(state, Decide(Pay(1_500_000), state));
        Decide(Pay(1_500_000), state).ShouldBeEmpty();
        Should.Throw<RuleViolationException>(() => Decide(Pay(500_001, day: 1), state)).Rule.ShouldBe(Rules.PaymentsExceedAwardRule);
        state = Then(state, Decide(Pay(500_000, day: 1), state));

        state.Claims.Single().PaidTotal.ShouldBe(new Money(2_000_000, "EUR"));
    }
}
