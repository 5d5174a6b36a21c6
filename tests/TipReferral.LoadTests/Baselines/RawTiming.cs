using System.Diagnostics;

namespace TipReferral.LoadTests.Baselines;

/// <summary>Runs one raw operation in concurrent loops and summarises its latencies.</summary>
internal static class RawTiming
{
    /// <summary>
    /// Enough operations per loop for JIT, Marten's generated code, pooled connections and
    /// HTTP/2 streams to be in place before anything is timed.
    /// </summary>
    private const int WarmUpOperationsPerCaller = 5;

    /// <summary>
    /// Runs <paramref name="operation"/> (given the caller's index) in <paramref name="callers"/>
    /// concurrent loops: a warm-up first, then timed for <paramref name="duration"/>.
    /// </summary>
    public static async Task<RawCost> MeasureAsync(
        string name, int callers, TimeSpan duration, Func<int, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(callers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);

        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            for (var i = 0; i < WarmUpOperationsPerCaller; i++)
            {
                await operation(caller, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken))).ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var own = new List<long>();
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(caller, cancellationToken).ConfigureAwait(false);
                own.Add(Stopwatch.GetTimestamp() - started);
            }

            return own;
        }, cancellationToken))).ConfigureAwait(false);
        // The last operations end after the deadline; counting until then keeps operations/s honest.
        var elapsed = clock.Elapsed;

        var milliseconds = latencies.SelectMany(own => own).Select(ticks => ticks * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        return milliseconds.Length == 0
            ? new RawCost(name, 0, 0, 0, 0, 0)
            : new RawCost(name, milliseconds.Length, Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.95), milliseconds.Average(), milliseconds.Length / elapsed.TotalSeconds);
    }

    /// <summary>Nearest rank: always a latency that was actually observed.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
