using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace TipReferral.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ the integration tests run against, shared by every test in
/// a run. Environment variables win (deploy/infra/start.sh starts both on loopback and
/// deploy/run-tests.sh exports them); otherwise, where a Docker engine answers, Testcontainers
/// starts them; otherwise the loopback defaults of deploy/infra are assumed.
/// </summary>
public static class TestInfrastructure
{
    public const string PostgresVariable = "TIPREFERRAL_POSTGRES";
    public const string RabbitMqVariable = "TIPREFERRAL_RABBITMQ";

    private const string LoopbackPostgres = "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Database=tipreferral";
    private const string LoopbackRabbitMq = "amqp://guest:guest@127.0.0.1:5672/";

    private static readonly Lazy<Task<(string Postgres, Uri RabbitMq)>> Endpoints = new(ResolveAsync);

    public static Task<(string Postgres, Uri RabbitMq)> GetAsync() => Endpoints.Value;

    private static async Task<(string, Uri)> ResolveAsync()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var rabbitMq = Environment.GetEnvironmentVariable(RabbitMqVariable);
        if (string.IsNullOrEmpty(postgres) && DockerIsAvailable())
        {
            var container = new PostgreSqlBuilder("postgres:15").Build();
            await container.StartAsync();
            postgres = container.GetConnectionString();
        }

        if (string.IsNullOrEmpty(rabbitMq) && DockerIsAvailable())
        {
            var container = new RabbitMqBuilder("rabbitmq:3.13").Build();
            await container.StartAsync();
            rabbitMq = container.GetConnectionString();
        }

        return (postgres ?? LoopbackPostgres, new Uri(rabbitMq ?? LoopbackRabbitMq));
    }

    private static bool DockerIsAvailable() =>
        File.Exists("/var/run/docker.sock") || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST"));

    /// <summary>A name no other test run uses: for schemas and broker entity prefixes.</summary>
    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 40)];
}
