using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.ProtectingIdentity;

public sealed class IdentityProtectionDeciderTests
{
    private static readonly IdentityProtected Protected = new(CaseId, "Witness K-17", "Testifies against the network", DaysLater(20));

    [Fact]
    public void Protecting_an_identity_records_the_pseudonym_and_why()
    {
        Given(AdultRegistered).When(new ProtectIdentity(CaseId, "Witness K-17", "Testifies against the network", DaysLater(20))).ShouldBe([Protected]);
    }

    [Fact]
    public void Protecting_again_under_the_same_pseudonym_records_nothing()
    {
        Given(AdultRegistered, Protected).When(new ProtectIdentity(CaseId, "Witness K-17", "Again", DaysLater(21))).ShouldBeEmpty();
    }

    [Fact]
    public void Lifting_ends_the_protection_and_lifting_again_records_nothing()
    {
        var lifted = new IdentityProtectionLifted(CaseId, "Trial concluded", DaysLater(90));
        Given(AdultRegistered, Protected).When(new LiftIdentityProtection(CaseId, "Trial concluded", DaysLater(90))).ShouldBe([lifted]);

        var state = Given(AdultRegistered, Protected, lifted)!;
        state.Protection.ShouldBeNull();
        state.When(new LiftIdentityProtection(CaseId, "Again", DaysLater(91))).ShouldBeEmpty();
    }
}
