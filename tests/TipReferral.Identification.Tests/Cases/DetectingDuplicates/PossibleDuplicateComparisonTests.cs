using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.DetectingDuplicates;

/// <summary>
/// <see cref="PossibleDuplicateFinder.Compare"/>: score = 0.6 × name similarity + 0.25 for the same
/// date of birth + 0.15 for a shared citizenship; names below 0.45 alike, or a score below
/// 0.6, are no match.
/// </summary>
public sealed class PossibleDuplicateComparisonTests
{
    /// <summary>Amina Okafor, born 12 April 1999, Nigerian.</summary>
    private static readonly PersonDetails Amina = AnAdult with { Aliases = [] };

    private static readonly PersonDetails WithoutAnyCitizenship = Amina with { Citizenships = [] };

    [Fact]
    public void The_same_name_and_date_of_birth_match_on_both_with_a_score_of_0_85()
    {
        var duplicate = PossibleDuplicateFinder.Compare(WithoutAnyCitizenship, OtherCase(Amina with { Citizenships = ["GH"] })).ShouldNotBeNull();

        duplicate.MatchedOn.ShouldBe(["name", "date_of_birth"]);
        duplicate.Score.ShouldBe(0.85);
    }

    [Fact]
    public void The_match_names_the_other_case_and_waits_for_a_person_to_resolve_it()
    {
        var duplicate = PossibleDuplicateFinder.Compare(Amina, OtherCase(Amina)).ShouldNotBeNull();

        duplicate.OtherCaseId.ShouldBe(OtherCaseId);
        duplicate.OtherCaseReference.ShouldBe(OtherReference);
        duplicate.State.ShouldBe(PossibleDuplicateState.Pending);
    }

    [Fact]
    public void The_same_name_date_of_birth_and_citizenship_match_on_all_three_with_a_score_of_1()
    {
        var duplicate = PossibleDuplicateFinder.Compare(Amina, OtherCase(Amina with { Citizenships = ["GH", "NG"] })).ShouldNotBeNull();

        duplicate.MatchedOn.ShouldBe(["name", "date_of_birth", "citizenship"]);
        duplicate.Score.ShouldBe(1.0);
    }

    [Fact]
    public void The_same_name_alone_is_just_enough()
    {
        var duplicate = PossibleDuplicateFinder.Compare(
                WithoutAnyCitizenship with { DateOfBirth = null },
                OtherCase(Amina with { DateOfBirth = new DateOnly(1998, 1, 1) }))
            .ShouldNotBeNull();

        duplicate.MatchedOn.ShouldBe(["name"]);
        duplicate.Score.ShouldBe(0.6);
    }

    [Fact]
    public void A_similar_name_with_nothing_else_is_no_match()
    {
        PossibleDuplicateFinder.Compare(WithoutAnyCitizenship, OtherCase(Amina with { FamilyName = "Okafur", DateOfBirth = null }))
            .ShouldBeNull();
    }

    [Fact]
    public void A_similar_name_and_the_same_date_of_birth_match()
    {
        var duplicate = PossibleDuplicateFinder.Compare(WithoutAnyCitizenship, OtherCase(Amina with { FamilyName = "Okafur" })).ShouldNotBeNull();

        duplicate.MatchedOn.ShouldBe(["name", "date_of_birth"]);
        duplicate.Score.ShouldBe(0.625);
    }

    [Fact]
    public void A_similar_name_and_a_shared_citizenship_are_not_enough()
    {
        PossibleDuplicateFinder.Compare(Amina with { DateOfBirth = null }, OtherCase(Amina with { FamilyName = "Okafur" }))
            .ShouldBeNull();
    }

    [Fact]
    public void Names_too_unlike_are_no_match_even_with_the_same_date_of_birth_and_citizenship()
    {
        // "Amina Ade" is 0.375 alike: 0.225 + 0.25 + 0.15 would reach 0.625, but the name decides first.
        PossibleDuplicateFinder.Compare(Amina, OtherCase(Amina with { FamilyName = "Ade" })).ShouldBeNull();
    }

    [Fact]
    public void Two_unknown_dates_of_birth_are_not_the_same_date_of_birth()
    {
        var ageUnknown = Amina with { DateOfBirth = null };

        var duplicate = PossibleDuplicateFinder.Compare(ageUnknown, OtherCase(ageUnknown)).ShouldNotBeNull();

        duplicate.MatchedOn.ShouldBe(["name", "citizenship"]);
        duplicate.Score.ShouldBe(0.75);
    }

    [Fact]
    public void An_alias_matching_the_other_cases_name_counts_as_the_same_name()
    {
        var knownAsMina = WithoutAnyCitizenship with { GivenName = "Blessing", FamilyName = "Eze", Aliases = ["Mina Okafor"], DateOfBirth = null };

        var duplicate = PossibleDuplicateFinder.Compare(knownAsMina, OtherCase(Amina with { GivenName = "Mina" })).ShouldNotBeNull();

        duplicate.MatchedOn.ShouldBe(["name"]);
        duplicate.Score.ShouldBe(0.6);
    }

    [Fact]
    public void Two_unknown_citizenships_are_not_a_shared_citizenship()
    {
        var stateless = Amina with { FamilyName = "Okafoor", DateOfBirth = null, Citizenships = ["XX"] };

        PossibleDuplicateFinder.Compare(stateless, OtherCase(Amina with { DateOfBirth = null, Citizenships = ["XX"] })).ShouldBeNull();
    }
}
