using System.Globalization;
using TipReferral.LoadTests.Baselines;
using TipReferral.LoadTests.Checking;
using TipReferral.LoadTests.Growth;
using TipReferral.LoadTests.Hosting;
using TipReferral.LoadTests.Measuring;
using TipReferral.LoadTests.Workflows;

namespace TipReferral.LoadTests;

/// <summary>
/// The load benchmark: the four services in their own processes under complete referral workflows,
/// measured side by side with the raw work they do. Prints markdown tables for README's "Performance".
/// </summary>
public static class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = IntOption(args, "--seconds", 60);
        var historySizes = IntsOption(args, "--history", "10,1000,3000");
        var caseCounts = IntsOption(args, "--cases", "1000,10000");
        var inFlightSteps = IntsOption(args, "--in-flight", "8,16,32");
        Console.WriteLine($"Starting the four services (Release build, one process each, own databases) ...");
        await using var system = await SystemUnderLoad.StartAsync(temporaryQueues: false);
        Console.WriteLine($"Service logs: {system.LogDirectory}");
        var setting = await LoadSetting.ArrangeAsync(system);
        var driver = new LoadDriver(system, setting);
        if (args.Contains("--growth-only"))
        {
            Report(await driver.RunClosedAsync("one workflow, for a case to grow", 1, TimeSpan.FromSeconds(30), total: 1));
            await GrowthAsync(system, driver, caseCounts, historySizes);
            return 0;
        }

        Report(await driver.RunClosedAsync("warm-up", 4, TimeSpan.FromSeconds(10)));
        var unloaded = Report(await driver.RunClosedAsync("unloaded (1 in flight)", 1, TimeSpan.FromSeconds(30), total: 15));

        PhaseResult? best = null;
        var bestInFlight = inFlightSteps[0];
        foreach (var inFlight in inFlightSteps)
        {
            var ramp = Report(await driver.RunClosedAsync($"ramp ({inFlight} in flight)", inFlight, TimeSpan.FromSeconds(15)));
            if (best is null || ramp.WorkflowsPerSecond > best.WorkflowsPerSecond)
            {
                (best, bestInFlight) = (ramp, inFlight);
            }
        }

        var cpu = CpuUse.Begin(system);
        var saturated = Report(await driver.RunClosedAsync($"saturation ({bestInFlight} in flight)", bestInFlight, TimeSpan.FromSeconds(seconds)));
        var cpuSaturated = cpu.End();
        var half = Report(await driver.RunOpenAsync($"half of saturation ({saturated.WorkflowsPerSecond / 2:F1} workflows/s started)", saturated.WorkflowsPerSecond / 2, TimeSpan.FromSeconds(Math.Max(30, seconds / 2))));
        var memory = system.Services.ToDictionary(service => service.Name, service => service.PeakWorkingSetBytes);

        Console.WriteLine("Raw baselines (1 caller, same infrastructure) ...");
        var raw = await RawBaselinesAsync(system);

        Console.WriteLine("Checking what the run left behind ...");
        await Correctness.QuiesceAsync(system, TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(5));
        var problems = await Correctness.CheckAsync(system, [.. driver.CompletedCases], [.. driver.RegisteredCases], setting.ShelterIds);

        PrintThroughput(saturated, half);
        PrintLatencies(saturated, unloaded, raw);
        PrintLags(saturated, half, raw);
        PrintMemory(memory);
        PrintCpu(cpuSaturated, saturated);
        Console.WriteLine();
        Console.WriteLine(problems.Count == 0
            ? $"Correctness: all {driver.CompletedCases.Count} workflows' cases closed, occupancy equals admitted minus discharged in every shelter, every consumer of every service handled as many messages about each case as about the others (none lost, none doubled)."
            : "Correctness problems:\n  " + string.Join("\n  ", problems));

        // After the checks: growth adds cases and events the workflows did not make.
        await GrowthAsync(system, driver, caseCounts, historySizes);
        return problems.Count == 0 && saturated.Failed == 0 && half.Failed == 0 ? 0 : 1;
    }

    private static async Task GrowthAsync(SystemUnderLoad system, LoadDriver driver, IReadOnlyList<int> caseCounts, IReadOnlyList<int> historySizes)
    {
        Console.WriteLine();
        Console.WriteLine("Growth: one case's history ...");
        PrintGrowth(await GrowthRun.CaseHistoryAsync(system, driver.CompletedCases.First(), historySizes));
        Console.WriteLine("Growth: cases in the country ...");
        PrintGrowth(await GrowthRun.CasesInCountryAsync(system, driver.RegisteredCases.Count, caseCounts));
    }

    /// <summary>A few workflows through the real system, for CI: what they left behind is checked; no time is.</summary>
    public static async Task<(PhaseResult Phase, IReadOnlyList<string> Problems)> SmokeAsync(int workflows, int inFlight)
    {
        await using var system = await SystemUnderLoad.StartAsync(temporaryQueues: true);
        var setting = await LoadSetting.ArrangeAsync(system);
        var driver = new LoadDriver(system, setting);
        var phase = await driver.RunClosedAsync("smoke", inFlight, TimeSpan.FromMinutes(10), total: workflows);
        await Correctness.QuiesceAsync(system, TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(3));
        return (phase, await Correctness.CheckAsync(system, [.. driver.CompletedCases], [.. driver.RegisteredCases], setting.ShelterIds));
    }

    private static async Task<RawCosts> RawBaselinesAsync(SystemUnderLoad system)
    {
        var database = await Testing.TestDatabases.CreateAsync(system.PostgresServer, Testing.TestInfrastructure.UniqueName("load_raw"));
        try
        {
            var token = await system.TokenForAsync(ReferralWorkflow.CaseWorker);
            return await RawBaselines.MeasureAsync(database, system.RabbitMq, system.Authority, token, callers: 1, TimeSpan.FromSeconds(10), CancellationToken.None);
        }
        finally
        {
            await Testing.TestDatabases.DropAsync(database);
        }
    }

    private static PhaseResult Report(PhaseResult phase)
    {
        Console.WriteLine($"  {phase.Name}: {phase.Completed} workflows in {phase.Elapsed.TotalSeconds:F0} s = {phase.WorkflowsPerSecond:F1} workflows/s, {phase.CommandsPerSecond:F0} commands/s, {phase.Failed} failed");
        foreach (var failure in phase.Failures.Take(5))
        {
            Console.WriteLine($"    {failure}");
        }

        return phase;
    }

    private static void PrintThroughput(PhaseResult saturated, PhaseResult half)
    {
        Console.WriteLine();
        Console.WriteLine("| phase | workflows | failed | seconds | workflows/s | commands/s |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var phase in new[] { saturated, half })
        {
            Console.WriteLine(Invariant($"| {phase.Name} | {phase.Completed} | {phase.Failed} | {phase.Elapsed.TotalSeconds:F0} | {phase.WorkflowsPerSecond:F1} | {phase.CommandsPerSecond:F0} |"));
        }
    }

    /// <summary>
    /// A command's raw work, inside its latency, is one authenticated gRPC call and its append to
    /// the case's stream; its integration events leave afterwards through the outbox, so publishing
    /// is compared with the propagation lag instead.
    /// </summary>
    private static void PrintLatencies(PhaseResult saturated, PhaseResult unloaded, RawCosts raw)
    {
        var rawCommand = raw.GrpcUnaryWithJwt.P50Ms + raw.MartenRichAppend.P50Ms;
        Console.WriteLine();
        Console.WriteLine(Invariant($"Raw command (gRPC unary with JWT p50 {raw.GrpcUnaryWithJwt.P50Ms:F2} ms + rich append p50 {raw.MartenRichAppend.P50Ms:F2} ms; quick append p50 {raw.MartenQuickAppend.P50Ms:F2} ms) = {rawCommand:F2} ms"));
        Console.WriteLine();
        Console.WriteLine("| RPC | unloaded p50 ms | × raw | saturated p50 ms | p95 ms | p99 ms | calls | sent again (Aborted) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var alone = unloaded.Recorder.Calls;
        foreach (var (rpc, loaded) in saturated.Recorder.Calls.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var single = alone.GetValueOrDefault(rpc);
            Console.WriteLine(Invariant($"| {rpc} | {single?.P50 ?? 0:F1} | {(single?.P50 ?? 0) / rawCommand:F1} | {loaded.P50:F1} | {loaded.P95:F1} | {loaded.P99:F1} | {loaded.Count} | {saturated.Recorder.Conflicts.GetValueOrDefault(rpc)} |"));
        }
    }

    private static void PrintLags(PhaseResult saturated, PhaseResult half, RawCosts raw)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"Propagation lag (raw publish → consume round trip p50 {raw.PublishConsume.P50Ms:F2} ms, p95 {raw.PublishConsume.P95Ms:F2} ms)"));
        Console.WriteLine();
        Console.WriteLine("| fact → effect | saturated p50 ms | p99 ms | half p50 ms | half p99 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (kind, loaded) in saturated.Recorder.Lags.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var relaxed = half.Recorder.Lags.GetValueOrDefault(kind);
            Console.WriteLine(Invariant($"| {kind} | {loaded.P50:F0} | {loaded.P99:F0} | {relaxed?.P50 ?? 0:F0} | {relaxed?.P99 ?? 0:F0} |"));
        }
    }

    private static void PrintGrowth(IReadOnlyList<GrowthPoint> points)
    {
        var calls = points.SelectMany(point => point.Costs.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        Console.WriteLine();
        Console.WriteLine($"| {points[0].What} | " + string.Join(" | ", calls.Select(call => call + " p50 ms")) + " |");
        Console.WriteLine("| ---: | " + string.Join(" | ", calls.Select(_ => "---:")) + " |");
        foreach (var point in points)
        {
            Console.WriteLine(Invariant($"| {point.Size} | ") + string.Join(" | ", calls.Select(call => Invariant($"{point.Costs[call].P50:F1}"))) + " |");
        }
    }

    private static void PrintCpu(IReadOnlyDictionary<string, double> cpu, PhaseResult phase)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"CPU during saturation ({phase.Elapsed.TotalSeconds:F0} s, {Environment.ProcessorCount} cores = {phase.Elapsed.TotalSeconds * Environment.ProcessorCount:F0} CPU s available)"));
        Console.WriteLine();
        Console.WriteLine("| part | CPU s | share | CPU ms per workflow |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        var total = cpu.Values.Sum();
        foreach (var (part, seconds) in cpu.OrderByDescending(entry => entry.Value))
        {
            Console.WriteLine(Invariant($"| {part} | {seconds:F1} | {seconds / total:P0} | {seconds * 1000 / Math.Max(1, phase.Completed):F0} |"));
        }
    }

    private static void PrintMemory(IReadOnlyDictionary<string, long> peaks)
    {
        Console.WriteLine();
        Console.WriteLine("| service | peak working set MiB |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (service, bytes) in peaks)
        {
            Console.WriteLine(Invariant($"| {service} | {bytes / 1024.0 / 1024.0:F0} |"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name) =>
        args.SkipWhile(arg => arg != name).Skip(1).FirstOrDefault();

    private static int[] IntsOption(string[] args, string name, string fallback) =>
        (Option(args, name) ?? fallback).Split(',').Select(value => int.Parse(value, CultureInfo.InvariantCulture)).ToArray();

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
