using TipReferral.Domain;
using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.RecordingConsent;

public sealed class ConsentDeciderTests
{
    private static readonly Guid ConsentId = Guid.Parse("019571a2-3c4d-7e5f-8a6b-0000000000c1");
    private static readonly ConsentRecipient ShelterInLagos = new("NG", "Women's shelter Lagos");
    private static readonly Caller Worker = new("caseworker.ng", Roles.CaseWorker, "NAPTIP Lagos", "NG");

    private static RecordConsent Consent(ConsentGiver givenBy, DateTimeOffset? expiresAt = null, Guid? consentId = null) =>
        new(CaseId, consentId ?? ConsentId, ConsentPurpose.ShelterReferral, ShelterInLagos, givenBy, expiresAt, Worker, DaysLater(3));

    private static ConsentRecorded Recorded(ConsentGiver givenBy, DateTimeOffset? expiresAt = null) =>
        new(CaseId, ConsentId, ConsentPurpose.ShelterReferral, ShelterInLagos, givenBy, expiresAt, Worker, DaysLater(3));

    [Fact]
    public void An_adult_consents_in_person_for_a_purpose_and_recipient()
    {
        Given(AdultRegistered).When(Consent(ConsentGiver.Person)).ShouldBe([Recorded(ConsentGiver.Person)]);
    }

    [Fact]
    public void A_childs_consent_is_given_by_the_appointed_guardian()
    {
        Given(ChildRegistered, Appointed(SocialWorker)).When(Consent(ConsentGiver.Guardian)).ShouldBe([Recorded(ConsentGiver.Guardian)]);
    }

    [Fact]
    public void A_child_cannot_consent_alone()
    {
        Given(ChildRegistered, Appointed(SocialWorker)).RuleBrokenBy(Consent(ConsentGiver.Person)).ShouldBe(ConsentRecording.ChildConsentByGuardianRule);
    }

    [Fact]
    public void A_childs_consent_waits_for_a_guardian()
    {
        Given(ChildRegistered).RuleBrokenBy(Consent(ConsentGiver.Guardian)).ShouldBe(ConsentRecording.GuardianRequiredRule);
    }

    [Fact]
    public void Nobody_else_consents_for_an_adult()
    {
        Given(AdultRegistered).RuleBrokenBy(Consent(ConsentGiver.Guardian)).ShouldBe(ConsentRecording.AdultConsentsInPersonRule);
    }

    [Fact]
    public void Recording_the_same_valid_consent_again_records_nothing()
    {
        Given(AdultRegistered, Recorded(ConsentGiver.Person)).When(Consent(ConsentGiver.Person, consentId: Guid.NewGuid())).ShouldBeEmpty();
    }

    [Fact]
    public void Consent_can_be_given_again_after_it_was_withdrawn()
    {
        var withdrawn = new ConsentWithdrawn(CaseId, ConsentId, ConsentPurpose.ShelterReferral, ShelterInLagos, "Changed her mind", DaysLater(2));
        var again = Guid.NewGuid();

        Given(AdultRegistered, Recorded(ConsentGiver.Person), withdrawn).When(Consent(ConsentGiver.Person, consentId: again))
            .ShouldBe([Recorded(ConsentGiver.Person) with { ConsentId = again }]);
    }

    [Fact]
    public void A_consent_is_valid_until_it_expires_or_is_withdrawn()
    {
        var consent = Given(AdultRegistered, Recorded(ConsentGiver.Person, expiresAt: DaysLater(10)))!.Consents.ShouldHaveSingleItem();

        consent.IsValidAt(DaysLater(9)).ShouldBeTrue();
        consent.IsValidAt(DaysLater(10)).ShouldBeFalse();
        (consent with { WithdrawnAt = DaysLater(4) }).IsValidAt(DaysLater(5)).ShouldBeFalse();
    }

    [Fact]
    public void Consent_for_any_agency_of_a_country_covers_each_of_them_but_no_other_country()
    {
        var anyAgencyInNigeria = new ConsentRecipient("NG", Agency: null);

        anyAgencyInNigeria.Covers("NG", "Women's shelter Lagos").ShouldBeTrue();
        anyAgencyInNigeria.Covers("IT", "Women's shelter Lagos").ShouldBeFalse();
        ShelterInLagos.Covers("NG", "  women's SHELTER lagos ").ShouldBeTrue();
        ShelterInLagos.Covers("NG", "Men's shelter Abuja").ShouldBeFalse();
    }
}
