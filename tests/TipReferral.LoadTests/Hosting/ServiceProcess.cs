using System.Diagnostics;
using TipReferral.Testing;

namespace TipReferral.LoadTests.Hosting;

/// <summary>
/// One service as it runs in production: its own `dotnet` process from the Release build, its own
/// database, configured by environment variables only.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private bool logClosed;

    private ServiceProcess(string name, Process process, StreamWriter log, int httpPort, int grpcPort, string database)
    {
        Name = name;
        this.process = process;
        this.log = log;
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        Database = database;
    }

    public string Name { get; }

    public Uri HttpAddress { get; }

    public Uri GrpcAddress { get; }

    /// <summary>The connection string of the service's own database.</summary>
    public string Database { get; }

    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.HasExited ? TimeSpan.Zero : process.TotalProcessorTime;
        }
    }

    /// <summary>The process's peak resident set so far (VmHWM on Linux); read it before the process stops.</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            process.Refresh();
            return process.HasExited ? 0 : process.PeakWorkingSet64;
        }
    }

    public static ServiceProcess Start(string name, string project, string database, IReadOnlyDictionary<string, string> settings, string logDirectory)
    {
        var projectDirectory = Path.Combine(RepositoryRoot.Path, project);
        var dll = Path.Combine(projectDirectory, "bin", "Release", "net10.0", Path.GetFileName(project) + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution in Release first (dotnet build -c Release).");
        }

        var httpPort = LoopbackPorts.Free();
        var grpcPort = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet", [dll, "--contentRoot", projectDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>(settings)
        {
            ["ConnectionStrings__Postgres"] = database,
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel__Endpoints__Http__Protocols"] = "Http1",
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel__Endpoints__Grpc__Protocols"] = "Http2",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(Path.Combine(logDirectory, name + ".log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var service = new ServiceProcess(name, process, log, httpPort, grpcPort, database);
        process.OutputDataReceived += (_, line) => service.Write(line.Data);
        process.ErrorDataReceived += (_, line) => service.Write(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until the service reports ready (broker endpoints bound, database reachable).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode}; see its log.");
            }

            try
            {
                if ((await http.GetAsync(new Uri(HttpAddress, "/health/ready"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not ready within {patience}; see its log.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lock (log)
        {
            logClosed = true;
            log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (!logClosed)
            {
                log.WriteLine(line);
            }
        }
    }
}
