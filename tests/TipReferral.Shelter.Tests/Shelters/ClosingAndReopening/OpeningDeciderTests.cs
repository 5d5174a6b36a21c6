using TipReferral.Shelter.Shelters;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.Shelters.ClosingAndReopening;

public sealed class OpeningDeciderTests
{
    private static readonly DateTimeOffset Now = ShelterRegisteredAt.AddDays(30);

    [Fact]
    public void Closing_an_open_shelter_records_the_closure()
    {
        Opening.Close(WomensShelter(), Reason, Now).ShouldBe([new ShelterClosed(WomensShelterId, Reason, Now)]);
    }

    [Fact]
    public void Closing_a_closed_shelter_records_nothing()
    {
        Opening.Close(WomensShelter().Closed(), Reason, Now).ShouldBeEmpty();
    }

    [Fact]
    public void Reopening_a_closed_shelter_records_the_reopening()
    {
        var shelter = WomensShelter().Closed();

        var events = Opening.Reopen(shelter, Reason, Now);

        events.ShouldBe([new ShelterReopened(WomensShelterId, Reason, Now)]);
        shelter.Then([.. events]).Open.ShouldBeTrue();
    }

    [Fact]
    public void Reopening_an_open_shelter_records_nothing()
    {
        Opening.Reopen(WomensShelter(), Reason, Now).ShouldBeEmpty();
    }

    [Fact]
    public void A_closed_shelter_keeps_the_people_it_houses_and_offers_no_free_bed()
    {
        var shelter = WomensShelter(beds: 3).HousingOthers(1).Closed();

        shelter.Open.ShouldBeFalse();
        shelter.Occupied.ShouldBe(1);
        shelter.FreeBeds.ShouldBe(0);
    }
}
