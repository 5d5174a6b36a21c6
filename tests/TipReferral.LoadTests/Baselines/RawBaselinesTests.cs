using Grpc.Core;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.Testing;
using Xunit.Abstractions;

namespace TipReferral.LoadTests.Baselines;

/// <summary>The baselines run end to end against real infrastructure; their figures are printed, never judged.</summary>
public sealed class RawBaselinesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_baseline_completes_operations_against_real_infrastructure()
    {
        var (server, rabbitMq) = await TestInfrastructure.GetAsync();
        var identity = await TestIdentityProvider.GetAsync();
        var token = await identity.TokenForAsync(DemoUsers.For(Roles.CaseWorker, "IT"));
        var postgres = await TestDatabases.CreateAsync(server, TestInfrastructure.UniqueName("raw_baselines"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            var costs = await RawBaselines.MeasureAsync(
                postgres, rabbitMq, identity.Issuer, token, callers: 2, duration: TimeSpan.FromSeconds(2), timeout.Token);

            foreach (var cost in new[] { costs.MartenQuickAppend, costs.MartenRichAppend, costs.PublishConsume, costs.GrpcUnaryWithJwt })
            {
                output.WriteLine($"{cost.Name}: {cost.Operations} ops, p50 {cost.P50Ms:F2} ms, p95 {cost.P95Ms:F2} ms, mean {cost.MeanMs:F2} ms, {cost.PerSecond:F0}/s");
                cost.Operations.ShouldBeGreaterThan(0, cost.Name);
            }
        }
        finally
        {
            await TestDatabases.DropAsync(postgres);
        }
    }

    /// <summary>Otherwise the gRPC baseline would leave out the token validation it is there to include.</summary>
    [Fact]
    public async Task The_grpc_baseline_refuses_a_call_without_a_token()
    {
        var identity = await TestIdentityProvider.GetAsync();
        await using var host = await RawGrpcHost.StartAsync(identity.Issuer, CancellationToken.None);
        using var channel = host.OpenChannel(accessToken: null);
        var client = new Cooperation.CooperationClient(channel);

        var refusal = await Should.ThrowAsync<RpcException>(async () =>
            await client.RecordCooperationDecisionAsync(new RecordCooperationDecisionRequest { CaseId = Guid.NewGuid().ToString() }));

        refusal.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }
}
