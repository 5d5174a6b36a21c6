using TipReferral.ServiceDefaults.IdentityMasking;

namespace TipReferral.Identification.Tests.Cases.ProtectingIdentity;

/// <summary>Protections and lifts arrive late, twice or out of order: each protection's latest word wins.</summary>
public sealed class ProtectedIdentityTests
{
    private static readonly Guid CaseId = Guid.CreateVersion7();
    private static readonly DateTimeOffset GrantedAt = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ProsecutorsOffice Abuja = new("NG", "NAPTIP Abuja – Legal and Prosecution");

    private static readonly ProtectionEntry Granted = new("p1", "Witness L-3", [Abuja], GrantedAt, Lifted: false);
    private static readonly ProtectionEntry Lifted = new("p1", "", [], GrantedAt.AddDays(30), Lifted: true);

    private static IdentityMask? MaskAfter(params ProtectionEntry[] messages) =>
        IdentityMask.Of(messages.Aggregate(new ProtectedIdentity(CaseId, []), (document, message) => document.Apply(message)).Standing);

    [Fact]
    public void A_grant_masks_and_its_lift_unmasks()
    {
        MaskAfter(Granted)!.Pseudonym.ShouldBe("Witness L-3");
        MaskAfter(Granted, Lifted).ShouldBeNull();
    }

    [Fact]
    public void A_lift_that_overtakes_its_grant_still_ends_the_protection()
    {
        MaskAfter(Lifted, Granted).ShouldBeNull();
    }

    [Fact]
    public void A_lift_and_grant_at_the_same_instant_leave_the_identity_unprotected()
    {
        MaskAfter(Granted, Lifted with { At = GrantedAt }).ShouldBeNull();
        MaskAfter(Lifted with { At = GrantedAt }, Granted).ShouldBeNull();
    }

    [Fact]
    public void A_grant_after_its_lift_protects_again()
    {
        MaskAfter(Granted, Lifted, Granted with { At = Lifted.At.AddDays(1), Pseudonym = "Witness L-4" })!.Pseudonym.ShouldBe("Witness L-4");
    }

    [Fact]
    public void Delivering_the_same_grant_twice_keeps_one_protection()
    {
        var document = new ProtectedIdentity(CaseId, []).Apply(Granted).Apply(Granted);

        document.Entries.ShouldHaveSingleItem().ShouldBe(Granted);
    }

    [Fact]
    public void Lifting_one_protection_leaves_another_standing()
    {
        var other = new ProtectionEntry("p2", "Witness Q", [], GrantedAt.AddDays(2), Lifted: false);

        MaskAfter(Granted, other, Lifted)!.Pseudonym.ShouldBe("Witness Q");
    }
}
