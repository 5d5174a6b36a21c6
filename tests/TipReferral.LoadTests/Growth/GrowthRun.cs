using System.Diagnostics;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.LoadTests.Hosting;
using TipReferral.LoadTests.Measuring;
using TipReferral.LoadTests.Workflows;
using TipReferral.Testing;

namespace TipReferral.LoadTests.Growth;

/// <summary>One size of the growth measurement and what a call cost there (p50, ms).</summary>
public sealed record GrowthPoint(string What, int Size, IReadOnlyDictionary<string, Percentiles> Costs);

/// <summary>
/// How the cost of a call grows with what it works on: one case's history (events on its
/// streams), and the number of cases in the country (the duplicate check and the name search).
/// </summary>
public static class GrowthRun
{
    private const int Samples = 15;
    private const int Registrars = 8;

    /// <summary>The number of the first person growth registers: the name search looks for her.</summary>
    private const int SearchedFor = 1_000_001;

    private static readonly DemoUser Supervisor = DemoUsers.For(Roles.Supervisor, "IT");

    /// <summary>Adds services delivered to <paramref name="caseId"/> (an admitted case) up to each size of its shelter stream, measuring there.</summary>
    public static async Task<IReadOnlyList<GrowthPoint>> CaseHistoryAsync(SystemUnderLoad system, string caseId, IReadOnlyList<int> sizes)
    {
        var staff = system.Client<ShelterCases.ShelterCasesClient>(system.Shelter, ReferralWorkflow.ShelterStaff);
        var supervisorShelter = system.Client<ShelterCases.ShelterCasesClient>(system.Shelter, Supervisor);
        var whole = system.Client<WholeCaseHistories.WholeCaseHistoriesClient>(system.Identification, Supervisor);
        var points = new List<GrowthPoint>();
        var events = (await supervisorShelter.GetCaseHistoryAsync(new GetShelterCaseHistoryRequest { CaseId = caseId })).Entries.Count;
        foreach (var size in sizes)
        {
            for (; events < size; events++)
            {
                await staff.RecordServiceDeliveredAsync(Delivered(caseId));
            }

            var recorder = new Recorder();
            for (var i = 0; i < Samples; i++)
            {
                await recorder.CallAsync("shelter.RecordServiceDelivered", () => staff.RecordServiceDeliveredAsync(Delivered(caseId)));
                await recorder.CallAsync("shelter.GetCaseHistory", () => supervisorShelter.GetCaseHistoryAsync(new GetShelterCaseHistoryRequest { CaseId = caseId }));
                await recorder.CallAsync("identification.GetWholeCaseHistory", () => whole.GetWholeCaseHistoryAsync(new GetWholeCaseHistoryRequest { CaseId = caseId }));
            }

            events += Samples;
            points.Add(new GrowthPoint("events on the case's shelter stream", size, recorder.Calls));
        }

        return points;
    }

    /// <summary>Registers cases in Italy up to each count, measuring a registration (with its duplicate check) and a name search there.</summary>
    public static async Task<IReadOnlyList<GrowthPoint>> CasesInCountryAsync(SystemUnderLoad system, int alreadyRegistered, IReadOnlyList<int> counts)
    {
        var screener = system.Client<VictimCases.VictimCasesClient>(system.Identification, ReferralWorkflow.Screener);
        var points = new List<GrowthPoint>();
        var registered = alreadyRegistered;
        var number = SearchedFor - 1;
        foreach (var count in counts)
        {
            var missing = Math.Max(0, count - registered);
            var clock = Stopwatch.StartNew();
            await Parallel.ForAsync(0, missing, new ParallelOptions { MaxDegreeOfParallelism = Registrars }, async (_, _) =>
                await screener.RegisterPresumedVictimAsync(ReferralWorkflow.Registration(Interlocked.Increment(ref number))));
            registered += missing;
            Console.WriteLine($"  {count} cases in the country ({missing} registered in {clock.Elapsed.TotalSeconds:F0} s)");

            var recorder = new Recorder();
            for (var i = 0; i < Samples; i++)
            {
                await recorder.CallAsync("identification.RegisterPresumedVictim", () => screener.RegisterPresumedVictimAsync(ReferralWorkflow.Registration(Interlocked.Increment(ref number))));
                await recorder.CallAsync("identification.SearchCases", () => screener.SearchCasesAsync(new SearchCasesRequest
                {
                    Name = $"{PersonNames.Given(SearchedFor)} {PersonNames.Family(SearchedFor)}",
                    Country = "IT",
                    Page = new Contracts.Common.V1.PageRequest { Page = 1, PageSize = 20 },
                }));
            }

            registered += Samples;
            points.Add(new GrowthPoint("cases in the country", count, recorder.Calls));
            Console.WriteLine($"    p50: {string.Join(", ", recorder.Calls.Select(call => $"{call.Key} {call.Value.P50:F1} ms"))}");
        }

        return points;
    }

    private static RecordServiceDeliveredRequest Delivered(string caseId) => new()
    {
        CaseId = caseId,
        Kind = ServiceKind.Psychosocial,
        DeliveredOn = Repatriation.Tests.ReturnCases.ReferralSteps.DateOf(DateOnly.FromDateTime(DateTime.UtcNow)),
        Provider = "Psychologist of the shelter",
        Notes = "Weekly session.",
    };
}
