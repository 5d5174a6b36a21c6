using TipReferral.Shelter.Shelters;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.Shelters.GettingOccupancy;

/// <summary>How the bed events of a shelter's stream fold into who occupies it.</summary>
public sealed class OccupancyDeciderTests
{
    private static readonly Guid Resident = SomeoneElse(1);

    [Fact]
    public void A_bed_taken_twice_by_the_same_person_is_counted_once()
    {
        var shelter = WomensShelter().Housing(Resident).Housing(Resident);

        shelter.Occupants.ShouldBe([Resident]);
        shelter.FreeBeds.ShouldBe(2);
    }

    [Fact]
    public void A_released_bed_is_free_again()
    {
        var shelter = WomensShelter(beds: 1).Housing(Resident).Then(new ShelterBedReleased(WomensShelterId, Resident, ShelterRegisteredAt.AddDays(5)));

        shelter.Occupants.ShouldBeEmpty();
        shelter.FreeBeds.ShouldBe(1);
    }

    [Fact]
    public void Releasing_the_bed_of_someone_not_housed_frees_no_one_elses()
    {
        var shelter = WomensShelter().Housing(Resident).Then(new ShelterBedReleased(WomensShelterId, SomeoneElse(2), ShelterRegisteredAt.AddDays(5)));

        shelter.Occupants.ShouldBe([Resident]);
    }
}
