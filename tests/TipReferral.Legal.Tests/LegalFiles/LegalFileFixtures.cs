using TipReferral.Domain;
using TipReferral.Legal.LegalFiles;

namespace TipReferral.Legal.Tests.LegalFiles;

/// <summary>Legal files in given states, built through the deciders' own Evolve, for pure decider tests.</summary>
public static class LegalFileFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static readonly Guid CaseId = Guid.Parse("0195f000-0000-7000-8000-000000000001");

    public static readonly Guid LegalCaseId = Guid.Parse("0195f000-0000-7000-8000-0000000000a1");

    public static readonly Jurisdiction Torino = new("IT", AuthorityKind.ProsecutorsOffice, "Procura di Torino");

    public static readonly Caller ProsecutorOfTorino = new("prosecutor.it", Roles.Prosecutor, "Procura di Torino", "IT");

    public static LegalFile Given(params object[] events) =>
        events.Aggregate((LegalFile?)null, LegalFileDecider.Evolve) ?? throw new InvalidOperationException("No file was opened.");

    public static LegalFileOpened Opened(string country = "IT", bool child = false) => new(CaseId, "IT-T-0001", country, child, Now.AddDays(-60));

    public static LegalCaseOpened LegalCaseOpened(Guid? legalCaseId = null, Jurisdiction? jurisdiction = null) =>
        new(CaseId, legalCaseId ?? LegalCaseId, jurisdiction ?? Torino, "RG 1234/2026", [Offence.TraffickingInPersons], LegalCaseStage.Investigation,
            [VictimRole.Witness], "Procura di Torino", Now.AddDays(-30));

    /// <summary>An identified victim with one proceeding of the Torino prosecutors, reflection period over.</summary>
    public static LegalFile WithLegalCase() => Given(
        Opened(),
        new ReflectionPeriodStarted(CaseId, Now.AddDays(-60), Now.AddDays(-30)),
        new ReflectionPeriodEnded(CaseId, "EXPIRED", Now.AddDays(-30)),
        LegalCaseOpened());

    public static LegalFile DuringReflectionPeriod() => Given(
        Opened(),
        new ReflectionPeriodStarted(CaseId, Now.AddDays(-10), Now.AddDays(20)),
        LegalCaseOpened());

    public static IReadOnlyList<object> Decide(LegalFileCommand command, LegalFile? state) => LegalFileDecider.Decide(command, state);

    /// <summary>The name of the rule <paramref name="command"/> breaks in <paramref name="state"/>; fails if it breaks none.</summary>
    public static string RuleBrokenBy(this LegalFile state, LegalFileCommand command) =>
        Should.Throw<RuleViolationException>(() => LegalFileDecider.Decide(command, state)).Rule;

    /// <summary>The file after <paramref name="command"/>'s events.</summary>
    public static LegalFile After(this LegalFile state, LegalFileCommand command) =>
        Decide(command, state).Aggregate(state, (file, e) => LegalFileDecider.Evolve(file, e)!);
}
