using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TipReferral.Domain;
using Xunit;

namespace TipReferral.Testing;

/// <summary>
/// One service running on real Kestrel (gRPC on HTTP/2, REST and health on HTTP/1.1) against
/// the real PostgreSQL and RabbitMQ, isolated from every other fixture by its own Marten
/// schema and its own broker entity prefix.
/// </summary>
public class ServiceFactory<TProgram> : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
{
    /// <summary>Base64 of "test-only-personal-data-kek-0001": wraps the tests' case keys, never a real one.</summary>
    public const string TestKeyEncryptionKey = "dGVzdC1vbmx5LXBlcnNvbmFsLWRhdGEta2VrLTAwMDE=";

    private readonly Dictionary<string, string?> settings = [];
    private readonly List<Action<IServiceCollection>> serviceOverrides = [];

    public ServiceFactory(string serviceName, TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        ServiceName = serviceName;
        Schema = TestInfrastructure.UniqueName(serviceName.Replace('-', '_'));
        EntityPrefix = TestInfrastructure.UniqueName("t");
        GrpcPort = FreeLoopbackPort();
        HttpPort = FreeLoopbackPort();
        UseKestrel();
    }

    public string ServiceName { get; }
    public string Schema { get; }
    public string EntityPrefix { get; }
    public int GrpcPort { get; }
    public int HttpPort { get; }
    public string PostgresConnectionString { get; private set; } = "";
    public Uri RabbitMqUri { get; private set; } = new("amqp://127.0.0.1/");

    /// <summary>The service's clock: a test that must move time gives a FakeTimeProvider.</summary>
    public TimeProvider Clock { get; }

    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");
    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>Extra configuration, set before the server starts.</summary>
    public ServiceFactory<TProgram> WithSetting(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>Replaces services after the service registered its own, before the server starts.</summary>
    public ServiceFactory<TProgram> WithServices(Action<IServiceCollection> configure)
    {
        serviceOverrides.Add(configure);
        return this;
    }

    public virtual async Task InitializeAsync()
    {
        (PostgresConnectionString, RabbitMqUri) = await TestInfrastructure.GetAsync();
        StartServer();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>A gRPC channel whose every call carries a token for <paramref name="caller"/>.</summary>
    public GrpcChannel ChannelFor(Caller caller) => ChannelWithToken(TestTokens.For(caller));

    public GrpcChannel ChannelWithToken(string? token)
    {
        var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { HttpClient = http, DisposeHttpClient = true });
    }

    /// <summary>An HTTP/1.1 client for the REST (JSON transcoding) and health endpoints.</summary>
    public HttpClient RestClientFor(Caller caller)
    {
        var http = new HttpClient { BaseAddress = HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(caller));
        return http;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads configuration while it builds,
        // before configuration callbacks of the factory would run.
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = PostgresConnectionString,
            ["Marten:Schema"] = Schema,
            ["Marten:DaemonMode"] = "HotCold",
            ["RabbitMq:Uri"] = RabbitMqUri.ToString(),
            ["RabbitMq:EntityPrefix"] = EntityPrefix,
            ["Auth:SigningKey"] = TestTokens.SigningKey,
            ["Search:NameIndexKey"] = "test-only-name-index-key-0123456789-0123456789",
            ["PersonalData:KeyEncryptionKey"] = TestKeyEncryptionKey,
            ["PersonalData:KeyEncryptionKeyId"] = "test-kek-1",
            ["Kestrel:Endpoints:Grpc:Url"] = GrpcAddress.ToString(),
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Http:Url"] = HttpAddress.ToString(),
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
        };
        foreach (var (key, value) in configuration.Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            foreach (var configure in serviceOverrides)
            {
                configure(services);
            }
        });
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
