using TipReferral.Shelter.ShelterCases;
using TipReferral.Shelter.Shelters;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;
using Period = TipReferral.Shelter.ShelterCases.ReflectionPeriod;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.ShelterCases.ReflectionPeriod;

/// <summary>Council of Europe Convention, Art. 13: at least 30 days, started once, ended early only by the person, otherwise run to its end.</summary>
public sealed class ReflectionPeriodDeciderTests
{
    private const string ExtensionReason = "Still recovering; not ready to decide about cooperation";
    private const string Statement = "I want to go home to my mother now.";

    /// <summary>The end of the period <see cref="ReflectionStartedOnIdentification"/> starts: 30 days after identification.</summary>
    private static readonly DateTimeOffset EndsAt = IdentifiedAt.AddDays(ReflectionPolicy.MinimumDays);

    private static readonly DateTimeOffset DuringThePeriod = DaysLater(12);

    private static ShelterCase? Running => Given(AdultAwaiting, Identified, ReflectionStartedOnIdentification);

    private static ShelterCase? Expired => Given(AdultAwaiting, Identified, ReflectionStartedOnIdentification, new ReflectionPeriodExpired(CaseId, EndsAt));

    private static ShelterCase? EndedAtRequest =>
        Given(AdultAwaiting, Identified, ReflectionStartedOnIdentification, new ReflectionPeriodEndedAtPersonsRequest(CaseId, DateOnly.FromDateTime(DuringThePeriod.UtcDateTime), Statement, DuringThePeriod));

