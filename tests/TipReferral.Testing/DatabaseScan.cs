using Npgsql;

namespace TipReferral.Testing;

/// <summary>Reads the database as an attacker with a dump would: every row of every table in every schema, as text.</summary>
public static class DatabaseScan
{
    /// <summary>Where each secret occurs ("secret in schema.table"); <paramref name="schema"/> must be among the tables seen, or the scan proves nothing.</summary>
    public static async Task<List<string>> FindAsync(string connectionString, string schema, IEnumerable<string> secrets)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables " +
            "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (!tables.Any(table => table.StartsWith(schema + ".", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"No table of schema {schema} was found; the scan would prove nothing.");
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            foreach (var secret in secrets)
            {
                await using var scan = new NpgsqlCommand($"select count(*) from {table} t where t::text ilike '%' || @secret || '%'", connection);
                scan.Parameters.AddWithValue("secret", secret);
                try
                {
                    if ((long)(await scan.ExecuteScalarAsync())! > 0)
                    {
                        found.Add($"{secret} in {table}");
                    }
                }
                catch (PostgresException gone) when (gone.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName
                    && !table.StartsWith(schema + ".", StringComparison.Ordinal))
                {
                    // Another test process dropped its own schema since the list was read: nothing of this service was in it.
                    break;
                }
            }
        }

        return found;
    }
}
