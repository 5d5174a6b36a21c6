using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TipReferral.Benchmarks;
using TipReferral.Identification.Tests;
using TipReferral.PersonalData;

// Registration latency through the real gRPC API, real Kestrel, PostgreSQL and RabbitMQ
// (start them with deploy/infra/start.sh; TIPREFERRAL_POSTGRES / TIPREFERRAL_RABBITMQ override),
// once as in production and once with the personal-data cipher replaced by a copy, which
// shows what AES-256-GCM itself costs (the per-case key document and key lookups stay).
const int Warmup = 20;
const int Sequential = 200;
const int Concurrent = 200;
const int Parallelism = 8;

// Outside a test host WebApplicationFactory does not find the service's content root by itself.
var repository = new DirectoryInfo(AppContext.BaseDirectory);
while (!File.Exists(Path.Combine(repository.FullName, "TipReferral.sln")))
{
    repository = repository.Parent ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
}

Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TIPREFERRAL_IDENTIFICATION",
    Path.Combine(repository.FullName, "services", "Identification", "TipReferral.Identification"));

var encrypted = await MeasureAsync("AES-256-GCM", configure: null);
var plain = await MeasureAsync("pass-through cipher", services => services.Replace(ServiceDescriptor.Singleton<IPersonalDataCipher, PassThroughCipher>()));
Console.WriteLine($"encryption overhead on registration: p50 ×{encrypted.P50 / plain.P50:F2}, throughput ×{plain.PerSecond / encrypted.PerSecond:F2} (AES-256-GCM against the pass-through cipher)");

static async Task<(double P50, double PerSecond)> MeasureAsync(string variant, Action<IServiceCollection>? configure)
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

    latencies.Sort();
    double Percentile(int p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100.0 * latencies.Count) - 1)];
    Console.WriteLine($"[{variant}] register, sequential ({Sequential} calls): p50 {Percentile(50):F1} ms, p95 {Percentile(95):F1} ms, p99 {Percentile(99):F1} ms, max {latencies[^1]:F1} ms");

    var wall = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, Concurrent), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, token) =>
        await client.RegisterPresumedVictimAsync(IdentificationService.ARegistration(RandomName(), RandomName(), "NG"), cancellationToken: token));
    wall.Stop();
    Console.WriteLine($"[{variant}] register, {Parallelism} in parallel ({Concurrent} calls): {Concurrent / wall.Elapsed.TotalSeconds:F0} registrations/s");
    return (Percentile(50), Concurrent / wall.Elapsed.TotalSeconds);
}

// Distinct names, as real registrations have: identical ones would all be each other's
// duplicate candidates and measure the duplicate check's worst case instead.
static string RandomName() => string.Concat(Enumerable.Range(0, 7).Select(i => (char)(i == 0 ? Random.Shared.Next('A', 'Z' + 1) : Random.Shared.Next('a', 'z' + 1))));
