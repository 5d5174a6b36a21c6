using TipReferral.Shelter.Shelters;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.Shelters.RegisteringShelters;

public sealed class ShelterRegistrationDeciderTests
{
    private static RegisterShelter Register(params ResidentGroup[] accepts) =>
        new(WomensShelterId, "Hope House", Nigeria, Naptip, "Ikeja", 12, accepts, WheelchairAccessible: true, ShelterRegisteredAt);

    [Fact]
    public void A_registration_records_the_shelter_with_each_group_once_in_order()
    {
        var registered = ShelterRegistration.Decide(Register(ResidentGroup.Families, ResidentGroup.Women, ResidentGroup.Families))
            .OfType<ShelterRegistered>().ShouldHaveSingleItem();

        registered.ShouldBe(new ShelterRegistered(
            WomensShelterId, "Hope House", Nigeria, Naptip, "Ikeja", 12, registered.Accepts, WheelchairAccessible: true, ShelterRegisteredAt));
        registered.Accepts.ShouldBe([ResidentGroup.Women, ResidentGroup.Families]);
    }

    [Fact]
    public void A_registered_shelter_is_open_and_empty()
    {
        var shelter = WomensShelter(beds: 12);

        shelter.Open.ShouldBeTrue();
        shelter.Occupants.ShouldBeEmpty();
        shelter.Capacity.ShouldBe(12);
        shelter.FreeBeds.ShouldBe(12);
        shelter.Takes(ResidentGroup.Women).ShouldBeTrue();
        shelter.Takes(ResidentGroup.Men).ShouldBeFalse();
    }

    [Fact]
    public void Events_of_a_shelter_never_registered_leave_no_shelter()
    {
        ShelterEvolution.Evolve(null, new ShelterBedTaken(WomensShelterId, SomeoneElse(1), ShelterRegisteredAt)).ShouldBeNull();
    }
}
