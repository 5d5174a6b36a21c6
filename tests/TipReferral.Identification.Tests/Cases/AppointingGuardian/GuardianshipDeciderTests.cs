using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.AppointingGuardian;

public sealed class GuardianshipDeciderTests
{
    private static readonly DateTimeOffset AppointedAt = DaysLater(5);

    private static AppointGuardian Appoint(Guardian guardian, string reason = "") => new(CaseId, guardian, reason, AppointedAt);

    [Fact]
    public void Appointing_a_guardian_for_an_adult_breaks_guardian_only_for_children()
    {
        Given(AdultRegistered).RuleBrokenBy(Appoint(SocialWorker)).ShouldBe("guardian-only-for-children");
    }

    [Fact]
    public void A_child_gets_a_first_guardian_without_needing_a_reason()
    {
        var events = Given(ChildRegistered).When(Appoint(SocialWorker));

        events.ShouldBe([new GuardianAppointed(CaseId, SocialWorker, "", AppointedAt)]);
    }

    [Fact]
    public void A_person_of_unknown_age_can_get_a_guardian()
    {
        var ageUnknown = AnAdult with { DateOfBirth = null };

        var events = Given(Registered(ageUnknown, isPresumedChild: true)).When(Appoint(SocialWorker));

        events.ShouldBe([new GuardianAppointed(CaseId, SocialWorker, "", AppointedAt)]);
    }

    [Fact]
    public void Appointing_the_same_guardian_again_records_nothing()
    {
        Given(ChildRegistered, Appointed(SocialWorker))
            .When(Appoint(SocialWorker with { }))
            .ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Replacing_a_guardian_without_a_reason_breaks_guardian_replacement_needs_reason(string reason)
    {
        Given(ChildRegistered, Appointed(SocialWorker))
            .RuleBrokenBy(Appoint(OtherSocialWorker, reason))
            .ShouldBe("guardian-replacement-needs-reason");
    }

    [Fact]
    public void Changing_only_the_guardians_contact_counts_as_a_replacement_and_needs_a_reason()
    {
        Given(ChildRegistered, Appointed(SocialWorker))
            .RuleBrokenBy(Appoint(SocialWorker with { Contact = "+234 800 111 1111" }))
            .ShouldBe("guardian-replacement-needs-reason");
    }

    [Fact]
    public void Replacing_a_guardian_with_a_reason_appoints_the_new_one()
    {
        var events = Given(ChildRegistered, Appointed(SocialWorker)).When(Appoint(OtherSocialWorker, "Moved to a shelter in Abuja"));

        events.ShouldBe([new GuardianAppointed(CaseId, OtherSocialWorker, "Moved to a shelter in Abuja", AppointedAt)]);
    }

    [Fact]
    public void A_child_corrected_to_an_adult_can_no_longer_get_a_guardian()
    {
        var corrected = new PersonalDetailsCorrected(CaseId, AnAdult, IsPresumedChild: false, AminasNameIndex, "Passport seen", DaysLater(3));

        Given(ChildRegistered, corrected).RuleBrokenBy(Appoint(SocialWorker)).ShouldBe("guardian-only-for-children");
    }

    [Fact]
    public void An_appointment_sets_the_guardian_and_a_later_one_replaces_it()
    {
        var first = Given(ChildRegistered, Appointed(SocialWorker)).ShouldNotBeNull();
        first.Guardian.ShouldBe(SocialWorker);
        first.UpdatedAt.ShouldBe(DaysLater(1));

        var replaced = Given(ChildRegistered, Appointed(SocialWorker), new GuardianAppointed(CaseId, OtherSocialWorker, "Moved", AppointedAt))
            .ShouldNotBeNull();
        replaced.Guardian.ShouldBe(OtherSocialWorker);
        replaced.UpdatedAt.ShouldBe(AppointedAt);
    }
}
