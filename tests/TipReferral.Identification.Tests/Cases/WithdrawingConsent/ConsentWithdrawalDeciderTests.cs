using TipReferral.Domain;
using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.WithdrawingConsent;

public sealed class ConsentWithdrawalDeciderTests
{
    private static readonly Guid ConsentId = Guid.Parse("019571a2-3c4d-7e5f-8a6b-0000000000c2");
    private static readonly ConsentRecipient Police = new("NG", "Nigeria Police Force");
    private static readonly ConsentRecorded Given_ = new(
        CaseId, ConsentId, ConsentPurpose.ProsecutionCooperation, Police, ConsentGiver.Person, null,
        new Caller("screener.ng", Roles.Screener, "NAPTIP Lagos", "NG"), DaysLater(1));

    private static WithdrawConsent Withdraw(Guid? consentId = null) => new(CaseId, consentId ?? ConsentId, "She fears reprisals", DaysLater(5));

    [Fact]
    public void Withdrawing_records_which_consent_purpose_and_recipient_ended()
    {
        Given(AdultRegistered, Given_).When(Withdraw())
            .ShouldBe([new ConsentWithdrawn(CaseId, ConsentId, ConsentPurpose.ProsecutionCooperation, Police, "She fears reprisals", DaysLater(5))]);
    }

    [Fact]
    public void Withdrawing_twice_records_nothing_more()
    {
        var state = Given(AdultRegistered, Given_);
        var withdrawn = state.When(Withdraw());

        VictimCaseDecider.Fold(withdrawn, state).When(Withdraw()).ShouldBeEmpty();
    }

    [Fact]
    public void Withdrawing_stays_possible_on_a_closed_case()
    {
        Given(AdultRegistered, Given_, Closed(CaseClosureReason.AssistanceCompleted)).When(Withdraw()).Count.ShouldBe(1);
    }

    [Fact]
    public void An_unknown_consent_is_not_found()
    {
        Should.Throw<NotFoundException>(() => Given(AdultRegistered, Given_).When(Withdraw(Guid.NewGuid()))).What.ShouldBe("consent");
    }
}
