using TipReferral.ServiceDefaults.EventStore;
using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using TipReferral.Identification;
using TipReferral.Legal;
using TipReferral.Repatriation;
using TipReferral.Shelter;
using TipReferral.Testing;

namespace TipReferral.LoadTests.Hosting;

/// <summary>
/// The four services, each in its own process with its own database on the local PostgreSQL, on
/// the local RabbitMQ under an entity prefix of their own, validating real tokens from the
/// development identity provider (served from this process). Everything is removed afterwards.
/// </summary>
public sealed class SystemUnderLoad : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(Uri, string, string?), CallInvoker> invokers = new();
    private readonly List<ServiceProcess> processes;
    private readonly TestIdentityProvider identity;

    private SystemUnderLoad(TestIdentityProvider identity, List<ServiceProcess> processes, string server, Uri rabbitMq, string logDirectory)
    {
        this.identity = identity;
        this.processes = processes;
        PostgresServer = server;
        RabbitMq = rabbitMq;
        LogDirectory = logDirectory;
    }

    public ServiceProcess Identification => Named(IdentificationModule.ServiceName);

    public ServiceProcess Shelter => Named(ShelterModule.ServiceName);

    public ServiceProcess Legal => Named(LegalModule.ServiceName);

    public ServiceProcess Repatriation => Named(RepatriationModule.ServiceName);

    public IReadOnlyList<ServiceProcess> Services => processes;

    private ServiceProcess Named(string name) => processes.Single(process => process.Name == name);

    public string PostgresServer { get; }

    public Uri RabbitMq { get; }

    public Uri Authority => identity.Issuer;

    public string LogDirectory { get; }

    public Task<string> TokenForAsync(DemoUser user) => identity.TokenForAsync(user);

    /// <param name="temporaryQueues">Auto-deleted, non-durable queues: for the smoke run, which must leave nothing on the broker.</param>
    public static async Task<SystemUnderLoad> StartAsync(bool temporaryQueues)
    {
        var (server, rabbitMq) = await TestInfrastructure.GetAsync();
        var identity = await TestIdentityProvider.GetAsync();
        var run = TestInfrastructure.UniqueName("load");
        var logDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), run)).FullName;
        var shared = new Dictionary<string, string>
        {
            // As the demo system runs (deploy/start-system.sh): its settings hold the development signing keys of each country.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Marten__DaemonMode"] = "HotCold",
            ["RabbitMq__Uri"] = rabbitMq.ToString(),
            ["RabbitMq__EntityPrefix"] = run,
            ["RabbitMq__TemporaryQueues"] = temporaryQueues ? "true" : "false",
            ["Auth__Authority"] = identity.Issuer.ToString(),
            ["Auth__RequireHttpsMetadata"] = "false",
            ["Search__NameIndexKey"] = "load-benchmark-only-name-index-key-0123456789-0123456789",
            ["PersonalData__KeyEncryptionKey"] = ServiceFactory<object>.TestKeyEncryptionKey,
            ["PersonalData__KeyEncryptionKeyId"] = "load-kek-1",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        var started = new List<ServiceProcess>();
        try
        {
            foreach (var (name, project) in new[]
            {
                (ShelterModule.ServiceName, "services/Shelter/TipReferral.Shelter"),
                (LegalModule.ServiceName, "services/Legal/TipReferral.Legal"),
                (RepatriationModule.ServiceName, "services/Repatriation/TipReferral.Repatriation"),
                (IdentificationModule.ServiceName, "services/Identification/TipReferral.Identification"),
            })
            {
                var database = await TestDatabases.CreateAsync(server, $"{run}_{name.Replace('-', '_')}");
                var settings = new Dictionary<string, string>(shared);
                if (name == IdentificationModule.ServiceName)
                {
                    // The whole-case history asks the other three; their addresses are known only once they run, so they start first below.
                    foreach (var other in started)
                    {
                        settings[$"CaseHistorySources__{other.Name}__Address"] = other.GrpcAddress.ToString();
                    }
                }

                started.Add(ServiceProcess.Start(name, project, database, settings, logDirectory));
            }

            await Task.WhenAll(started.Select(service => service.WaitUntilReadyAsync(TimeSpan.FromMinutes(3))));
            return new SystemUnderLoad(identity, started, server, rabbitMq, logDirectory);
        }
        catch
        {
            foreach (var service in started)
            {
                await service.DisposeAsync();
                await TestDatabases.DropAsync(service.Database);
            }

            throw;
        }
    }

    /// <summary>A client of <paramref name="service"/> acting as <paramref name="user"/>, stating <paramref name="purpose"/> on every call.</summary>
    public TClient Client<TClient>(ServiceProcess service, DemoUser user, string? purpose = "Load benchmark")
        where TClient : ClientBase<TClient> =>
        (TClient)Activator.CreateInstance(typeof(TClient), invokers.GetOrAdd((service.GrpcAddress, user.Username, purpose), key => Invoker(key.Item1, user, purpose)))!;

    public async ValueTask DisposeAsync()
    {
        foreach (var service in processes)
        {
            await service.DisposeAsync();
            await TestDatabases.DropAsync(service.Database);
        }
    }

    private CallInvoker Invoker(Uri address, DemoUser user, string? purpose)
    {
        var handler = new HeadersHandler(async request =>
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await identity.TokenForAsync(user));
            if (purpose is not null)
            {
                request.Headers.Add(ServiceDefaults.Access.AccessInterceptor.PurposeHeader, purpose);
            }
        });
        var http = new HttpClient(handler) { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpClient = http, DisposeHttpClient = true, MaxReceiveMessageSize = CaseHistoryReader.MaxMessageBytes }).CreateCallInvoker();
    }

    private sealed class HeadersHandler(Func<HttpRequestMessage, Task> stamp)
        : DelegatingHandler(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await stamp(request);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
