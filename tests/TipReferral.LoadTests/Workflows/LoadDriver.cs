using System.Collections.Concurrent;
using System.Diagnostics;
using TipReferral.LoadTests.Hosting;
using TipReferral.LoadTests.Measuring;

namespace TipReferral.LoadTests.Workflows;

/// <summary>What one phase of load did.</summary>
public sealed record PhaseResult(string Name, int Completed, int Failed, TimeSpan Elapsed, Recorder Recorder, IReadOnlyList<string> Failures)
{
    public double WorkflowsPerSecond => Completed / Elapsed.TotalSeconds;

    public double CommandsPerSecond => Recorder.CallCount / Elapsed.TotalSeconds;
}

/// <summary>Runs workflows against the system: a fixed number in flight (closed loop), or started at a fixed rate (open loop).</summary>
public sealed class LoadDriver(SystemUnderLoad system, WorkflowSetting setting)
{
    private int nextNumber;

    public ConcurrentBag<string> CompletedCases { get; } = [];

    /// <summary>Every case a workflow registered, completed or not: what the shelters' occupancy counts.</summary>
    public ConcurrentBag<string> RegisteredCases { get; } = [];

    /// <summary>Keeps <paramref name="inFlight"/> workflows running until <paramref name="duration"/> has passed (or <paramref name="total"/> have started), then lets them finish.</summary>
    public async Task<PhaseResult> RunClosedAsync(string name, int inFlight, TimeSpan duration, int total = int.MaxValue)
    {
        var recorder = new Recorder();
        var failures = new ConcurrentQueue<string>();
        var completed = 0;
        var started = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (clock.Elapsed < duration && Interlocked.Increment(ref started) <= total)
            {
                if (await RunOneAsync(recorder, failures))
                {
                    Interlocked.Increment(ref completed);
                }
            }
        }));
        return new PhaseResult(name, completed, failures.Count, clock.Elapsed, recorder, [.. failures]);
    }

    /// <summary>Starts workflows at <paramref name="perSecond"/> for <paramref name="duration"/>, however many that puts in flight, then lets them finish.</summary>
    public async Task<PhaseResult> RunOpenAsync(string name, double perSecond, TimeSpan duration)
    {
        var recorder = new Recorder();
        var failures = new ConcurrentQueue<string>();
        var completed = 0;
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            running.Add(Task.Run(async () =>
            {
                if (await RunOneAsync(recorder, failures))
                {
                    Interlocked.Increment(ref completed);
                }
            }));
        }

        await Task.WhenAll(running);
        return new PhaseResult(name, completed, failures.Count, clock.Elapsed, recorder, [.. failures]);
    }

    private async Task<bool> RunOneAsync(Recorder recorder, ConcurrentQueue<string> failures)
    {
        var number = Interlocked.Increment(ref nextNumber);
        try
        {
            CompletedCases.Add(await new ReferralWorkflow(system, recorder, setting).RunAsync(number, RegisteredCases.Add));
            return true;
        }
        catch (Exception e) when (e is Grpc.Core.RpcException or TimeoutException)
        {
            failures.Enqueue($"workflow {number}: {e.GetType().Name}: {e.Message}");
            return false;
        }
    }
}
