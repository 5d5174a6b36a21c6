using Microsoft.Extensions.Time.Testing;
using TipReferral.Identification.Cases;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Tests.Cases.Registering;

public sealed class PersonDetailsValidatorTests
{
    /// <summary>Today is 10 March 2026.</summary>
    private static readonly PersonDetailsValidator Validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)));

    private static Proto.PersonDetails Valid() => new()
    {
        GivenName = "Amina",
        FamilyName = "Okafor",
        Aliases = { "Mina" },
        Gender = Proto.Gender.Female,
        DateOfBirth = new Google.Type.Date { Year = 1999, Month = 4, Day = 12 },
        Citizenships = { "NG" },
        Languages = { "en", "ha" },
    };

    private static IEnumerable<string> InvalidProperties(Proto.PersonDetails person) =>
        Validator.Validate(person).Errors.Select(error => error.PropertyName);

    private static Google.Type.Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    [Fact]
    public void Complete_details_are_valid()
    {
        InvalidProperties(Valid()).ShouldBeEmpty();
    }

    [Fact]
    public void Details_without_any_name_are_invalid()
    {
        var person = Valid();
        person.GivenName = "";
        person.FamilyName = " ";
        person.Aliases.Clear();

        InvalidProperties(person).ShouldBe(["GivenName"]);
    }

    [Fact]
    public void Blank_names_and_a_blank_alias_are_invalid()
    {
        var person = Valid();
        person.GivenName = "";
        person.FamilyName = "";
        person.Aliases.Clear();
        person.Aliases.Add("  ");

        InvalidProperties(person).ShouldBe(["GivenName", "Aliases[0]"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("Amina", "", "")]
    [InlineData("", "Okafor", "")]
    [InlineData("", "", "Mama Bisi")]
    public void Any_one_name_is_enough(string givenName, string familyName, string alias)
    {
        var person = Valid();
        person.GivenName = givenName;
        person.FamilyName = familyName;
        person.Aliases.Clear();
        if (alias.Length > 0)
        {
            person.Aliases.Add(alias);
        }

        InvalidProperties(person).ShouldBeEmpty();
    }

    [Fact]
    public void A_name_over_200_characters_is_invalid()
    {
        var person = Valid();
        person.FamilyName = new string('a', 201);

        InvalidProperties(person).ShouldBe(["FamilyName"]);
    }

    [Fact]
    public void An_unspecified_gender_is_invalid()
    {
        var person = Valid();
        person.Gender = Proto.Gender.Unspecified;

        InvalidProperties(person).ShouldBe(["Gender"]);
    }

    [Fact]
    public void A_gender_value_not_in_the_contract_is_invalid()
    {
        var person = Valid();
        person.Gender = (Proto.Gender)99;

        InvalidProperties(person).ShouldBe(["Gender"]);
    }

    [Fact]
    public void Unknown_gender_is_an_answer()
    {
        var person = Valid();
        person.Gender = Proto.Gender.Unknown;

        InvalidProperties(person).ShouldBeEmpty();
    }

    [Fact]
    public void A_date_of_birth_in_the_future_is_invalid()
    {
        var person = Valid();
        person.DateOfBirth = Date(new DateOnly(2026, 3, 11));

        InvalidProperties(person).ShouldBe(["DateOfBirth"]);
    }

    [Fact]
    public void A_baby_born_today_is_valid()
    {
        var person = Valid();
        person.DateOfBirth = Date(new DateOnly(2026, 3, 10));

        InvalidProperties(person).ShouldBeEmpty();
    }

    [Fact]
    public void The_30th_of_February_is_invalid()
    {
        var person = Valid();
        person.DateOfBirth = new Google.Type.Date { Year = 2010, Month = 2, Day = 30 };

        InvalidProperties(person).ShouldBe(["DateOfBirth"]);
    }

    [Fact]
    public void A_date_of_birth_more_than_120_years_ago_is_invalid()
    {
        var person = Valid();
        person.DateOfBirth = Date(new DateOnly(1905, 3, 9));

        InvalidProperties(person).ShouldBe(["DateOfBirth"]);
    }

    [Fact]
    public void A_date_of_birth_and_an_estimated_age_together_are_invalid()
    {
        var person = Valid();
        person.EstimatedAgeYears = 26;

        InvalidProperties(person).ShouldBe(["EstimatedAgeYears"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(120)]
    public void An_estimated_age_alone_is_valid(int years)
    {
        var person = Valid();
        person.DateOfBirth = null;
        person.EstimatedAgeYears = years;

        InvalidProperties(person).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(121)]
    public void An_implausible_estimated_age_is_invalid(int years)
    {
        var person = Valid();
        person.DateOfBirth = null;
        person.EstimatedAgeYears = years;

        InvalidProperties(person).ShouldBe(["EstimatedAgeYears"]);
    }

    [Fact]
    public void No_age_at_all_is_valid()
    {
        var person = Valid();
        person.DateOfBirth = null;

        InvalidProperties(person).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Nigeria")]
    [InlineData("ng")]
    [InlineData("ZZ")]
    public void A_citizenship_that_is_not_an_upper_case_country_code_is_invalid(string citizenship)
    {
        var person = Valid();
        person.Citizenships.Add(citizenship);

        InvalidProperties(person).ShouldBe(["Citizenships[1]"]);
    }

    [Fact]
    public void XX_is_accepted_for_a_stateless_or_unknown_citizenship()
    {
        var person = Valid();
        person.Citizenships.Clear();
        person.Citizenships.Add("XX");

        InvalidProperties(person).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("FR")]
    [InlineData("fra")]
    [InlineData("f")]
    public void A_language_that_is_not_a_lower_case_two_letter_code_is_invalid(string language)
    {
        var person = Valid();
        person.Languages.Clear();
        person.Languages.Add(language);

        InvalidProperties(person).ShouldBe(["Languages[0]"]);
    }
}
