using JasperFx;
using Marten;
using Npgsql;
using TipReferral.Testing;
using Weasel.Core;

namespace TipReferral.PersonalData.Tests;

public sealed record PersonRegistered(Guid CaseId, [PersonalData] string GivenName, [PersonalData] DateOnly? DateOfBirth, string Country);

public sealed record GuardianChanged(Guid CaseId, IReadOnlyList<Guardian> Guardians);

/// <summary>A read model whose name index is also a duplicated column, as the identification service's case is.</summary>
public sealed record PersonFile(Guid Id, [PersonalData] string GivenName, [PersonalData] int[] NameIndex);

/// <summary>
/// Against real PostgreSQL through Marten, in a schema of its own: nothing personal reaches a
/// table in plaintext, it reads back with the key, and destroying the key erases it.
/// </summary>
public sealed class MartenStorageTests : IAsyncLifetime
{
    private const string GivenName = "Zainab";
    private const string BirthDate = "1987-11-03";

    private readonly string schema = TestInfrastructure.UniqueName("pd");
    private readonly CaseKeys keys = new(Samples.Kek(), new AesGcmCipher(), TimeProvider.System);
    private string connectionString = "";
    private DocumentStore store = null!;

    public async Task InitializeAsync()
    {
        (connectionString, _) = await TestInfrastructure.GetAsync();
        store = DocumentStore.For(opts =>
        {
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = schema;
            opts.Events.DatabaseSchemaName = schema;
            opts.AutoCreateSchemaObjects = AutoCreate.All;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            opts.UsePersonalDataProtection(new PersonalDataJson(new AesGcmCipher()));
            opts.Schema.For<PersonFile>().Duplicate(x => x.NameIndex, pgType: "integer[]");
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        store.Dispose();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Personal_data_is_stored_only_encrypted_reads_back_with_its_key_and_is_gone_once_the_key_is_destroyed()
    {
        var caseId = Guid.CreateVersion7();
        using (PersonalDataScope.Begin())
        {
            await using var session = store.LightweightSession();
            await keys.CreateForAsync(session, caseId, CancellationToken.None);
            session.Events.StartStream(caseId, new PersonRegistered(caseId, GivenName, DateOnly.Parse(BirthDate), "NG"));
            session.Store(new PersonFile(caseId, GivenName, [11, 22, 33]));
            await session.SaveChangesAsync();
        }

        var rows = await AllRowsAsync();
        rows.ShouldNotBeEmpty();
        rows.ShouldNotContain(row => row.Contains(GivenName, StringComparison.OrdinalIgnoreCase) || row.Contains(BirthDate, StringComparison.Ordinal));
        rows.ShouldContain(row => row.Contains($"pd1:{caseId:N}:", StringComparison.Ordinal));

        // Marten fills a duplicated column from the object, not from the stored JSON: the
        // encrypted name index stays searchable.
        (await NameIndexColumnAsync(caseId)).ShouldBe([11, 22, 33]);

        using (PersonalDataScope.Begin())
        {
            await using var session = store.QuerySession();
            await keys.UnlockAsync(session, [caseId], CancellationToken.None);
            var registered = (PersonRegistered)(await session.Events.FetchStreamAsync(caseId)).Single().Data;
            registered.GivenName.ShouldBe(GivenName);
            registered.DateOfBirth.ShouldBe(DateOnly.Parse(BirthDate));
            (await session.LoadAsync<PersonFile>(caseId))!.NameIndex.ShouldBe([11, 22, 33]);
        }

        using (PersonalDataScope.Begin())
        {
            await using var session = store.LightweightSession();
            await keys.UnlockForWritingAsync(session, caseId, CancellationToken.None);
            await keys.EraseAsync(session, caseId, "dpo-1", DateTimeOffset.UtcNow, CancellationToken.None);
            // A read model rewritten after erasure: its index emptied, its values no longer readable.
            var file = await session.LoadAsync<PersonFile>(caseId);
            session.Store(file! with { NameIndex = [] });
            await session.SaveChangesAsync();
        }

        using (PersonalDataScope.Begin())
        {
            await using var session = store.QuerySession();
            await keys.UnlockAsync(session, [caseId], CancellationToken.None);
            var events = await session.Events.FetchStreamAsync(caseId);
            events.Count.ShouldBe(1, "erasure keeps the events; only their personal data becomes unreadable");
            var registered = (PersonRegistered)events.Single().Data;
            registered.GivenName.ShouldBe(PersonalDataValues.Erased);
            registered.DateOfBirth.ShouldBeNull();
            registered.Country.ShouldBe("NG");
            (await session.LoadAsync<PersonFile>(caseId))!.GivenName.ShouldBe(PersonalDataValues.Erased);
            var tombstone = (await session.LoadAsync<CaseDataKey>(caseId))!;
            tombstone.WrappedKey.ShouldBeNull();
            tombstone.DestroyedBy.ShouldBe("dpo-1");
        }

        (await NameIndexColumnAsync(caseId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_key_ring_events_read_sealed_as_a_subscription_sees_them()
    {
        var caseId = Guid.CreateVersion7();
        using (PersonalDataScope.Begin())
        {
            await using var session = store.LightweightSession();
            await keys.CreateForAsync(session, caseId, CancellationToken.None);
            session.Events.StartStream(caseId, new PersonRegistered(caseId, GivenName, DateOnly.Parse(BirthDate), "NG"));
            await session.SaveChangesAsync();
        }

        await using var reader = store.QuerySession();
        var registered = (PersonRegistered)(await reader.Events.FetchStreamAsync(caseId)).Single().Data;

        registered.GivenName.ShouldBe(PersonalDataValues.Sealed);
        registered.Country.ShouldBe("NG");
    }

    [Fact]
    public async Task Personal_data_is_never_written_outside_a_scope()
    {
        var caseId = Guid.CreateVersion7();
        await using var session = store.LightweightSession();
        session.Events.StartStream(caseId, new PersonRegistered(caseId, GivenName, null, "NG"));

        await Should.ThrowAsync<Exception>(() => session.SaveChangesAsync());

        (await AllRowsAsync()).ShouldNotContain(row => row.Contains(GivenName, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Personal_data_of_two_cases_is_never_saved_in_one_session()
    {
        var first = Guid.CreateVersion7();
        var second = Guid.CreateVersion7();
        using var scope = PersonalDataScope.Begin();
        await using var session = store.LightweightSession();
        await keys.CreateForAsync(session, second, CancellationToken.None);
        await keys.CreateForAsync(session, first, CancellationToken.None);
        session.Events.StartStream(first, new PersonRegistered(first, GivenName, null, "NG"));
        session.Events.StartStream(second, new PersonRegistered(second, "Other", null, "NG"));

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => session.SaveChangesAsync());

        refused.Message.ShouldContain(second.ToString());
    }

    [Fact]
    public void Types_holding_personal_data_are_recognised_through_nesting_and_collections()
    {
        PersonalDataTypes.Hold(typeof(PersonRegistered)).ShouldBeTrue();
        PersonalDataTypes.Hold(typeof(Guardian)).ShouldBeTrue();
        PersonalDataTypes.Hold(typeof(GuardianChanged)).ShouldBeTrue();
        PersonalDataTypes.Hold(typeof(CaseDataKey)).ShouldBeFalse();
    }

    /// <summary>Every row of every table in the test's schema, as text.</summary>
    private async Task<List<string>> AllRowsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = @schema", connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.ShouldContain("mt_events");
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"select t::text from {schema}.\"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        return rows;
    }

    private async Task<int[]> NameIndexColumnAsync(Guid caseId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand($"select name_index from {schema}.mt_doc_personfile where id = @id", connection);
        select.Parameters.AddWithValue("id", caseId);
        return (int[])(await select.ExecuteScalarAsync())!;
    }
}
