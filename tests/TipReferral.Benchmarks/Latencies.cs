namespace TipReferral.Benchmarks;

public static class Latencies
{
    /// <summary>Prints p50, p95, p99 and max of <paramref name="milliseconds"/>; returns p50.</summary>
    public static double Print(string label, List<double> milliseconds, string unit = "calls")
    {
        milliseconds.Sort();
        double Percentile(int p) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(p / 100.0 * milliseconds.Count) - 1)];
        Console.WriteLine($"{label} ({milliseconds.Count} {unit}): p50 {Percentile(50):F1} ms, p95 {Percentile(95):F1} ms, p99 {Percentile(99):F1} ms, max {milliseconds[^1]:F1} ms");
        return Percentile(50);
    }
}
