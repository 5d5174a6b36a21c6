using Marten;
using Weasel.Postgresql.Tables;

namespace TipReferral.Identification.Cases;

/// <summary>
/// Human-readable case references, consecutive per country and year (NG-2026-000042). The
/// counter row is incremented inside the registering transaction: concurrent registrations
/// in one country queue on its row lock, and a registration that rolls back takes its
/// number with it, so numbers are neither duplicated nor skipped.
/// </summary>
public static class CaseReferences
{
    private const string TableName = "case_reference_counters";

    public static void Register(StoreOptions opts)
    {
        var table = new Table($"{opts.DatabaseSchemaName}.{TableName}");
        table.AddColumn<string>("country").AsPrimaryKey();
        table.AddColumn<int>("year").AsPrimaryKey();
        table.AddColumn<int>("last_number").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(table);
    }

    /// <summary>Takes the next number; the session's transaction must already be open.</summary>
    public static async Task<string> NextAsync(IDocumentSession session, string country, int year, CancellationToken cancellationToken)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var numbers = await session.AdvancedSql.QueryAsync<int>(
            $"""
            insert into {schema}.{TableName} as c (country, year, last_number) values (?, ?, 1)
            on conflict (country, year) do update set last_number = c.last_number + 1
            returning c.last_number
            """,
            cancellationToken, country, year);
        return Format(country, year, numbers.Single());
    }

    public static string Format(string country, int year, int number) => $"{country}-{year}-{number:D6}";
}
