using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.EventStore;
using Weasel.Core;

namespace TipReferral.LoadTests.Baselines;

/// <summary>
/// One event appended to an existing stream in its own lightweight session, on a bare store
/// with the services' event-store settings (MartenExtensions.AddTipReferralMarten) but no
/// projections, daemon or personal-data encryption: the floor under every workflow command's write.
/// </summary>
internal static class MartenAppendBaseline
{
    private static readonly Caller Stamp = new("raw-baseline", Roles.CaseWorker, "raw-baseline-agency", "IT");

    public static async Task<RawCost> MeasureAsync(
        string name, EventAppendMode appendMode, string postgres, int callers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var schema = $"raw_{appendMode.ToString().ToLowerInvariant()}_{Guid.NewGuid():N}"[..32];
        try
        {
            using (var store = OpenStore(postgres, schema, appendMode))
            {
                await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync().ConfigureAwait(false);
                var streams = await StartStreamsAsync(store, callers, cancellationToken).ConfigureAwait(false);
                var sequence = 0;
                return await RawTiming.MeasureAsync(name, callers, duration, async (caller, token) =>
                {
                    await using var session = store.LightweightSession();
                    session.StampWith(Stamp);
                    session.Events.Append(streams[caller], CaseNoteRecorded(streams[caller], Interlocked.Increment(ref sequence)));
                    await session.SaveChangesAsync(token).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await DropSchemaAsync(postgres, schema).ConfigureAwait(false);
        }
    }

    private static DocumentStore OpenStore(string postgres, string schema, EventAppendMode appendMode) => DocumentStore.For(opts =>
    {
        opts.Connection(postgres);
        opts.DatabaseSchemaName = schema;
        opts.Events.DatabaseSchemaName = schema;
        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        opts.Events.AppendMode = appendMode;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.UseAdvisoryLockTransaction = true;
        opts.AutoCreateSchemaObjects = AutoCreate.All;
        opts.DisableNpgsqlLogging = true;
    });

    /// <summary>Each caller appends to a stream of its own, so no append waits for another's version check.</summary>
    private static async Task<Guid[]> StartStreamsAsync(DocumentStore store, int callers, CancellationToken cancellationToken)
    {
        var streams = Enumerable.Range(0, callers).Select(_ => Guid.NewGuid()).ToArray();
        await using var session = store.LightweightSession();
        session.StampWith(Stamp);
        foreach (var stream in streams)
        {
            session.Events.StartStream(stream, CaseNoteRecorded(stream, 0));
        }

        await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return streams;
    }

    private static RawCaseNoteRecorded CaseNoteRecorded(Guid caseId, int sequence) => new(
        caseId,
        $"IT-2025-{sequence:D6}",
        "IT",
        "raw-baseline-agency",
        "raw-baseline",
        "interview",
        "Follow-up interview held with an interpreter; the person confirmed the earlier account and asked for legal advice.",
        new DateOnly(2025, 3, 14),
        ["interview", "interpreter", "legal-advice"],
        RawNoteUrgency.Routine,
        DateTimeOffset.UtcNow);

    /// <summary>
    /// Cleanup must not depend on the run's token: a cancelled run would otherwise leave its
    /// schema behind in the shared database.
    /// </summary>
    private static async Task DropSchemaAsync(string postgres, string schema)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}

public enum RawNoteUrgency
{
    Routine,
    Urgent,
}

/// <summary>Shaped like a domain event (strings, a date, a list, an enum, a timestamp) so serialising it costs what theirs do.</summary>
public sealed record RawCaseNoteRecorded(
    Guid CaseId,
    string Reference,
    string Country,
    string Agency,
    string RecordedBy,
    string Category,
    string Summary,
    DateOnly HeldOn,
    IReadOnlyList<string> Tags,
    RawNoteUrgency Urgency,
    DateTimeOffset RecordedAt);
