using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace TipReferral.LoadTests.Measuring;

/// <summary>Latencies of every call by RPC, and lags by kind, recorded from many workflows at once.</summary>
public sealed class Recorder
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> lags = new();
    private readonly ConcurrentDictionary<string, int> conflicts = new();

    /// <summary>Commands refused as Aborted (a concurrent append to the case) and sent again, by RPC.</summary>
    public IReadOnlyDictionary<string, int> Conflicts => conflicts;

    public void CountConflict(string rpc) => conflicts.AddOrUpdate(rpc, 1, (_, count) => count + 1);

    public IReadOnlyDictionary<string, Percentiles> Calls => Summarise(calls);

    public IReadOnlyDictionary<string, Percentiles> Lags => Summarise(lags);

    public long CallCount => calls.Values.Sum(bag => (long)bag.Count);

    /// <summary>Times one unary call as <paramref name="rpc"/>.</summary>
    public async Task<T> CallAsync<T>(string rpc, Func<AsyncUnaryCall<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await call();
        Add(calls, rpc, started);
        return response;
    }

    /// <summary>
    /// Polls <paramref name="visible"/> until it holds, and records how long after
    /// <paramref name="committedAt"/> (a Stopwatch timestamp) it first did as the lag of <paramref name="kind"/>.
    /// </summary>
    public async Task AwaitPropagationAsync(string kind, long committedAt, Func<Task<bool>> visible, TimeSpan patience)
    {
        while (!await visible())
        {
            if (Stopwatch.GetElapsedTime(committedAt) > patience)
            {
                throw new TimeoutException($"{kind} was not visible within {patience}.");
            }

            await Task.Delay(2);
        }

        RecordLag(kind, committedAt);
    }

    /// <summary>Records the time since <paramref name="committedAt"/> (a Stopwatch timestamp) as a lag of <paramref name="kind"/>.</summary>
    public void RecordLag(string kind, long committedAt) => Add(lags, kind, committedAt);

    private static void Add(ConcurrentDictionary<string, ConcurrentBag<double>> into, string key, long started) =>
        into.GetOrAdd(key, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

    private static Dictionary<string, Percentiles> Summarise(ConcurrentDictionary<string, ConcurrentBag<double>> from) =>
        from.ToDictionary(entry => entry.Key, entry => Percentiles.Of([.. entry.Value]));
}

public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static Percentiles Of(List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0, 0);
        }

        milliseconds.Sort();
        double At(double p) => milliseconds[Math.Clamp((int)Math.Ceiling(p * milliseconds.Count) - 1, 0, milliseconds.Count - 1)];
        return new Percentiles(milliseconds.Count, At(0.50), At(0.95), At(0.99), milliseconds[^1], milliseconds.Average());
    }
}
