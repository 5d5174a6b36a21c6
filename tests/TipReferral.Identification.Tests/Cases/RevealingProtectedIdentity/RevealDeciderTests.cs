using TipReferral.Domain;
using TipReferral.Identification.Cases;
using TipReferral.ServiceDefaults.IdentityMasking;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.RevealingProtectedIdentity;

public sealed class RevealDeciderTests
{
    private static readonly Caller CaseWorker = new("caseworker.ng", Roles.CaseWorker, "NAPTIP Lagos", "NG");
    private static readonly IdentityProtected Protected = new(CaseId, "Witness K-17", "Testifies against the network", DaysLater(20));

    private static RevealProtectedIdentity Reveal(Caller to, IdentityMask? shared = null) =>
        new(CaseId, "Medical emergency: the hospital needs her name", to, shared, DaysLater(30));

    [Fact]
    public void Revealing_a_protected_identity_records_who_and_why()
    {
        Given(AdultRegistered, Protected).When(Reveal(CaseWorker))
            .ShouldBe([new ProtectedIdentityRevealed(CaseId, "Medical emergency: the hospital needs her name", CaseWorker, DaysLater(30))]);
    }

    [Fact]
    public void A_protection_granted_in_a_legal_case_can_be_revealed_too()
    {
        var shared = IdentityMask.Of([new StandingProtection(Guid.NewGuid().ToString(), "Witness L-3", [], DaysLater(5))]);

        Given(AdultRegistered).When(Reveal(CaseWorker, shared)).ShouldHaveSingleItem().ShouldBeOfType<ProtectedIdentityRevealed>();
    }

    [Fact]
    public void Nothing_to_reveal_when_the_identity_is_not_protected()
    {
        Should.Throw<RuleViolationException>(() => Given(AdultRegistered).When(Reveal(CaseWorker)))
            .Rule.ShouldBe(ProtectedIdentityReveals.IdentityNotProtectedRule);
    }

    [Fact]
    public void Nothing_to_reveal_to_whoever_sees_the_person_anyway()
    {
        var authority = new Caller("wpa.ng", Roles.WitnessProtectionAuthority, "Nigeria Police Force", "NG");

        Should.Throw<RuleViolationException>(() => Given(AdultRegistered, Protected).When(Reveal(authority)))
            .Rule.ShouldBe(ProtectedIdentityReveals.IdentityNotProtectedRule);
    }
}
