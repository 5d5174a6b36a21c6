using TipReferral.Domain;
using TipReferral.Shelter.Shelters;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.Shelters.FindingSuitableShelters;

/// <summary>Which shelters could admit a person now; the search filters by country itself, so these shelters are all searched together.</summary>
public sealed class SuitabilityDeciderTests
{
    private static IEnumerable<RegisteredShelter> Registry =>
    [
        WomensShelter(beds: 3).HousingOthers(1),
        MixedShelter(beds: 5),
        ShelterInGhana(beds: 2),
        ChildrensShelter(beds: 2).Full(),
        ChildrensAnnex(beds: 4).Closed(),
    ];

    private static IEnumerable<string> Found(ResidentGroup group, bool needsWheelchairAccess) =>
        Registry.WithSuitableFreeBed(group, needsWheelchairAccess).Select(shelter => shelter.Name);

    [Fact]
    public void Shelters_that_take_the_group_with_a_free_bed_are_found_most_free_beds_first_then_by_name()
    {
        Found(ResidentGroup.Women, needsWheelchairAccess: false).ShouldBe(["Safe Harbour", "Accra Refuge", "Hope House"]);
    }

    [Fact]
    public void Someone_who_needs_wheelchair_access_finds_only_accessible_shelters()
    {
        Found(ResidentGroup.Women, needsWheelchairAccess: true).ShouldBe(["Safe Harbour", "Accra Refuge"]);
    }

    [Fact]
    public void A_full_shelter_and_a_closed_one_are_not_found()
    {
        Found(ResidentGroup.Children, needsWheelchairAccess: false).ShouldBe(["Accra Refuge"]);
    }

    public static TheoryData<ResidentGroup, bool> Needs => new()
    {
        { ResidentGroup.Women, false },
        { ResidentGroup.Women, true },
        { ResidentGroup.Men, false },
        { ResidentGroup.Men, true },
        { ResidentGroup.Families, false },
        { ResidentGroup.Families, true },
        { ResidentGroup.Children, false },
        { ResidentGroup.Children, true },
    };

    /// <summary>A child is admitted as a child, and (here) has a guardian; an adult is admitted as the group asked for.</summary>
    [Theory]
    [MemberData(nameof(Needs))]
    public void A_shelter_of_the_cases_country_is_found_exactly_when_admission_would_accept_the_person(ResidentGroup group, bool needsWheelchairAccess)
    {
        var person = group == ResidentGroup.Children ? Given(ChildAwaiting, GuardianNoted) : Given(AdultAwaiting);

        foreach (var shelter in Registry.Where(shelter => shelter.Country == Country))
        {
            var found = new[] { shelter }.WithSuitableFreeBed(group, needsWheelchairAccess).Any();
            var admitted = Admits(() => person.When(Admit(shelter, group, needsWheelchairAccess: needsWheelchairAccess), shelter));

            found.ShouldBe(admitted, $"{shelter.Name} for {group}, wheelchair {needsWheelchairAccess}");
        }
    }

    private static bool Admits(Func<IReadOnlyList<object>> decide)
    {
        try
        {
            return decide().Count > 0;
        }
        catch (RuleViolationException)
        {
            return false;
        }
    }
}
