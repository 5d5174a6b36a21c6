using TipReferral.Domain;
using TipReferral.Shelter.ShelterCases;
using TipReferral.Shelter.Shelters;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.ShelterCases.Admitting;

public sealed class AdmissionDeciderTests
{
    [Fact]
    public void Admitting_into_a_shelter_with_one_free_bed_admits_the_person_and_takes_that_bed_in_the_shelters_stream()
    {
        var shelter = WomensShelter(beds: 3).HousingOthers(2);

        var events = Given(AdultAwaiting).When(Admit(shelter), shelter);

        events.ShouldBe([
            new VictimAdmittedToShelter(CaseId, WomensShelterId, "Hope House", ResidentGroup.Women, NeedsWheelchairAccess: false, null, AdmittedAt),
            new ShelterBedTaken(WomensShelterId, CaseId, AdmittedAt),
        ]);
        events.OfType<IShelterBedEvent>().ShouldHaveSingleItem().ShelterId.ShouldBe(WomensShelterId);
    }

    [Fact]
    public void Admitting_into_a_full_shelter_breaks_shelter_at_capacity_and_names_the_capacity()
    {
        var shelter = WomensShelter(beds: 4).Full();

        var refusal = Given(AdultAwaiting).RefusalOf(Admit(shelter), shelter);

        refusal.Rule.ShouldBe("shelter-at-capacity");
        refusal.Message.ShouldContain("capacity");
        refusal.Message.ShouldContain("4 of 4 beds");
    }

    [Fact]
    public void The_bed_the_admission_takes_is_counted_so_the_next_admission_into_the_last_bed_is_refused()
    {
        var shelter = WomensShelter(beds: 3).HousingOthers(2);
        var beds = Given(AdultAwaiting).When(Admit(shelter), shelter).OfType<IShelterBedEvent>();

        var afterwards = shelter.Then([.. beds]);

        afterwards.Occupied.ShouldBe(3);
        afterwards.Occupants.ShouldContain(CaseId);
        Given(AdultAwaiting with { CaseId = SomeoneElse(99) })
            .RuleBrokenBy(Admit(afterwards) with { CaseId = SomeoneElse(99) }, afterwards)
            .ShouldBe(Admission.AtCapacityRule);
    }

    [Fact]
    public void Repeating_the_same_admission_records_nothing_even_though_the_person_took_the_last_bed()
    {
        var shelter = WomensShelter(beds: 2).HousingOthers(1).Housing(CaseId);

        Given(AdultAwaiting, Admitted(shelter)).When(Admit(shelter), shelter).ShouldBeEmpty();
    }

    [Fact]
    public void Admitting_into_another_shelter_while_in_one_breaks_already_in_shelter()
    {
        var current = WomensShelter().Housing(CaseId);
        var other = MixedShelter();

        Given(AdultAwaiting, Admitted(current)).RuleBrokenBy(Admit(other), other).ShouldBe("already-in-shelter");
    }

    [Fact]
    public void A_person_discharged_earlier_can_be_admitted_again()
    {
        var shelter = MixedShelter();

        var events = Given(AdultAwaiting, Admitted(WomensShelter()), Discharged(WomensShelter())).When(Admit(shelter), shelter);

        events.ShouldBe([
            new VictimAdmittedToShelter(CaseId, MixedShelterId, "Safe Harbour", ResidentGroup.Women, NeedsWheelchairAccess: false, null, AdmittedAt),
            new ShelterBedTaken(MixedShelterId, CaseId, AdmittedAt),
        ]);
    }

    [Fact]
    public void Admitting_a_man_into_a_shelter_for_women_only_breaks_shelter_does_not_take_group()
    {
        var shelter = WomensShelter();

        Given(AdultAwaiting).RuleBrokenBy(Admit(shelter, ResidentGroup.Men), shelter).ShouldBe("shelter-does-not-take-group");
    }

    [Fact]
    public void Admitting_into_a_closed_shelter_with_free_beds_breaks_shelter_closed()
    {
        var shelter = WomensShelter().Closed();

        Given(AdultAwaiting).RuleBrokenBy(Admit(shelter), shelter).ShouldBe("shelter-closed");
    }

    [Fact]
    public void Admitting_into_a_shelter_of_another_country_breaks_shelter_in_another_country()
    {
        var shelter = ShelterInGhana();

        Given(AdultAwaiting).RuleBrokenBy(Admit(shelter), shelter).ShouldBe("shelter-in-another-country");
    }

    [Fact]
    public void Admitting_someone_who_needs_wheelchair_access_into_a_shelter_without_it_breaks_shelter_not_wheelchair_accessible()
    {
        var shelter = WomensShelter();

        Given(AdultAwaiting).RuleBrokenBy(Admit(shelter, needsWheelchairAccess: true), shelter).ShouldBe("shelter-not-wheelchair-accessible");
    }

    [Fact]
    public void Admitting_someone_who_needs_wheelchair_access_into_an_accessible_shelter_admits_the_person()
    {
        var shelter = MixedShelter();

        Given(AdultAwaiting).When(Admit(shelter, needsWheelchairAccess: true), shelter).OfType<VictimAdmittedToShelter>().ShouldHaveSingleItem();
    }

    [Fact]
    public void Admitting_a_case_the_identification_service_closed_breaks_case_closed()
    {
        var shelter = WomensShelter();

        Given(AdultAwaiting, ClosedInIdentification).RuleBrokenBy(Admit(shelter), shelter).ShouldBe("case-closed");
    }

    [Fact]
    public void Admitting_into_a_shelter_that_is_not_registered_is_not_found()
    {
        var unknown = WomensShelter();

        var notFound = Should.Throw<NotFoundException>(() => Given(AdultAwaiting).When(Admit(unknown)));

        notFound.What.ShouldBe("shelter");
        notFound.Id.ShouldBe(WomensShelterId.ToString());
    }

    [Fact]
    public void Admitting_a_case_never_seen_is_not_found()
    {
        var shelter = WomensShelter();

        Should.Throw<NotFoundException>(() => Given().When(Admit(shelter), shelter)).What.ShouldBe("case");
    }

    [Fact]
    public void An_admission_places_the_person_and_clears_a_pending_referral()
    {
        var referredTo = MixedShelter();

        var state = Given(AdultAwaiting, Referred(referredTo), Admitted(WomensShelter()));

        state.ShouldNotBeNull();
        state.Status.ShouldBe(PlacementStatus.InShelter);
        state.ReferredTo.ShouldBeNull();
        state.CurrentPlacement.ShouldBe(new Placement(WomensShelterId, "Hope House", ResidentGroup.Women, AdmittedAt, null, null, EmergencyException: false, NeedsWheelchairAccess: false));
    }

    [Fact]
    public void A_retried_admission_after_the_case_was_closed_elsewhere_changes_nothing()
    {
        var shelter = WomensShelter().Housing(CaseId);

        Given(AdultAwaiting, Admitted(shelter), ClosedInIdentification).When(Admit(shelter), shelter).ShouldBeEmpty();
    }
}
