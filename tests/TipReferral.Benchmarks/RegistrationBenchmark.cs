using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TipReferral.Identification.Tests;
using TipReferral.PersonalData;

namespace TipReferral.Benchmarks;

/// <summary>
/// Registration, once as in production and once with the personal-data cipher replaced by a
/// copy, which shows what AES-256-GCM itself costs (the per-case key document and key lookups stay).
/// </summary>
public static class RegistrationBenchmark
{
    private const int Warmup = 20;
    private const int Sequential = 200;
    private const int Concurrent = 200;
    private const int Parallelism = 8;

    public static async Task RunAsync()
    {
        var encrypted = await MeasureAsync("AES-256-GCM", configure: null);
        var plain = await MeasureAsync("pass-through cipher", services => services.Replace(ServiceDescriptor.Singleton<IPersonalDataCipher, PassThroughCipher>()));
        Console.WriteLine($"encryption overhead on registration: p50 ×{encrypted.P50 / plain.P50:F2}, throughput ×{plain.PerSecond / encrypted.PerSecond:F2} (AES-256-GCM against the pass-through cipher)");
    }

    private static async Task<(double P50, double PerSecond)> MeasureAsync(string variant, Action<IServiceCollection>? configure)
    {
        await using var service = new IdentificationService();
        if (configure is not null)
        {
            service.WithServices(configure);
        }

        await service.InitializeAsync();
        var client = service.ClientFor(IdentificationService.ScreenerInNigeria);

        for (var i = 0; i < Warmup; i++)
        {
            await client.RegisterPresumedVictimAsync(IdentificationService.ARegistration(RandomName(), RandomName()));
        }

        var latencies = new List<double>(Sequential);
        for (var i = 0; i < Sequential; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await client.RegisterPresumedVictimAsync(IdentificationService.ARegistration(RandomName(), RandomName()));
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var p50 = Latencies.Print($"[{variant}] register, sequential", latencies);

        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Concurrent), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, token) =>
            await client.RegisterPresumedVictimAsync(IdentificationService.ARegistration(RandomName(), RandomName(), "NG"), cancellationToken: token));
        wall.Stop();
        Console.WriteLine($"[{variant}] register, {Parallelism} in parallel ({Concurrent} calls): {Concurrent / wall.Elapsed.TotalSeconds:F0} registrations/s");
        return (p50, Concurrent / wall.Elapsed.TotalSeconds);
    }

    // Distinct names, as real registrations have: identical ones would all be each other's
    // duplicate candidates and measure the duplicate check's worst case instead.
    private static string RandomName() => string.Concat(Enumerable.Range(0, 7).Select(i => (char)(i == 0 ? Random.Shared.Next('A', 'Z' + 1) : Random.Shared.Next('a', 'z' + 1))));
}
