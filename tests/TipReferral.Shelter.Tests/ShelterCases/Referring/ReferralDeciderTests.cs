using TipReferral.Shelter.ShelterCases;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.ShelterCases.Referring;

public sealed class ReferralDeciderTests
{
    private static readonly DateTimeOffset WithdrawnAt = DaysLater(4);

    private static WithdrawReferralForLackOfConsent ConsentWithdrawn(string country, string? agency) => new(CaseId, country, agency, WithdrawnAt);

    [Fact]
    public void Referring_a_case_awaiting_placement_records_the_referral_with_its_reason()
    {
        var shelter = WomensShelter().Full();

        var events = Given(AdultAwaiting).When(ReferTo(shelter), shelter);

        events.ShouldBe([new ShelterReferralMade(CaseId, WomensShelterId, "Hope House", ReferralReason, ReferredAt)]);
    }

    [Fact]
    public void Repeating_the_same_referral_records_nothing()
    {
        var shelter = WomensShelter();

        Given(AdultAwaiting, Referred(shelter)).When(ReferTo(shelter), shelter).ShouldBeEmpty();
    }

    [Fact]
    public void Referring_someone_who_is_in_a_shelter_breaks_already_in_shelter()
    {
        var current = WomensShelter().Housing(CaseId);
        var other = MixedShelter();

        Given(AdultAwaiting, Admitted(current)).RuleBrokenBy(ReferTo(other), other).ShouldBe("already-in-shelter");
    }

    [Fact]
    public void Referring_a_case_the_identification_service_closed_breaks_case_closed()
    {
        var shelter = WomensShelter();

        Given(AdultAwaiting, ClosedInIdentification).RuleBrokenBy(ReferTo(shelter), shelter).ShouldBe("case-closed");
    }

    [Fact]
    public void Referring_a_child_to_a_shelter_that_takes_no_children_breaks_child_needs_child_shelter()
    {
        var shelter = WomensShelter();

        Given(ChildAwaiting).RuleBrokenBy(ReferTo(shelter), shelter).ShouldBe("child-needs-child-shelter");
    }

    [Fact]
    public void Referring_to_a_shelter_of_another_country_breaks_shelter_in_another_country()
    {
        var shelter = ShelterInGhana();

        Given(AdultAwaiting).RuleBrokenBy(ReferTo(shelter), shelter).ShouldBe("shelter-in-another-country");
    }

    [Fact]
    public void A_referral_marks_the_case_referred_to_the_shelter()
    {
        var state = Given(AdultAwaiting, Referred(MixedShelter())).ShouldNotBeNull();

        state.Status.ShouldBe(PlacementStatus.Referred);
        state.ReferredTo.ShouldBe(MixedShelterId);
    }

    [Theory]
    [InlineData(Nigeria, null)]
    [InlineData(Nigeria, WomenAffairs)]
    [InlineData(Nigeria, "lagos state ministry of women affairs")]
    public void Withdrawing_consent_from_a_recipient_that_covers_the_shelters_agency_lets_the_pending_referral_lapse(string country, string? agency)
    {
        var shelter = MixedShelter();
        var state = Given(AdultAwaiting, Referred(shelter));

        var events = state.When(ConsentWithdrawn(country, agency), shelter);

        events.ShouldBe([new ShelterReferralWithdrawn(CaseId, MixedShelterId, Referral.ConsentWithdrawal, WithdrawnAt)]);
        var lapsed = state.Then(events);
        lapsed.Status.ShouldBe(PlacementStatus.AwaitingPlacement);
        lapsed.ReferredTo.ShouldBeNull();
    }

    [Theory]
    [InlineData(Nigeria, Naptip)]
    [InlineData(Ghana, null)]
    [InlineData(Ghana, WomenAffairs)]
    public void Withdrawing_consent_from_a_recipient_that_does_not_cover_the_shelters_agency_keeps_the_referral(string country, string? agency)
    {
        var shelter = MixedShelter();

        Given(AdultAwaiting, Referred(shelter)).When(ConsentWithdrawn(country, agency), shelter).ShouldBeEmpty();
    }

    [Fact]
    public void Withdrawing_consent_when_no_referral_is_pending_records_nothing()
    {
        var shelter = MixedShelter().Housing(CaseId);

        Given(AdultAwaiting, Referred(shelter), Admitted(shelter)).When(ConsentWithdrawn(Nigeria, null), shelter).ShouldBeEmpty();
    }

    [Fact]
    public void A_lapsed_referral_after_an_earlier_stay_leaves_the_case_discharged()
    {
        var earlier = WomensShelter();

        var state = Given(
                AdultAwaiting, Admitted(earlier), Discharged(earlier), Referred(MixedShelter()),
                new ShelterReferralWithdrawn(CaseId, MixedShelterId, Referral.ConsentWithdrawal, WithdrawnAt))
            .ShouldNotBeNull();

        state.Status.ShouldBe(PlacementStatus.Discharged);
        state.ReferredTo.ShouldBeNull();
    }

    [Fact]
    public void A_referral_to_another_shelter_records_that_the_earlier_one_was_withdrawn()
    {
        var first = WomensShelter();
        var second = MixedShelter();

        var events = Given(AdultAwaiting, Referred(first)).When(ReferTo(second), second);

        events.ShouldBe([
            new ShelterReferralWithdrawn(CaseId, first.Id, Referral.ReferredElsewhere, ReferredAt),
            new ShelterReferralMade(CaseId, second.Id, second.Name, ReferralReason, ReferredAt),
        ]);
    }
}
