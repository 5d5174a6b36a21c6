using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.CorrectingPersonalDetails;

public sealed class PersonalDetailsCorrectionDeciderTests
{
    private const string Reason = "Passport seen at the shelter";
    private static readonly DateTimeOffset CorrectedAt = DaysLater(3);

    private static CorrectPersonalDetails Correct(PersonDetails person) => new(CaseId, person, CorrectedNameIndex, Reason, CorrectedAt);

    [Fact]
    public void The_same_details_in_new_lists_record_nothing()
    {
        var sameDetails = AnAdult with { Aliases = [.. AnAdult.Aliases], Citizenships = [.. AnAdult.Citizenships], Languages = [.. AnAdult.Languages] };

        Given(AdultRegistered).When(Correct(sameDetails)).ShouldBeEmpty();
    }

    [Fact]
    public void A_date_of_birth_corrected_to_18_or_more_makes_the_child_an_adult()
    {
        var events = Given(ChildRegistered).When(Correct(AnAdult));

        events.ShouldBe([new PersonalDetailsCorrected(CaseId, AnAdult, IsPresumedChild: false, CorrectedNameIndex, Reason, CorrectedAt)]);
    }

    [Fact]
    public void A_date_of_birth_corrected_to_under_18_makes_the_adult_a_presumed_child()
    {
        var events = Given(AdultRegistered).When(Correct(AChild));

        events.ShouldBe([new PersonalDetailsCorrected(CaseId, AChild, IsPresumedChild: true, CorrectedNameIndex, Reason, CorrectedAt)]);
    }

    [Fact]
    public void Removing_the_only_age_evidence_makes_a_presumed_child()
    {
        var ageUnknown = AnAdult with { DateOfBirth = null, EstimatedAgeYears = null };

        var events = Given(AdultRegistered).When(Correct(ageUnknown));

        events.ShouldBe([new PersonalDetailsCorrected(CaseId, ageUnknown, IsPresumedChild: true, CorrectedNameIndex, Reason, CorrectedAt)]);
    }

    [Theory]
    [InlineData("given name")]
    [InlineData("family name")]
    [InlineData("aliases")]
    [InlineData("gender")]
    [InlineData("date of birth")]
    [InlineData("estimated age")]
    [InlineData("citizenships")]
    [InlineData("languages")]
    public void A_change_to_any_single_detail_is_recorded(string detail)
    {
        var corrected = detail switch
        {
            "given name" => AnAdult with { GivenName = "Aminat" },
            "family name" => AnAdult with { FamilyName = "Okafor-Bello" },
            "aliases" => AnAdult with { Aliases = ["Mina", "Ami"] },
            "gender" => AnAdult with { Gender = Gender.Unknown },
            "date of birth" => AnAdult with { DateOfBirth = new DateOnly(1999, 4, 13) },
            "estimated age" => AnAdult with { DateOfBirth = null, EstimatedAgeYears = 26 },
            "citizenships" => AnAdult with { Citizenships = ["NG", "GH"] },
            "languages" => AnAdult with { Languages = ["en"] },
            _ => throw new ArgumentOutOfRangeException(nameof(detail)),
        };

        var events = Given(AdultRegistered).When(Correct(corrected));

        events.ShouldBe([new PersonalDetailsCorrected(CaseId, corrected, IsPresumedChild: false, CorrectedNameIndex, Reason, CorrectedAt)]);
    }

    [Fact]
    public void Correcting_a_closed_case_breaks_case_closed()
    {
        Given(AdultRegistered, Closed(CaseClosureReason.LostContact)).RuleBrokenBy(Correct(AChild)).ShouldBe("case-closed");
    }

    [Fact]
    public void A_correction_replaces_the_person_child_status_and_name_index()
    {
        var state = Given(ChildRegistered, new PersonalDetailsCorrected(CaseId, AnAdult, IsPresumedChild: false, CorrectedNameIndex, Reason, CorrectedAt))
            .ShouldNotBeNull();

        state.Person.ShouldBeSameAs(AnAdult);
        state.IsPresumedChild.ShouldBeFalse();
        state.NameIndex.ShouldBe(CorrectedNameIndex);
        state.UpdatedAt.ShouldBe(CorrectedAt);
        state.RegisteredAt.ShouldBe(RegisteredAt);
    }
}
