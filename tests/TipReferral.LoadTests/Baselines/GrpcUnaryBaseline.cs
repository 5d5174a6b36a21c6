using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Legal.V1;
using TipReferral.ServiceDefaults.Security;
using TipReferral.Testing;

namespace TipReferral.LoadTests.Baselines;

/// <summary>
/// One unary call over HTTP/2 on real Kestrel whose token is validated as the services validate
/// theirs (AuthenticationExtensions.AddTipReferralAuthentication), answered without any work:
/// the floor under every workflow command's RPC.
/// </summary>
internal static class GrpcUnaryBaseline
{
    public static async Task<RawCost> MeasureAsync(
        string name, Uri authority, string accessToken, int callers, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var host = await RawGrpcHost.StartAsync(authority, cancellationToken).ConfigureAwait(false);
        using var channel = host.OpenChannel(accessToken);
        var client = new Cooperation.CooperationClient(channel);
        var request = new RecordCooperationDecisionRequest { CaseId = Guid.NewGuid().ToString(), Decision = CooperationDecision.Cooperate };
        return await RawTiming.MeasureAsync(name, callers, duration, async (_, token) =>
            await client.RecordCooperationDecisionAsync(request, cancellationToken: token).ResponseAsync.ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A minimal gRPC server: the services' token validation and one constant answer.</summary>
internal sealed class RawGrpcHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private RawGrpcHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RawGrpcHost> StartAsync(Uri authority, CancellationToken cancellationToken)
    {
        var port = LoopbackPorts.Free();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The services' appsettings copied beside the benchmark must not configure this server.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));

        var audience = new AuthOptions().Audience;
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.Authority = authority.ToString();
                jwt.Audience = audience;
                jwt.RequireHttpsMetadata = false;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = AuthenticationExtensions.TokenValidation(audience);
            });
        builder.Services.AddAuthorization();
        builder.Services.AddGrpc();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        // The services' fallback policy: a caller without role, agency and country is refused.
        app.MapGrpcService<ConstantCooperationService>().RequireAuthorization(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(TipReferralClaims.Role)
            .RequireClaim(TipReferralClaims.Agency)
            .RequireClaim(TipReferralClaims.Country)
            .Build());
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new RawGrpcHost(app, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>A channel whose every call carries <paramref name="accessToken"/>, or none without one.</summary>
    public GrpcChannel OpenChannel(string? accessToken)
    {
        HttpMessageHandler handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (accessToken is not null)
        {
            handler = new BearerTokenHandler(accessToken) { InnerHandler = handler };
        }

        return GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class BearerTokenHandler(string accessToken) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Answers at once, so what a call costs is transport, token validation and protobuf.</summary>
internal sealed class ConstantCooperationService : Cooperation.CooperationBase
{
    private static readonly CaseVersion Recorded = new() { CaseId = "raw-baseline", Version = 1 };

    public override Task<CaseVersion> RecordCooperationDecision(RecordCooperationDecisionRequest request, ServerCallContext context) =>
        Task.FromResult(Recorded);
}
