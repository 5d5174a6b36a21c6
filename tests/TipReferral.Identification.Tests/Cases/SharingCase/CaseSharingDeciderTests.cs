using TipReferral.Domain;
using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.SharingCase;

public sealed class CaseSharingDeciderTests
{
    private static readonly Guid ConsentId = Guid.Parse("019571a2-3c4d-7e5f-8a6b-0000000000c3");
    private static readonly ConsentRecipient Shelter = new("NG", "Women's shelter Lagos");

    private static ConsentRecorded Consented(ConsentRecipient recipient, DateTimeOffset? expiresAt = null) => new(
        CaseId, ConsentId, ConsentPurpose.ShelterReferral, recipient, ConsentGiver.Person, expiresAt,
        new Caller("screener.ng", Roles.Screener, "NAPTIP Lagos", "NG"), DaysLater(1));

    private static ShareCase Share(ConsentRecipient recipient, ConsentPurpose purpose = ConsentPurpose.ShelterReferral) =>
        new(CaseId, purpose, recipient, "Needs a safe bed tonight", DaysLater(4));

    [Fact]
    public void Sharing_with_consent_names_the_consent_it_rests_on()
    {
        Given(AdultRegistered, Consented(Shelter)).When(Share(Shelter))
            .ShouldBe([new VictimCaseShared(CaseId, ConsentPurpose.ShelterReferral, Shelter, ConsentId, "Needs a safe bed tonight", DaysLater(4))]);
    }

    [Fact]
    public void Sharing_without_consent_is_refused_naming_the_missing_consent()
    {
        var refusal = Should.Throw<RuleViolationException>(() => Given(AdultRegistered).When(Share(Shelter)));

        refusal.Rule.ShouldBe(ConsentRules.ConsentRequiredRule);
        refusal.Message.ShouldContain("ShelterReferral");
        refusal.Message.ShouldContain("Women's shelter Lagos");
    }

    [Fact]
    public void Consent_for_one_agency_does_not_cover_another()
    {
        Given(AdultRegistered, Consented(Shelter)).RuleBrokenBy(Share(Shelter with { Agency = "Men's shelter Abuja" }))
            .ShouldBe(ConsentRules.ConsentRequiredRule);
    }

    [Fact]
    public void Withdrawn_or_expired_consent_no_longer_covers_sharing()
    {
        var withdrawn = new ConsentWithdrawn(CaseId, ConsentId, ConsentPurpose.ShelterReferral, Shelter, "Changed her mind", DaysLater(2));

        Given(AdultRegistered, Consented(Shelter), withdrawn).RuleBrokenBy(Share(Shelter)).ShouldBe(ConsentRules.ConsentRequiredRule);
        Given(AdultRegistered, Consented(Shelter, expiresAt: DaysLater(3))).RuleBrokenBy(Share(Shelter)).ShouldBe(ConsentRules.ConsentRequiredRule);
    }

    [Fact]
    public void Sharing_across_the_border_needs_a_referral()
    {
        var italianShelter = new ConsentRecipient("IT", "Associazione On the Road");

        Given(AdultRegistered, Consented(italianShelter)).RuleBrokenBy(Share(italianShelter)).ShouldBe(CaseSharing.CrossBorderViaReferralRule);
    }

    [Theory]
    [InlineData(ConsentPurpose.CrossBorderReferral)]
    [InlineData(ConsentPurpose.Statistics)]
    public void Only_shelter_referral_and_prosecution_cooperation_are_shared_from_the_case(ConsentPurpose purpose)
    {
        Given(AdultRegistered).RuleBrokenBy(Share(Shelter, purpose)).ShouldBe(CaseSharing.PurposeNotSharedHereRule);
    }
}
