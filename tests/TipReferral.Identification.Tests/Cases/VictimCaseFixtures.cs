using TipReferral.Domain;
using TipReferral.Identification.Cases;

namespace TipReferral.Identification.Tests.Cases;

/// <summary>
/// Given(events) / When(command) / Then(events or rule) for the victim case's deciders: one
/// case, fixed people and a fixed clock, so every expected event can be written out in full.
/// Events are records: they compare equal when built from the same lists, so the lists are
/// shared fields here.
/// </summary>
internal static class VictimCaseFixtures
{
    public const string Reference = "NG-2026-000042";
    public const string OtherReference = "GH-2025-000007";
    public const string AnotherReference = "NE-2026-000311";

    public static readonly Guid CaseId = Guid.Parse("019571a2-3c4d-7e5f-8a6b-000000000001");
    public static readonly Guid OtherCaseId = Guid.Parse("019571a2-3c4d-7e5f-8a6b-000000000002");
    public static readonly Guid AnotherCaseId = Guid.Parse("019571a2-3c4d-7e5f-8a6b-000000000003");

    /// <summary>When the case was registered: 10 March 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset RegisteredAt = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly RegistrationDay = new(2026, 3, 10);

    public static readonly IdentificationPlace BusTerminalInLagos = new("Ojota bus terminal", "NG", "NAPTIP Lagos");
    public static readonly IReadOnlyList<ExploitationType> SexualExploitation = [ExploitationType.Sexual];
    public static readonly IReadOnlyList<ControlIndicator> DebtAndDocuments = [ControlIndicator.DebtBondage, ControlIndicator.WithholdsDocuments];
    public static readonly IReadOnlyList<int> AminasNameIndex = [-1_734_221, 48_112, 903_377_410];
    public static readonly IReadOnlyList<int> CorrectedNameIndex = [-55_000_001, 7, 1_200_300];
    public static readonly IReadOnlyList<string> NameAndBirthDate = ["name", "date_of_birth"];

    public static readonly Organisation Naptip = new("NAPTIP Abuja", OrganisationKind.GovernmentAgency);
    public static readonly Guardian SocialWorker = new("Ngozi Adeyemi", "Lagos State Social Welfare", "+234 800 000 0000");
    public static readonly Guardian OtherSocialWorker = new("Chinedu Obi", "Lagos State Social Welfare", null);

    /// <summary>26 at registration.</summary>
    public static readonly PersonDetails AnAdult = new(
        "Amina", "Okafor", ["Mina"], Gender.Female, new DateOnly(1999, 4, 12), null, ["NG"], ["en", "ha"]);

    /// <summary>13 at registration.</summary>
    public static readonly PersonDetails AChild = AnAdult with { DateOfBirth = new DateOnly(2012, 6, 1) };

    public static DateTimeOffset DaysLater(int days) => RegisteredAt.AddDays(days);

    public static PresumedVictimRegistered Registered(PersonDetails person, bool isPresumedChild) => new(
        CaseId, Reference, person, BusTerminalInLagos, SexualExploitation, DebtAndDocuments, isPresumedChild, AminasNameIndex, RegisteredAt);

    public static PresumedVictimRegistered AdultRegistered => Registered(AnAdult, isPresumedChild: false);

    public static PresumedVictimRegistered ChildRegistered => Registered(AChild, isPresumedChild: true);

    public static PossibleDuplicateDetected DuplicateDetected(Guid otherCaseId, string otherReference) =>
        new(CaseId, otherCaseId, otherReference, 0.85, NameAndBirthDate, RegisteredAt);

    public static FormalIdentificationDecided Decided(IdentificationOutcome outcome) =>
        new(CaseId, outcome, Naptip, "Interview confirmed the indicators", DaysLater(2));

    public static VictimCaseClosed Closed(CaseClosureReason reason) =>
        new(CaseId, reason, "Reintegrated with her family", DaysLater(30));

    public static GuardianAppointed Appointed(Guardian guardian) =>
        new(CaseId, guardian, "", DaysLater(1));

    /// <summary>The state the events leave behind, as the event store would fold it.</summary>
    public static VictimCase? Given(params object[] events) => VictimCaseDecider.Fold(events);

    /// <summary>A registered case of someone else, as a duplicate search would find it.</summary>
    public static VictimCase OtherCase(PersonDetails person) =>
        VictimCaseDecider.Fold([Registered(person, isPresumedChild: false) with { CaseId = OtherCaseId, Reference = OtherReference }])!;

    public static IReadOnlyList<object> When(this VictimCase? state, VictimCaseCommand command) =>
        VictimCaseDecider.Decide(command, state);

    /// <summary>The name of the rule the command breaks; fails the test if it breaks none.</summary>
    public static string RuleBrokenBy(this VictimCase? state, VictimCaseCommand command) =>
        Should.Throw<RuleViolationException>(() => VictimCaseDecider.Decide(command, state)).Rule;
}
