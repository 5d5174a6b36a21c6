using Npgsql;

namespace TipReferral.Testing;

/// <summary>One PostgreSQL database per service under test, on the run's shared server, dropped with the service.</summary>
public static class TestDatabases
{
    /// <summary>Creates <paramref name="name"/> on the server <paramref name="server"/> points at; the connection string to it.</summary>
    public static async Task<string> CreateAsync(string server, string name)
    {
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name };
        await using var maintenance = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await maintenance.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", maintenance);
        await create.ExecuteNonQueryAsync();
        return database.ConnectionString;
    }

    /// <summary>Drops the database, ending the sessions a stopped service may leave in its pools.</summary>
    public static async Task DropAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await using var maintenance = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await maintenance.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)", maintenance);
        await drop.ExecuteNonQueryAsync();
    }
}
