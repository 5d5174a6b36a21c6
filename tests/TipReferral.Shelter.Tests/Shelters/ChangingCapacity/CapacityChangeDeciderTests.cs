using TipReferral.Domain;
using TipReferral.Shelter.Shelters;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.Shelters.ChangingCapacity;

public sealed class CapacityChangeDeciderTests
{
    private static readonly DateTimeOffset ChangedAt = ShelterRegisteredAt.AddDays(30);

    private static ChangeShelterCapacity ChangeTo(int beds) => new(beds, Reason, ChangedAt);

    [Fact]
    public void Raising_the_capacity_records_the_new_number_of_beds()
    {
        var shelter = WomensShelter(beds: 3).HousingOthers(3);

        var events = CapacityChange.Decide(ChangeTo(5), shelter);

        events.ShouldBe([new ShelterCapacityChanged(WomensShelterId, 5, Reason, ChangedAt)]);
        shelter.Then([.. events]).FreeBeds.ShouldBe(2);
    }

    [Fact]
    public void Cutting_the_capacity_below_the_people_housed_breaks_capacity_below_occupancy()
    {
        var shelter = WomensShelter(beds: 6).HousingOthers(4);

        var refusal = Should.Throw<RuleViolationException>(() => CapacityChange.Decide(ChangeTo(3), shelter));

        refusal.Rule.ShouldBe("capacity-below-occupancy");
        refusal.Message.ShouldContain("houses 4 people");
    }

    [Fact]
    public void Cutting_the_capacity_down_to_the_people_housed_leaves_no_free_bed()
    {
        var shelter = WomensShelter(beds: 6).HousingOthers(4);

        var events = CapacityChange.Decide(ChangeTo(4), shelter);

        events.ShouldBe([new ShelterCapacityChanged(WomensShelterId, 4, Reason, ChangedAt)]);
        shelter.Then([.. events]).FreeBeds.ShouldBe(0);
    }

    [Fact]
    public void Setting_the_capacity_it_already_has_records_nothing()
    {
        CapacityChange.Decide(ChangeTo(3), WomensShelter(beds: 3).HousingOthers(1)).ShouldBeEmpty();
    }
}
