using System.Diagnostics;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Shelter.Tests;

namespace TipReferral.Benchmarks;

/// <summary>
/// Admission: sequential latency, then admissions in parallel into one shelter (they queue on
/// its row lock, which is what keeps capacity exact) and spread over eight shelters.
/// </summary>
public static class AdmissionBenchmark
{
    private const int Warmup = 20;
    private const int Sequential = 200;
    private const int Concurrent = 200;
    private const int Parallelism = 8;

    public static async Task RunAsync()
    {
        await using var service = new ShelterService();
        await service.InitializeAsync();
        var client = service.CasesFor(ShelterService.StaffInNigeria);
        var cases = new Queue<string>(await CasesAsync(service, Warmup + Sequential + (2 * Concurrent)));

        var big = await service.RegisterShelterAsync(capacity: 10_000);
        for (var i = 0; i < Warmup; i++)
        {
            await AdmitAsync(client, cases.Dequeue(), big);
        }

        var latencies = new List<double>(Sequential);
        for (var i = 0; i < Sequential; i++)
        {
            var caseId = cases.Dequeue();
            var started = Stopwatch.GetTimestamp();
            await AdmitAsync(client, caseId, big);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Latencies.Print("[shelter] admit, sequential", latencies);

        var oneShelter = await service.RegisterShelterAsync(capacity: 10_000);
        await InParallelAsync("into one shelter", [.. Enumerable.Range(0, Concurrent).Select(_ => (cases.Dequeue(), oneShelter))], client);

        var eight = await Task.WhenAll(Enumerable.Range(0, Parallelism).Select(_ => service.RegisterShelterAsync(capacity: 10_000)));
        await InParallelAsync("over eight shelters", [.. Enumerable.Range(0, Concurrent).Select(i => (cases.Dequeue(), eight[i % eight.Length]))], client);
    }

    private static async Task InParallelAsync(string label, (string CaseId, string ShelterId)[] admissions, ShelterCases.ShelterCasesClient client)
    {
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(admissions, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (admission, token) =>
            await AdmitAsync(client, admission.CaseId, admission.ShelterId));
        wall.Stop();
        Console.WriteLine($"[shelter] admit, {Parallelism} in parallel {label} ({admissions.Length} calls): {admissions.Length / wall.Elapsed.TotalSeconds:F0} admissions/s");
    }

    private static async Task<string[]> CasesAsync(ShelterService service, int count)
    {
        var cases = new List<string>(count);
        foreach (var batch in Enumerable.Range(0, count).Chunk(50))
        {
            cases.AddRange(await Task.WhenAll(batch.Select(_ => service.ACaseAwaitingPlacementAsync())));
        }

        return [.. cases];
    }

    private static Task AdmitAsync(ShelterCases.ShelterCasesClient client, string caseId, string shelterId) =>
        client.AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = caseId, ShelterId = shelterId, Group = ResidentGroup.Women }).ResponseAsync;
}
