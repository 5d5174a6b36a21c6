using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Observability;
using TipReferral.ServiceDefaults.Security;

namespace TipReferral.ServiceDefaults;

public static class HostingExtensions
{
    /// <summary>
    /// Telemetry, health checks, token authentication, an injectable clock and gRPC (with JSON
    /// transcoding, reflection, validation and the central error map) for a TipReferral service.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.AddTipReferralTelemetry(serviceName);
        builder.AddTipReferralAuthentication();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();
        builder.Services
            .AddGrpc(grpc =>
            {
                // Order matters: errors raised by validation are mapped too.
                grpc.Interceptors.Add<ErrorMappingInterceptor>();
                grpc.Interceptors.Add<ValidationInterceptor>();
            })
            .AddJsonTranscoding();
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
