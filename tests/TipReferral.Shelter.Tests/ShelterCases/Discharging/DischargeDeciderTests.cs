using TipReferral.Shelter.ShelterCases;
using TipReferral.Shelter.Shelters;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.ShelterCases.Discharging;

public sealed class DischargeDeciderTests
{
    private static readonly DateTimeOffset DischargedAt = DaysLater(20);

    [Fact]
    public void A_discharge_records_the_reason_and_releases_the_bed_in_the_shelters_stream()
    {
        var shelter = WomensShelter().Housing(CaseId);

        var events = Given(AdultAwaiting, Admitted(shelter)).When(Discharge(DischargeReason.IndependentLiving), shelter);

        events.ShouldBe([
            new VictimDischargedFromShelter(CaseId, WomensShelterId, DischargeReason.IndependentLiving, DischargeNote, DischargedAt),
            new ShelterBedReleased(WomensShelterId, CaseId, DischargedAt),
        ]);
        shelter.Then([.. events.OfType<IShelterBedEvent>()]).Occupied.ShouldBe(0);
    }

    [Fact]
    public void A_discharge_after_a_transfer_releases_the_bed_in_the_shelter_the_person_is_in_now()
    {
        var from = WomensShelter();
        var now = MixedShelter().Housing(CaseId);

        var events = Given(AdultAwaiting, Admitted(from), Transferred(from, now)).When(Discharge(), now);

        events.OfType<ShelterBedReleased>().ShouldHaveSingleItem().ShelterId.ShouldBe(MixedShelterId);
    }

    [Fact]
    public void Repeating_the_same_discharge_records_nothing()
    {
        var shelter = WomensShelter();

        Given(AdultAwaiting, Admitted(shelter), Discharged(shelter, DischargeReason.LeftOfOwnWill))
            .When(Discharge(DischargeReason.LeftOfOwnWill))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Discharging_someone_already_discharged_for_another_reason_breaks_not_in_shelter()
    {
        var shelter = WomensShelter();

        Given(AdultAwaiting, Admitted(shelter), Discharged(shelter, DischargeReason.LeftOfOwnWill))
            .RuleBrokenBy(Discharge(DischargeReason.ReturnedHome))
            .ShouldBe("not-in-shelter");
    }

    [Fact]
    public void Discharging_someone_never_admitted_breaks_not_in_shelter()
    {
        Given(AdultAwaiting).RuleBrokenBy(Discharge()).ShouldBe("not-in-shelter");
    }

    [Fact]
    public void A_discharge_ends_the_placement_with_its_reason_and_leaves_no_current_placement()
    {
        var shelter = WomensShelter();

        var state = Given(AdultAwaiting, Admitted(shelter), Discharged(shelter, DischargeReason.ReturnedHome)).ShouldNotBeNull();

        state.Status.ShouldBe(PlacementStatus.Discharged);
        state.CurrentPlacement.ShouldBeNull();
        state.Placements.ShouldBe([
            new Placement(WomensShelterId, "Hope House", ResidentGroup.Women, AdmittedAt, DischargedAt, DischargeReason.ReturnedHome, EmergencyException: false, NeedsWheelchairAccess: false),
        ]);
    }
}
