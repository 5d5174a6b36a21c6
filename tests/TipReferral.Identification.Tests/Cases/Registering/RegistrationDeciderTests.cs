using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.Registering;

public sealed class RegistrationDeciderTests
{
    private static readonly IReadOnlyList<string> NameOnly = ["name"];

    private static RegisterPresumedVictim Register(PersonDetails person, params PossibleDuplicate[] duplicates) => new(
        CaseId, Reference, person, BusTerminalInLagos, SexualExploitation, DebtAndDocuments, AminasNameIndex, duplicates, RegisteredAt);

    private static bool IsPresumedChildWhenRegistered(PersonDetails person) =>
        ((PresumedVictimRegistered)Given().When(Register(person)).ShouldHaveSingleItem()).IsPresumedChild;

    [Fact]
    public void A_new_case_is_registered_as_a_presumed_victim_with_everything_the_screener_recorded()
    {
        var events = Given().When(Register(AnAdult));

        events.ShouldBe([
            new PresumedVictimRegistered(CaseId, Reference, AnAdult, BusTerminalInLagos, SexualExploitation, DebtAndDocuments,
                IsPresumedChild: false, AminasNameIndex, RegisteredAt),
        ]);
    }

    [Fact]
    public void Each_possible_duplicate_found_is_recorded_after_the_registration_in_the_order_found()
    {
        var byNameAndBirthDate = new PossibleDuplicate(OtherCaseId, OtherReference, 0.85, NameAndBirthDate, PossibleDuplicateState.Pending);
        var byNameOnly = new PossibleDuplicate(AnotherCaseId, AnotherReference, 0.6, NameOnly, PossibleDuplicateState.Pending);

        var events = Given().When(Register(AnAdult, byNameAndBirthDate, byNameOnly));

        events.ShouldBe([
            new PresumedVictimRegistered(CaseId, Reference, AnAdult, BusTerminalInLagos, SexualExploitation, DebtAndDocuments,
                IsPresumedChild: false, AminasNameIndex, RegisteredAt),
            new PossibleDuplicateDetected(CaseId, OtherCaseId, OtherReference, 0.85, NameAndBirthDate, RegisteredAt),
            new PossibleDuplicateDetected(CaseId, AnotherCaseId, AnotherReference, 0.6, NameOnly, RegisteredAt),
        ]);
    }

    [Fact]
    public void Registering_a_case_that_already_exists_breaks_case_already_registered()
    {
        Given(AdultRegistered).RuleBrokenBy(Register(AnAdult)).ShouldBe("case-already-registered");
    }

    [Fact]
    public void Registering_again_over_a_closed_case_still_breaks_case_already_registered()
    {
        Given(AdultRegistered, Closed(CaseClosureReason.Other)).RuleBrokenBy(Register(AnAdult)).ShouldBe("case-already-registered");
    }

    [Fact]
    public void A_date_of_birth_under_18_makes_a_presumed_child()
    {
        IsPresumedChildWhenRegistered(AnAdult with { DateOfBirth = new DateOnly(2012, 6, 1) }).ShouldBeTrue();
    }

    [Fact]
    public void An_18th_birthday_on_the_day_of_registration_makes_an_adult()
    {
        IsPresumedChildWhenRegistered(AnAdult with { DateOfBirth = RegistrationDay.AddYears(-18) }).ShouldBeFalse();
    }

    [Fact]
    public void The_day_before_the_18th_birthday_is_still_a_child()
    {
        IsPresumedChildWhenRegistered(AnAdult with { DateOfBirth = RegistrationDay.AddYears(-18).AddDays(1) }).ShouldBeTrue();
    }

    [Fact]
    public void A_date_of_birth_of_18_or_more_makes_an_adult()
    {
        IsPresumedChildWhenRegistered(AnAdult).ShouldBeFalse();
    }

    [Fact]
    public void An_estimated_age_of_17_makes_a_presumed_child()
    {
        IsPresumedChildWhenRegistered(AnAdult with { DateOfBirth = null, EstimatedAgeYears = 17 }).ShouldBeTrue();
    }

    [Fact]
    public void An_estimated_age_of_18_makes_an_adult()
    {
        IsPresumedChildWhenRegistered(AnAdult with { DateOfBirth = null, EstimatedAgeYears = 18 }).ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_age_makes_a_presumed_child()
    {
        IsPresumedChildWhenRegistered(AnAdult with { DateOfBirth = null, EstimatedAgeYears = null }).ShouldBeTrue();
    }

    [Fact]
    public void A_registered_case_starts_open_undecided_without_guardian_or_duplicates()
    {
        var state = Given(ChildRegistered).ShouldNotBeNull();

        state.Id.ShouldBe(CaseId);
        state.Reference.ShouldBe(Reference);
        state.Version.ShouldBe(0L);
        state.Status.ShouldBe(TraffickingStatus.PresumedVictim);
        state.IsPresumedChild.ShouldBeTrue();
        state.IsClosed.ShouldBeFalse();
        state.Person.ShouldBeSameAs(AChild);
        state.IdentifiedAt.ShouldBe(BusTerminalInLagos);
        state.Country.ShouldBe("NG");
        state.FormsOfExploitation.ShouldBe(SexualExploitation);
        state.IndicatorsObserved.ShouldBe(DebtAndDocuments);
        state.DecidingOrganisation.ShouldBeNull();
        state.Guardian.ShouldBeNull();
        state.PossibleDuplicates.ShouldBeEmpty();
        state.ClosureReason.ShouldBeNull();
        state.RegisteredAt.ShouldBe(RegisteredAt);
        state.UpdatedAt.ShouldBe(RegisteredAt);
        state.NameIndex.ShouldBe(AminasNameIndex);
    }

    [Theory]
    [InlineData(2026, 2, 28, true)]
    [InlineData(2026, 3, 1, false)]
    public void Someone_born_on_29_February_comes_of_age_on_1_March_in_a_common_year(int year, int month, int day, bool isChild)
    {
        var bornOnLeapDay = AnAdult with { DateOfBirth = new DateOnly(2008, 2, 29) };

        bornOnLeapDay.IsPresumedChildOn(new DateOnly(year, month, day)).ShouldBe(isChild);
    }
}
