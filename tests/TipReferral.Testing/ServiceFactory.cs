using TipReferral.ServiceDefaults.EventStore;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TipReferral.ServiceDefaults.Access;
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
        GrpcPort = LoopbackPorts.Free();
        HttpPort = LoopbackPorts.Free();
        UseKestrel();
    }

    public string ServiceName { get; }
    public string Schema { get; }
    public string EntityPrefix { get; }
    public int GrpcPort { get; }
    public int HttpPort { get; }
    public string PostgresConnectionString { get; private set; } = "";
    public Uri RabbitMqUri { get; private set; } = new("amqp://127.0.0.1/");

    /// <summary>The identity provider whose tokens the service accepts (shared by the whole test process).</summary>
    public TestIdentityProvider IdentityProvider { get; private set; } = null!;

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
        (var server, RabbitMqUri) = await TestInfrastructure.GetAsync();
        // A database of its own, as each service has in production: Marten's high-water detection
        // counts every open transaction of its database, another service's daemon lock included.
        PostgresConnectionString = await TestDatabases.CreateAsync(server, Schema);
        IdentityProvider = await TestIdentityProvider.GetAsync();
        StartServer();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (PostgresConnectionString.Length > 0)
        {
            await TestDatabases.DropAsync(PostgresConnectionString);
        }

        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>A gRPC channel whose every call carries a real token for <paramref name="user"/> from the identity provider.</summary>
    public GrpcChannel ChannelFor(DemoUser user) => Channel(new BearerTokenHandler(async () => await IdentityProvider.TokenForAsync(user)));

    /// <summary>
    /// Calls as <paramref name="user"/>, stating <paramref name="purpose"/> in the x-purpose header
    /// when given: every read of personal data needs one. A version-less command refused as
    /// Aborted is sent again, as its user would (<see cref="VersionlessConflictRetry"/>).
    /// </summary>
    public CallInvoker InvokerFor(DemoUser user, string? purpose) =>
        (purpose is null
            ? ChannelFor(user).CreateCallInvoker()
            : ChannelFor(user).Intercept(headers =>
            {
                headers.Add(AccessInterceptor.PurposeHeader, purpose);
                return headers;
            }))
        .Intercept(new VersionlessConflictRetry());

    /// <summary>A client of any of the service's gRPC services for <paramref name="user"/>, stating <paramref name="purpose"/>.</summary>
    public TClient ClientFor<TClient>(DemoUser user, string? purpose)
        where TClient : ClientBase<TClient> =>
        (TClient)Activator.CreateInstance(typeof(TClient), InvokerFor(user, purpose))!;

    /// <summary>A gRPC channel whose every call carries <paramref name="token"/> as it is (none when null).</summary>
    public GrpcChannel ChannelWithToken(string? token) =>
        Channel(new BearerTokenHandler(() => Task.FromResult(token)));

    /// <summary>An HTTP/1.1 client for the REST (JSON transcoding) and health endpoints, with a real token for <paramref name="user"/>.</summary>
    public HttpClient RestClientFor(DemoUser user) =>
        new(new BearerTokenHandler(async () => await IdentityProvider.TokenForAsync(user))) { BaseAddress = HttpAddress };

    private GrpcChannel Channel(BearerTokenHandler handler)
    {
        var http = new HttpClient(handler) { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        return GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { HttpClient = http, DisposeHttpClient = true, MaxReceiveMessageSize = CaseHistoryReader.MaxMessageBytes });
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
            ["RabbitMq:TemporaryQueues"] = "true",
            ["Auth:Authority"] = IdentityProvider.Issuer.ToString(),
            ["Auth:RequireHttpsMetadata"] = "false",
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
}

/// <summary>Puts a bearer token, fetched when the request is sent, on every request.</summary>
internal sealed class BearerTokenHandler(Func<Task<string?>> token) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (await token().ConfigureAwait(false) is { } value)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", value);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Free loopback ports for the services under test, drawn below the kernel's ephemeral range:
/// a port the kernel handed out (port 0) and released could be taken again by any outgoing
/// connection (to PostgreSQL, RabbitMQ, the identity provider) before Kestrel binds it. A port
/// handed out and never bound is a service that is down: nothing answers there.
/// </summary>
public static class LoopbackPorts
{
    private const int First = 20000;
    private const int Count = 12000;
    private static readonly HashSet<int> HandedOut = [];

    public static int Free()
    {
        lock (HandedOut)
        {
            while (true)
            {
                var port = First + Random.Shared.Next(Count);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
