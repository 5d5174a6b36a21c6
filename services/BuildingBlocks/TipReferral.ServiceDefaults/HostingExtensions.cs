using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Observability;
using TipReferral.ServiceDefaults.Security;

namespace TipReferral.ServiceDefaults;

public static class HostingExtensions
{
    /// <summary>
    /// Telemetry, health checks, token authentication, an injectable clock and gRPC (with JSON
    /// transcoding, reflection, per-RPC access policies with their audit, validation and the
    /// central error map) for a TipReferral service.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.AddTipReferralTelemetry(serviceName);
        builder.AddTipReferralAuthentication();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ServiceIdentity(serviceName));
        builder.Services.AddScoped<CaseAccess>();
        builder.Services.AddScoped<AccessAudit>();
        builder.Services.ConfigureMarten(AccessRecord.Register);
        builder.Services.AddHealthChecks();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();
        builder.Services
            .AddGrpc(grpc =>
            {
                // Order matters: every refusal is mapped; access is decided before input is even read.
                grpc.Interceptors.Add<ErrorMappingInterceptor>();
                grpc.Interceptors.Add<AccessInterceptor>();
                grpc.Interceptors.Add<ValidationInterceptor>();
            })
            // REST callers get the same rich error details as gRPC ones; the registry must know their types.
            .AddJsonTranscoding(rest => rest.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(
                Google.Rpc.BadRequest.Descriptor, Google.Rpc.PreconditionFailure.Descriptor,
                Google.Rpc.ResourceInfo.Descriptor, Google.Rpc.ErrorInfo.Descriptor));
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        // Every request gets its own key ring: keys it unlocks are gone when it ends.
        app.UsePersonalDataScope();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
