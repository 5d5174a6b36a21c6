using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Cases.GettingWholeCaseHistory;

/// <summary>The identification service with a source that takes the connection and never answers.</summary>
public sealed class IdentificationWithSilentSource : IAsyncLifetime
{
    public const string SilentService = "silent";

    // Started, never accepting: the kernel completes the handshake, and nothing ever answers the request.
    private readonly TcpListener silent = new(IPAddress.Loopback, LoopbackPorts.Free());

    public IdentificationService Service { get; } = new();

    public async Task InitializeAsync()
    {
        silent.Start();
        Service.WithSetting($"CaseHistorySources:{SilentService}:Address", $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        Service.WithSetting($"CaseHistorySources:{SilentService}:GrpcService", "tipreferral.silent.v1.SilentCases");
        await Service.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        silent.Stop();
        silent.Dispose();
    }
}

public sealed class SilentSourceTests(IdentificationWithSilentSource world) : IClassFixture<IdentificationWithSilentSource>
{
    [Fact]
    public async Task A_source_that_never_answers_is_given_up_on_within_seconds_and_the_rest_of_the_history_is_returned()
    {
        var registered = await world.Service.ClientFor(ScreenerInNigeria).RegisterPresumedVictimAsync(ARegistration());
        var supervisor = world.Service.WholeHistoryClientFor(DemoUsers.For(Roles.Supervisor, "NG"));
        var clock = Stopwatch.StartNew();

        var history = await supervisor.GetWholeCaseHistoryAsync(
            new GetWholeCaseHistoryRequest { CaseId = registered.CaseId }, deadline: DateTime.UtcNow.AddSeconds(20));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        var silent = history.Sources.Single(s => s.Service == IdentificationWithSilentSource.SilentService);
        silent.State.ShouldBe(HistorySourceState.Unavailable);
        history.Complete.ShouldBeFalse();
        history.Sources.First().ShouldBe(new HistorySource { Service = IdentificationModule.ServiceName, State = HistorySourceState.Included });
        history.Entries.ShouldContain(e => e.Service == IdentificationModule.ServiceName && e.EventType == "PresumedVictimRegistered");
    }
}