    /// <summary>A period in each state but running, by name, for theories.</summary>
    private static ShelterCase? NotRunning(string state) => state switch
    {
        nameof(ReflectionPeriodState.NotStarted) => Given(AdultAwaiting, Identified),
        nameof(ReflectionPeriodState.Expired) => Expired,
        nameof(ReflectionPeriodState.EndedAtPersonsRequest) => EndedAtRequest,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    private static ExtendReflectionPeriod Extend(int days, DateTimeOffset? at = null) => new(CaseId, days, ExtensionReason, at ?? DuringThePeriod);

    private static EndReflectionPeriodEarly EndEarly(bool requestedByPerson = true) =>
        new(CaseId, requestedByPerson, DateOnly.FromDateTime(DuringThePeriod.UtcDateTime), Statement, DuringThePeriod);

    private static ExpireReflectionPeriod ExpireAt(DateTimeOffset now) => new(CaseId, now);

    // --- Starting -----------------------------------------------------------------------------

    [Fact]
    public void Formal_identification_starts_the_period_when_the_policy_starts_it_on_identification()
    {
        var events = Given(AdultAwaiting).When(Await(formallyIdentified: true, StartsOnIdentification));

        events.ShouldBe([
            new VictimFormallyIdentified(CaseId, IdentifiedAt),
            new ReflectionPeriodStarted(CaseId, 30, ReflectionPeriodStart.Identification, IdentifiedAt, EndsAt),
        ]);
    }

    [Fact]
    public void A_case_first_seen_already_identified_starts_its_period_when_the_policy_starts_it_on_identification()
    {
        var events = Given().When(Await(formallyIdentified: true, StartsOnIdentification));

        events.ShouldBe([
            new VictimAwaitingPlacement(CaseId, Reference, Country, IsPresumedChild: false, FormallyIdentified: true, IdentifiedAt),
            new ReflectionPeriodStarted(CaseId, 30, ReflectionPeriodStart.Identification, IdentifiedAt, EndsAt),
        ]);
    }

    [Fact]
    public void Formal_identification_does_not_start_the_period_when_the_policy_starts_it_on_admission()
    {
        Given(AdultAwaiting).When(Await(formallyIdentified: true, StartsOnAdmission)).ShouldBe([new VictimFormallyIdentified(CaseId, IdentifiedAt)]);
    }

    [Fact]
    public void Admission_starts_the_period_for_the_policys_days_when_the_policy_starts_it_on_admission()
    {
        var shelter = WomensShelter();

        var events = Given(AdultAwaiting, Identified).When(Admit(shelter, policy: StartsOnAdmission), shelter);

        events.ShouldBe([
            new VictimAdmittedToShelter(CaseId, WomensShelterId, "Hope House", ResidentGroup.Women, NeedsWheelchairAccess: false, null, AdmittedAt),
            new ShelterBedTaken(WomensShelterId, CaseId, AdmittedAt),
            new ReflectionPeriodStarted(CaseId, 45, ReflectionPeriodStart.Admission, AdmittedAt, AdmittedAt.AddDays(45)),
        ]);
    }

    [Fact]
    public void Admission_does_not_start_the_period_when_the_policy_starts_it_on_identification()
    {
        var shelter = WomensShelter();

        Given(AdultAwaiting).When(Admit(shelter, policy: StartsOnIdentification), shelter).OfType<ReflectionPeriodStarted>().ShouldBeEmpty();
    }

    [Fact]
    public void A_started_period_runs_from_its_start_to_its_end()
    {
        var state = Running.ShouldNotBeNull();

        state.ReflectionPeriod.ShouldBe(new Period(ReflectionPeriodState.Running, IdentifiedAt, EndsAt, null));
        state.ReflectionPeriod.IsRunning.ShouldBeTrue();
    }

    [Theory]
    [InlineData(nameof(ReflectionPeriodState.Running))]
    [InlineData(nameof(ReflectionPeriodState.Expired))]
    [InlineData(nameof(ReflectionPeriodState.EndedAtPersonsRequest))]
    public void Admission_never_starts_a_second_period_whatever_became_of_the_first(string state)
    {
        var shelter = WomensShelter();
        var given = state == nameof(ReflectionPeriodState.Running) ? Running : NotRunning(state);

        given.When(Admit(shelter, policy: StartsOnAdmission), shelter).OfType<ReflectionPeriodStarted>().ShouldBeEmpty();
    }

    [Fact]
    public void Readmission_after_a_discharge_does_not_start_the_period_again()
    {
        var earlier = WomensShelter();
        var shelter = MixedShelter();

        Given(AdultAwaiting, Admitted(earlier), ReflectionStarted(StartsOnAdmission, AdmittedAt), Discharged(earlier))
            .When(Admit(shelter, policy: StartsOnAdmission), shelter)
            .OfType<ReflectionPeriodStarted>()
            .ShouldBeEmpty();
    }

    [Fact]
    public void Identification_does_not_start_a_period_that_admission_already_started()
    {
        Given(AdultAwaiting, Admitted(WomensShelter()), ReflectionStarted(StartsOnAdmission, AdmittedAt))
            .When(Await(formallyIdentified: true, StartsOnIdentification))
            .ShouldBe([new VictimFormallyIdentified(CaseId, IdentifiedAt)]);
    }

    [Theory]
    [InlineData(29)]
    [InlineData(0)]
    public void A_policy_of_fewer_than_30_days_breaks_reflection_period_minimum_on_admission(int days)
    {
        var shelter = WomensShelter();

        Given(AdultAwaiting).RuleBrokenBy(Admit(shelter, policy: new ReflectionPolicy(days, ReflectionPeriodStart.Admission)), shelter)
            .ShouldBe("reflection-period-minimum");
    }

    [Fact]
    public void A_policy_of_fewer_than_30_days_breaks_reflection_period_minimum_on_identification()
    {
        Given(AdultAwaiting).RuleBrokenBy(Await(formallyIdentified: true, new ReflectionPolicy(29, ReflectionPeriodStart.Identification)))
            .ShouldBe("reflection-period-minimum");
    }

    [Fact]
    public void A_policy_of_exactly_30_days_starts_a_30_day_period()
    {
        var shelter = WomensShelter();

        var started = Given(AdultAwaiting).When(Admit(shelter, policy: new ReflectionPolicy(30, ReflectionPeriodStart.Admission)), shelter)
            .OfType<ReflectionPeriodStarted>().ShouldHaveSingleItem();

        started.EndsAt.ShouldBe(AdmittedAt.AddDays(30));
    }

    // --- Extending ----------------------------------------------------------------------------

    [Fact]
    public void Extending_a_running_period_moves_its_end_by_the_days_added()
    {
        var events = Running.When(Extend(14));

        events.ShouldBe([new ReflectionPeriodExtended(CaseId, 14, EndsAt.AddDays(14), ExtensionReason, DuringThePeriod)]);
        Running.Then(events).ReflectionPeriod.EndsAt.ShouldBe(EndsAt.AddDays(14));
    }

    [Fact]
    public void A_second_extension_adds_to_the_end_the_first_one_set()
    {
        var extended = Running.Then(Running.When(Extend(14)));

        extended.When(Extend(10)).OfType<ReflectionPeriodExtended>().ShouldHaveSingleItem().EndsAt.ShouldBe(EndsAt.AddDays(24));
    }

    [Theory]
    [InlineData(nameof(ReflectionPeriodState.NotStarted))]
    [InlineData(nameof(ReflectionPeriodState.Expired))]
    [InlineData(nameof(ReflectionPeriodState.EndedAtPersonsRequest))]
    public void Extending_a_period_that_is_not_running_breaks_reflection_period_not_running(string state)
    {
        NotRunning(state).RuleBrokenBy(Extend(14)).ShouldBe("reflection-period-not-running");
    }

    // --- Ending early -------------------------------------------------------------------------

    [Fact]
    public void Ending_a_running_period_early_without_the_persons_request_breaks_ends_early_only_at_persons_request()
    {
        Running.RuleBrokenBy(EndEarly(requestedByPerson: false)).ShouldBe("reflection-period-ends-early-only-at-persons-request");
    }

    [Fact]
    public void Ending_a_running_period_at_the_persons_request_ends_it_with_the_request_recorded()
    {
        var events = Running.When(EndEarly());

        events.ShouldBe([new ReflectionPeriodEndedAtPersonsRequest(CaseId, new DateOnly(2026, 3, 22), Statement, DuringThePeriod)]);
        Running.Then(events).ReflectionPeriod.ShouldBe(
            new Period(ReflectionPeriodState.EndedAtPersonsRequest, IdentifiedAt, EndsAt, DuringThePeriod));
    }

    [Fact]
    public void Repeating_the_persons_request_to_end_the_period_records_nothing()
    {
        EndedAtRequest.When(EndEarly()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(nameof(ReflectionPeriodState.NotStarted))]
    [InlineData(nameof(ReflectionPeriodState.Expired))]
    public void Ending_early_a_period_that_is_not_running_breaks_reflection_period_not_running(string state)
    {
        NotRunning(state).RuleBrokenBy(EndEarly()).ShouldBe("reflection-period-not-running");
    }

    // --- Expiring -----------------------------------------------------------------------------

    [Fact]
    public void The_timer_firing_before_the_end_records_nothing()
    {
        Running.When(ExpireAt(EndsAt.AddTicks(-1))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(72)]
    public void The_timer_firing_at_or_after_the_end_expires_the_period_as_of_its_end(int hoursLate)
    {
        var events = Running.When(ExpireAt(EndsAt.AddHours(hoursLate)));

        events.ShouldBe([new ReflectionPeriodExpired(CaseId, EndsAt)]);
        Running.Then(events).ReflectionPeriod.ShouldBe(
            new Period(ReflectionPeriodState.Expired, IdentifiedAt, EndsAt, EndsAt));
    }

    [Fact]
    public void After_an_extension_the_period_expires_only_at_its_new_end()
    {
        var extended = Running.Then(Running.When(Extend(14)));
        var newEnd = EndsAt.AddDays(14);

        extended.When(ExpireAt(EndsAt)).ShouldBeEmpty();
        extended.When(ExpireAt(newEnd.AddTicks(-1))).ShouldBeEmpty();
        extended.When(ExpireAt(newEnd)).ShouldBe([new ReflectionPeriodExpired(CaseId, newEnd)]);
    }

    [Theory]
    [InlineData(nameof(ReflectionPeriodState.NotStarted))]
    [InlineData(nameof(ReflectionPeriodState.Expired))]
    [InlineData(nameof(ReflectionPeriodState.EndedAtPersonsRequest))]
    public void The_timer_firing_for_a_period_that_is_not_running_records_nothing(string state)
    {
        NotRunning(state).When(ExpireAt(EndsAt.AddDays(1))).ShouldBeEmpty();
    }

    [Fact]
    public void A_period_past_its_end_is_not_extended_even_before_its_timer_recorded_the_expiry()
    {
        Running.RuleBrokenBy(Extend(14, at: EndsAt.AddMinutes(1))).ShouldBe(ReflectionPeriods.NotRunningRule);
    }

    [Fact]
    public void A_period_past_its_end_is_not_ended_at_the_persons_request_it_has_expired()
    {
        var afterTheEnd = new EndReflectionPeriodEarly(CaseId, RequestedByPerson: true, DateOnly.FromDateTime(EndsAt.UtcDateTime), Statement, EndsAt.AddHours(2));

        Running.RuleBrokenBy(afterTheEnd).ShouldBe(ReflectionPeriods.NotRunningRule);
    }
}
