using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using TipReferral.Deploy.Tests.ComposeFile;

namespace TipReferral.Deploy.Tests.Databases;

/// <summary>
/// Every service that stores events has a PostgreSQL database of its own, wherever the system is
/// started. Marten's async daemon holds its progress behind a gap in the event sequence while any
/// transaction of its database that began before the gap is open; a leading daemon keeps one
/// open, so services sharing a database delayed each other's projections and outbox.
/// </summary>
public sealed partial class DatabasePerServiceTests
{
    private static readonly string[] StoringServices = ["Identification", "Shelter", "Legal", "Repatriation"];

    [Fact]
    public void In_compose_each_service_connects_to_its_own_database_which_postgres_creates()
    {
        var stack = ComposeStack.Load(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));
        var databases = stack.ApplicationServices
            .SelectMany(service => service.Environment.Where(variable => variable.Name == "ConnectionStrings__Postgres").Select(variable => (service.Name, Database: DatabaseOf(variable.Value!))))
            .ToList();

        databases.Select(entry => entry.Name).ShouldBe(["identification", "shelter", "legal", "repatriation"], ignoreOrder: true);
        databases.Select(entry => entry.Database).Distinct().Count().ShouldBe(databases.Count, string.Join(", ", databases));
        var created = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "deploy/postgres/initdb"), "*.sql")
            .SelectMany(file => CreateDatabase().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value))
            .ToList();
        created.ShouldBe(databases.Select(entry => entry.Database), ignoreOrder: true);
        stack.Service("postgres").Volumes.ShouldContain(volume => volume.StartsWith("./deploy/postgres/initdb:/docker-entrypoint-initdb.d", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_docker_each_service_connects_to_its_own_database_which_the_infrastructure_creates()
    {
        var startSystem = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy/start-system.sh"));
        var started = ServiceRow().Matches(startSystem).Where(row => row.Groups["database"].Value.Length > 0)
            .ToDictionary(row => row.Groups["project"].Value, row => row.Groups["database"].Value);
        var created = ServiceDatabases().Match(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy/infra/env.sh"))).Groups[1].Value.Split(' ');

        foreach (var service in StoringServices)
        {
            var project = $"services/{service}/TipReferral.{service}";
            started.ShouldContainKey(project);
            using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, project, "appsettings.Development.json")));
            DatabaseOf(settings.RootElement.GetProperty("ConnectionStrings").GetProperty("Postgres").GetString()!)
                .ShouldBe(started[project], $"{project}: its development settings and deploy/start-system.sh name different databases");
        }

        started.Values.Distinct().Count().ShouldBe(StoringServices.Length, string.Join(", ", started));
        created.ShouldBe(started.Values, ignoreOrder: true);
    }

    private static string DatabaseOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    [GeneratedRegex(@"CREATE DATABASE (\w+);", RegexOptions.IgnoreCase)]
    private static partial Regex CreateDatabase();

    [GeneratedRegex(@"^\s*""(?<name>[\w-]+)\|(?<project>[^|]+)\|\d+\|\d*\|(?<database>\w*)""", RegexOptions.Multiline)]
    private static partial Regex ServiceRow();

    [GeneratedRegex(@"TIPREFERRAL_PG_SERVICE_DATABASES:=([^}]+)\}")]
    private static partial Regex ServiceDatabases();
}
