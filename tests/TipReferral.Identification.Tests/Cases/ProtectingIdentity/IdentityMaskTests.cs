using TipReferral.Domain;
using TipReferral.ServiceDefaults.IdentityMasking;

namespace TipReferral.Identification.Tests.Cases.ProtectingIdentity;

/// <summary>The one masking rule every service applies, and how several protections combine.</summary>
public sealed class IdentityMaskTests
{
    private static readonly DateTimeOffset GrantedAt = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ProsecutorsOffice AbujaProsecution = new("NG", "NAPTIP Abuja – Legal and Prosecution");
    private static readonly ProsecutorsOffice LagosProsecution = new("NG", "Lagos State Ministry of Justice");

    private static readonly IdentityMask Mask = IdentityMask.Of([new StandingProtection("p1", "Witness L-3", [AbujaProsecution], GrantedAt)])!;

    [Theory]
    [InlineData(Roles.ShelterStaff)]
    [InlineData(Roles.CaseWorker)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.LegalAidLawyer)]
    [InlineData(Roles.DataProtectionOfficer)]
    public void Everyone_without_the_need_to_know_sees_the_pseudonym(string role)
    {
        Mask.HidesIdentityFrom(new Caller("u", role, AbujaProsecution.Agency, "NG")).ShouldBeTrue();
    }

    [Fact]
    public void The_witness_protection_authority_sees_the_person()
    {
        Mask.HidesIdentityFrom(new Caller("u", Roles.WitnessProtectionAuthority, "Nigeria Police Force", "NG")).ShouldBeFalse();
    }

    [Fact]
    public void A_prosecutor_of_a_listed_office_sees_the_person_one_of_another_office_or_country_does_not()
    {
        Mask.HidesIdentityFrom(new Caller("u", Roles.Prosecutor, AbujaProsecution.Agency, "NG")).ShouldBeFalse();
        Mask.HidesIdentityFrom(new Caller("u", Roles.Prosecutor, LagosProsecution.Agency, "NG")).ShouldBeTrue();
        Mask.HidesIdentityFrom(new Caller("u", Roles.Prosecutor, AbujaProsecution.Agency, "IT")).ShouldBeTrue();
    }

    [Fact]
    public void Several_protections_show_the_earliest_pseudonym_and_every_listed_office_sees_the_person()
    {
        var mask = IdentityMask.Of(
        [
            new StandingProtection("p2", "Witness Q", [LagosProsecution], GrantedAt.AddDays(3)),
            new StandingProtection("p1", "Witness L-3", [AbujaProsecution], GrantedAt),
        ])!;

        mask.Pseudonym.ShouldBe("Witness L-3");
        mask.SeenBy.ShouldBe([AbujaProsecution, LagosProsecution], ignoreOrder: true);
        mask.HidesIdentityFrom(new Caller("u", Roles.Prosecutor, LagosProsecution.Agency, "NG")).ShouldBeFalse();
    }

    [Fact]
    public void No_standing_protection_is_no_mask()
    {
        IdentityMask.Of([]).ShouldBeNull();
    }
}
