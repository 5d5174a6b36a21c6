using JasperFx;
using JasperFx.Events.Daemon;
using JasperFx.OpenTelemetry;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TipReferral.PersonalData;
using Weasel.Core;

namespace TipReferral.ServiceDefaults.EventStore;

public static class MartenExtensions
{
    /// <summary>
    /// Registers Marten with the house defaults: one schema per service (overridable by
    /// "Marten:Schema" so tests can isolate), Guid streams, System.Text.Json with enums as
    /// strings, full event metadata, sessions stamped with the caller, the async daemon
    /// in HotCold (leader election by advisory lock, so every replica can run it), and every
    /// [PersonalData] property encrypted under its case's data key (the key-encryption key comes
    /// from "PersonalData:KeyEncryptionKey"; without it the service does not start).
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddTipReferralMarten(
        this WebApplicationBuilder builder, string serviceName, Action<StoreOptions> configure)
    {
        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
        var schema = builder.Configuration["Marten:Schema"] ?? serviceName;
        var daemonMode = Enum.Parse<DaemonMode>(builder.Configuration["Marten:DaemonMode"] ?? nameof(DaemonMode.HotCold), ignoreCase: true);

        builder.Services.AddPersonalDataProtection(KeyEncryptionKey.FromConfiguration(builder.Configuration));

        var marten = builder.Services.AddMarten(services =>
            {
                var opts = new StoreOptions();
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = schema;
                opts.Events.DatabaseSchemaName = schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                opts.UsePersonalDataProtection(services.GetRequiredService<PersonalDataJson>());
                opts.Events.MetadataConfig.EnableAll();
                opts.Events.MetadataConfig.UserNameEnabled = true; // not part of EnableAll()

                // The unpatched DistributedLock.Postgres this build uses refuses Marten's default
                // session-scoped advisory lock; the transaction-scoped one works (ENVIRONMENT.md).
                opts.Events.UseAdvisoryLockTransaction = true;

                // Appends wake the daemon through LISTEN/NOTIFY rather than waiting for its next
                // poll (250 ms, 1 s when idle): the outbox then publishes a fact within milliseconds
                // of its commit, which is how fast another service learns of it (README, "Performance").
                opts.Events.UseListenNotifyForEventAppends = true;

                // A projection that cannot apply an event stops and is retried, never skipped:
                // a silently missing entry in a victim's case is worse than a stalled read model.
                opts.Projections.Errors.SkipApplyErrors = false;
                opts.Projections.Errors.SkipSerializationErrors = false;
                opts.Projections.Errors.SkipUnknownEvents = false;

                opts.AutoCreateSchemaObjects = builder.Environment.IsProduction() ? AutoCreate.CreateOnly : AutoCreate.CreateOrUpdate;
                opts.DisableNpgsqlLogging = true;
                opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
                opts.OpenTelemetry.TrackEventCounters();
                configure(opts);
                return opts;
            })
            .UseLightweightSessions()
            .BuildSessionsWith<CallerStampingSessionFactory>()
            .ApplyAllDatabaseChangesOnStartup();

        if (daemonMode != DaemonMode.Disabled)
        {
            marten.AddAsyncDaemon(daemonMode);
        }

        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        return marten;
    }
}
