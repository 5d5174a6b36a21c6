using TipReferral.Shelter.ShelterCases;
using TipReferral.Shelter.Shelters;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.ShelterCases.Admitting;

/// <summary>A presumed child is placed only as a child, in a shelter that takes children, and only with a guardian or a recorded emergency exception.</summary>
public sealed class ChildPlacementDeciderTests
{
    [Theory]
    [InlineData(ResidentGroup.Women)]
    [InlineData(ResidentGroup.Children)]
    public void A_child_in_a_shelter_that_takes_no_children_breaks_child_needs_child_shelter_even_with_a_guardian(ResidentGroup requested)
    {
        var shelter = WomensShelter();

        Given(ChildAwaiting, GuardianNoted).RuleBrokenBy(Admit(shelter, requested), shelter).ShouldBe("child-needs-child-shelter");
    }

    [Fact]
    public void A_child_without_a_guardian_or_an_emergency_exception_breaks_child_needs_guardian_or_emergency_exception()
    {
        var shelter = ChildrensShelter();

        Given(ChildAwaiting).RuleBrokenBy(Admit(shelter, ResidentGroup.Children), shelter).ShouldBe("child-needs-guardian-or-emergency-exception");
    }

    [Fact]
    public void A_child_with_a_guardian_appointed_is_admitted_as_a_child_whatever_group_was_asked_for()
    {
        var shelter = ChildrensShelter();

        var events = Given(ChildAwaiting, GuardianNoted).When(Admit(shelter, ResidentGroup.Families), shelter);

        events.ShouldBe([
            new VictimAdmittedToShelter(CaseId, ChildrensShelterId, "Little Stars", ResidentGroup.Children, NeedsWheelchairAccess: false, null, AdmittedAt),
            new ShelterBedTaken(ChildrensShelterId, CaseId, AdmittedAt),
        ]);
    }

    [Fact]
    public void A_child_with_an_emergency_exception_is_admitted_and_the_exception_is_recorded()
    {
        var shelter = ChildrensShelter();

        var events = Given(ChildAwaiting).When(Admit(shelter, ResidentGroup.Children, TraffickerNearby), shelter);

        events.ShouldBe([
            new VictimAdmittedToShelter(CaseId, ChildrensShelterId, "Little Stars", ResidentGroup.Children, NeedsWheelchairAccess: false, TraffickerNearby, AdmittedAt),
            new ShelterBedTaken(ChildrensShelterId, CaseId, AdmittedAt),
        ]);
        Given(ChildAwaiting).Then(events).CurrentPlacement.ShouldNotBeNull().EmergencyException.ShouldBeTrue();
    }

    [Fact]
    public void An_adults_emergency_exception_is_not_recorded()
    {
        var shelter = WomensShelter();

        var events = Given(AdultAwaiting).When(Admit(shelter, exception: TraffickerNearby), shelter);

        events.OfType<VictimAdmittedToShelter>().ShouldHaveSingleItem().EmergencyException.ShouldBeNull();
        Given(AdultAwaiting).Then(events).CurrentPlacement.ShouldNotBeNull().EmergencyException.ShouldBeFalse();
    }

    [Fact]
    public void A_full_childrens_shelter_refuses_a_child_with_a_guardian_naming_capacity()
    {
        var shelter = ChildrensShelter(beds: 2).Full();

        Given(ChildAwaiting, GuardianNoted).RuleBrokenBy(Admit(shelter, ResidentGroup.Children), shelter).ShouldBe(Admission.AtCapacityRule);
    }
}
