using System.Diagnostics;
using TipReferral.LoadTests.Hosting;

namespace TipReferral.LoadTests.Measuring;

/// <summary>
/// CPU time each part of the system spent during a phase: where a saturated two-core machine's
/// time goes (the services, PostgreSQL, RabbitMQ, and this load generator with the identity provider).
/// </summary>
public sealed class CpuUse
{
    private readonly Dictionary<string, TimeSpan> start;
    private readonly SystemUnderLoad system;

    private CpuUse(SystemUnderLoad system)
    {
        this.system = system;
        start = Read(system);
    }

    public static CpuUse Begin(SystemUnderLoad system) => new(system);

    /// <summary>CPU seconds per part since <see cref="Begin"/>.</summary>
    public IReadOnlyDictionary<string, double> End() =>
        Read(system).ToDictionary(entry => entry.Key, entry => (entry.Value - start.GetValueOrDefault(entry.Key)).TotalSeconds);

    private static Dictionary<string, TimeSpan> Read(SystemUnderLoad system)
    {
        var use = system.Services.ToDictionary(service => service.Name, service => service.ProcessorTime);
        use["PostgreSQL"] = Sum("postgres");
        use["RabbitMQ"] = Sum("beam.smp");
        use["load generator + identity provider"] = Process.GetCurrentProcess().TotalProcessorTime;
        return use;
    }

    /// <summary>
    /// CPU time of every process called <paramref name="processName"/>, from /proc: PostgreSQL's
    /// backends run as another user, whose processes .NET's Process cannot read the times of.
    /// Backends that exited during the phase are missed, so PostgreSQL's share is a floor.
    /// </summary>
    private static TimeSpan Sum(string processName)
    {
        const double ticksPerSecond = 100; // USER_HZ on Linux
        double ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // pid (comm) state ppid ...: utime and stime are the 14th and 15th fields, counted after the comm's closing parenthesis.
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open || stat[(open + 1)..close] != processName)
            {
                continue;
            }

            var fields = stat[(close + 2)..].Split(' ');
            ticks += double.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + double.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        }

        return TimeSpan.FromSeconds(ticks / ticksPerSecond);
    }
}
