using TipReferral.Domain;
using TipReferral.Shelter.ShelterCases;
using TipReferral.Shelter.Shelters;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.ShelterCases.Transferring;

public sealed class TransferDeciderTests
{
    private static readonly DateTimeOffset TransferredAt = DaysLater(10);

    [Fact]
    public void A_transfer_frees_the_bed_in_the_old_shelter_and_takes_one_in_the_new_in_one_decision()
    {
        var from = WomensShelter().Housing(CaseId);
        var to = MixedShelter(beds: 2).HousingOthers(1);

        var events = Given(AdultAwaiting, Admitted(from)).When(TransferTo(to), from, to);

        events.ShouldBe([
            new VictimTransferredToShelter(CaseId, WomensShelterId, MixedShelterId, "Safe Harbour", TransferReason, null, TransferredAt),
            new ShelterBedReleased(WomensShelterId, CaseId, TransferredAt),
            new ShelterBedTaken(MixedShelterId, CaseId, TransferredAt),
        ]);
    }

    [Fact]
    public void After_a_transfer_the_person_occupies_only_the_new_shelter()
    {
        var from = WomensShelter().Housing(CaseId);
        var to = MixedShelter();

        var beds = Given(AdultAwaiting, Admitted(from)).When(TransferTo(to), from, to).OfType<IShelterBedEvent>().ToList();

        from.Then([.. beds.Where(bed => bed.ShelterId == from.Id)]).Occupants.ShouldBeEmpty();
        to.Then([.. beds.Where(bed => bed.ShelterId == to.Id)]).Occupants.ShouldBe([CaseId]);
    }

    [Fact]
    public void Transferring_into_a_full_shelter_breaks_shelter_at_capacity()
    {
        var from = WomensShelter().Housing(CaseId);
        var to = MixedShelter(beds: 2).Full();

        Given(AdultAwaiting, Admitted(from)).RuleBrokenBy(TransferTo(to), from, to).ShouldBe("shelter-at-capacity");
    }

    [Fact]
    public void Transferring_into_the_shelter_the_person_is_in_records_nothing()
    {
        var shelter = WomensShelter(beds: 1).Housing(CaseId);

        Given(AdultAwaiting, Admitted(shelter)).When(TransferTo(shelter), shelter).ShouldBeEmpty();
    }

    [Fact]
    public void Transferring_someone_not_in_a_shelter_breaks_not_in_shelter()
    {
        var to = MixedShelter();

        Given(AdultAwaiting).RuleBrokenBy(TransferTo(to), to).ShouldBe("not-in-shelter");
    }

    [Fact]
    public void Transferring_a_man_into_a_shelter_for_women_only_breaks_shelter_does_not_take_group()
    {
        var from = MixedShelter().Housing(CaseId);
        var to = WomensShelter();

        Given(AdultAwaiting, Admitted(from, ResidentGroup.Men)).RuleBrokenBy(TransferTo(to), from, to).ShouldBe("shelter-does-not-take-group");
    }

    [Fact]
    public void Transferring_into_a_closed_shelter_breaks_shelter_closed()
    {
        var from = WomensShelter().Housing(CaseId);
        var to = MixedShelter().Closed();

        Given(AdultAwaiting, Admitted(from)).RuleBrokenBy(TransferTo(to), from, to).ShouldBe("shelter-closed");
    }

    [Fact]
    public void Transferring_into_a_shelter_that_is_not_registered_is_not_found()
    {
        var from = WomensShelter().Housing(CaseId);

        Should.Throw<NotFoundException>(() => Given(AdultAwaiting, Admitted(from)).When(TransferTo(MixedShelter()), from)).What.ShouldBe("shelter");
    }

    [Fact]
    public void Transferring_a_child_without_a_guardian_or_a_new_emergency_exception_breaks_child_needs_guardian_or_emergency_exception()
    {
        var from = ChildrensShelter().Housing(CaseId);
        var to = ChildrensAnnex();

        Given(ChildAwaiting, Admitted(from, ResidentGroup.Children, TraffickerNearby))
            .RuleBrokenBy(TransferTo(to), from, to)
            .ShouldBe("child-needs-guardian-or-emergency-exception");
    }

    [Fact]
    public void Transferring_a_child_under_an_emergency_exception_records_the_exception_on_the_new_placement()
    {
        var from = ChildrensShelter().Housing(CaseId);
        var to = ChildrensAnnex();
        var state = Given(ChildAwaiting, Admitted(from, ResidentGroup.Children, TraffickerNearby));

        var events = state.When(TransferTo(to, TraffickerNearby), from, to);

        events.OfType<VictimTransferredToShelter>().ShouldHaveSingleItem().EmergencyException.ShouldBe(TraffickerNearby);
        state.Then(events).CurrentPlacement.ShouldBe(
            new Placement(ChildrensAnnexId, "Little Stars Annex", ResidentGroup.Children, TransferredAt, null, null, EmergencyException: true, NeedsWheelchairAccess: false));
    }

    [Fact]
    public void A_transfer_ends_the_old_placement_as_transferred_and_keeps_the_group_in_the_new_one()
    {
        var from = MixedShelter();

        var state = Given(AdultAwaiting, Admitted(from, ResidentGroup.Men), Transferred(from, WomensShelter()));

        state.ShouldNotBeNull();
        state.Status.ShouldBe(PlacementStatus.InShelter);
        state.Placements.ShouldBe([
            new Placement(MixedShelterId, "Safe Harbour", ResidentGroup.Men, AdmittedAt, TransferredAt, DischargeReason.Transferred, EmergencyException: false, NeedsWheelchairAccess: false),
            new Placement(WomensShelterId, "Hope House", ResidentGroup.Men, TransferredAt, null, null, EmergencyException: false, NeedsWheelchairAccess: false),
        ]);
    }

    [Fact]
    public void A_wheelchair_user_is_not_transferred_into_a_shelter_without_wheelchair_access()
    {
        var from = MixedShelter().Housing(CaseId);
        var to = WomensShelter();

        Given(AdultAwaiting, Admitted(from, needsWheelchairAccess: true)).RuleBrokenBy(TransferTo(to), from, to).ShouldBe(Admission.NotAccessibleRule);
    }
}
