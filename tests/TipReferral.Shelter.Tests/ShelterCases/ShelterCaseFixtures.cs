using TipReferral.Domain;
using TipReferral.Shelter.ShelterCases;
using TipReferral.Shelter.Shelters;

namespace TipReferral.Shelter.Tests.ShelterCases;

/// <summary>
/// Given(events) / When(command, shelters) / Then(events or rule) for the shelter case's
/// deciders: one case in Nigeria, a fixed clock, and the state folded through
/// <see cref="ShelterCaseDecider.Evolve"/> as the event store folds it. The shelters a command
/// touches are passed in as they stand (see <see cref="Shelters.ShelterFixtures"/>); a test that
/// puts the case in a shelter puts it in one of that shelter's beds too.
/// </summary>
internal static class ShelterCaseFixtures
{
    public const string Reference = "NG-2026-000042";
    public const string Country = "NG";
    public const string ReferralReason = "Needs a safe place away from the recruiter";
    public const string TransferReason = "Closer to her court hearings";
    public const string DischargeNote = "Moved in with her sister";

    public static readonly Guid CaseId = Guid.Parse("019571a2-3c4d-7e5f-8a6b-000000000001");

    /// <summary>When the identification service registered the case: 10 March 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset RegisteredAt = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset IdentifiedAt = DaysLater(1);
    public static readonly DateTimeOffset ReferredAt = DaysLater(2);
    public static readonly DateTimeOffset AdmittedAt = DaysLater(3);

    public static readonly Caller ShelterStaff = new("ng-shelter-staff-1", "shelter_staff", "NAPTIP Lagos", "NG");

    public static readonly EmergencyException TraffickerNearby = new("The trafficker was seen near the bus stop where she slept");

    /// <summary>The minimum, from formal identification.</summary>
    public static readonly ReflectionPolicy StartsOnIdentification = new(ReflectionPolicy.MinimumDays, ReflectionPeriodStart.Identification);

    /// <summary>Longer than the minimum, from admission: a period that starts on identification could not be mistaken for it.</summary>
    public static readonly ReflectionPolicy StartsOnAdmission = new(45, ReflectionPeriodStart.Admission);

    public static DateTimeOffset DaysLater(int days) => RegisteredAt.AddDays(days);

    // --- Events of the case's stream ---------------------------------------------------------

    public static VictimAwaitingPlacement AdultAwaiting => new(CaseId, Reference, Country, IsPresumedChild: false, FormallyIdentified: false, RegisteredAt);

    public static VictimAwaitingPlacement ChildAwaiting => AdultAwaiting with { IsPresumedChild = true };

    public static VictimFormallyIdentified Identified => new(CaseId, IdentifiedAt);

    public static GuardianAppointed GuardianNoted => new(CaseId, DaysLater(1));

    public static VictimCaseClosedInIdentification ClosedInIdentification => new(CaseId, "ASSISTANCE_COMPLETED", DaysLater(2));

    public static ShelterReferralMade Referred(RegisteredShelter shelter) => new(CaseId, shelter.Id, shelter.Name, ReferralReason, ReferredAt);

    public static VictimAdmittedToShelter Admitted(
        RegisteredShelter shelter, ResidentGroup group = ResidentGroup.Women, EmergencyException? exception = null, bool needsWheelchairAccess = false) =>
        new(CaseId, shelter.Id, shelter.Name, group, needsWheelchairAccess, exception, AdmittedAt);

    public static VictimTransferredToShelter Transferred(RegisteredShelter from, RegisteredShelter to) =>
        new(CaseId, from.Id, to.Id, to.Name, TransferReason, null, DaysLater(10));

    public static VictimDischargedFromShelter Discharged(RegisteredShelter shelter, DischargeReason reason = DischargeReason.ReturnedHome) =>
        new(CaseId, shelter.Id, reason, DischargeNote, DaysLater(20));

    public static ReflectionPeriodStarted ReflectionStarted(ReflectionPolicy policy, DateTimeOffset at) =>
        new(CaseId, policy.Days, policy.StartsAt, at, at.AddDays(policy.Days));

    /// <summary>Started on identification, running for 30 days from <see cref="IdentifiedAt"/>.</summary>
    public static ReflectionPeriodStarted ReflectionStartedOnIdentification => ReflectionStarted(StartsOnIdentification, IdentifiedAt);

    // --- Commands ---------------------------------------------------------------------------

    public static AwaitPlacement Await(bool formallyIdentified, ReflectionPolicy policy, bool isPresumedChild = false, DateTimeOffset? at = null) =>
        new(CaseId, Reference, Country, isPresumedChild, formallyIdentified, policy, at ?? (formallyIdentified ? IdentifiedAt : RegisteredAt));

    public static AdmitToShelter Admit(
        RegisteredShelter shelter,
        ResidentGroup group = ResidentGroup.Women,
        EmergencyException? exception = null,
        bool needsWheelchairAccess = false,
        ReflectionPolicy? policy = null) =>
        new(CaseId, shelter.Id, group, needsWheelchairAccess, exception, policy ?? StartsOnIdentification, AdmittedAt);

    public static TransferToShelter TransferTo(RegisteredShelter shelter, EmergencyException? exception = null) =>
        new(CaseId, shelter.Id, TransferReason, exception, DaysLater(10));

    public static DischargeFromShelter Discharge(DischargeReason reason = DischargeReason.ReturnedHome) =>
        new(CaseId, reason, DischargeNote, DaysLater(20));

    public static ReferToShelter ReferTo(RegisteredShelter shelter) => new(CaseId, shelter.Id, ReferralReason, ReferredAt);

    // --- Given / When / Then ----------------------------------------------------------------

    /// <summary>The state the events leave behind, as the event store would fold it.</summary>
    public static ShelterCase? Given(params object[] events) => events.Aggregate((ShelterCase?)null, ShelterCaseDecider.Evolve);

    /// <summary>The events the command produces on this state, with these shelters loaded.</summary>
    public static IReadOnlyList<object> When(this ShelterCase? state, ShelterCaseCommand command, params RegisteredShelter[] shelters) =>
        ShelterCaseDecider.Decide(command, state, shelters.ToDictionary(shelter => shelter.Id));

    /// <summary>The refusal the command meets; fails the test if it breaks no rule.</summary>
    public static RuleViolationException RefusalOf(this ShelterCase? state, ShelterCaseCommand command, params RegisteredShelter[] shelters) =>
        Should.Throw<RuleViolationException>(() => state.When(command, shelters));

    /// <summary>The name of the rule the command breaks; fails the test if it breaks none.</summary>
    public static string RuleBrokenBy(this ShelterCase? state, ShelterCaseCommand command, params RegisteredShelter[] shelters) =>
        state.RefusalOf(command, shelters).Rule;

    /// <summary>The state after the events a decision produced (or any others of the case's stream).</summary>
    public static ShelterCase Then(this ShelterCase? state, IEnumerable<object> events) =>
        events.Aggregate(state, ShelterCaseDecider.Evolve).ShouldNotBeNull();
}
