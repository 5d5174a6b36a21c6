using TipReferral.ServiceDefaults.EventStore;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using TipReferral.Contracts.Common.V1;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

/// <summary>
/// One service whose GetCaseHistory is part of the whole case's trail, configured as
/// <c>CaseHistorySources:&lt;service name&gt;:Address</c> and <c>…:GrpcService</c>: a new service joins
/// the trail with one configuration entry, no code.
/// </summary>
public sealed class CaseHistorySourceOptions
{
    public const string Section = "CaseHistorySources";

    /// <summary>The service's gRPC (HTTP/2) endpoint, e.g. http://127.0.0.1:5201.</summary>
    public string Address { get; set; } = "";

    /// <summary>The full name of the gRPC service holding its GetCaseHistory, e.g. tipreferral.shelter.v1.ShelterCases.</summary>
    public string GrpcService { get; set; } = "";
}

/// <summary>A configured source: its name (as its entries carry it), where it is, and the one method it is asked.</summary>
public sealed partial record CaseHistorySource(string Service, Uri Address, Method<CaseHistoryRequest, CaseHistory> GetCaseHistory)
{
    public const string MethodName = "GetCaseHistory";

    private static readonly Marshaller<CaseHistoryRequest> RequestMarshaller =
        Marshallers.Create(request => request.ToByteArray(), CaseHistoryRequest.Parser.ParseFrom);

    private static readonly Marshaller<CaseHistory> HistoryMarshaller =
        Marshallers.Create(history => history.ToByteArray(), CaseHistory.Parser.ParseFrom);

    /// <summary>
    /// Every configured source. A source that cannot be called as configured stops the service
    /// from starting: otherwise the trail would look complete without it.
    /// </summary>
    public static IReadOnlyList<CaseHistorySource> FromConfiguration(IConfiguration configuration) =>
    [
        .. configuration.GetSection(CaseHistorySourceOptions.Section).GetChildren().Select(section =>
        {
            var options = section.Get<CaseHistorySourceOptions>() ?? new CaseHistorySourceOptions();
            var key = $"{CaseHistorySourceOptions.Section}:{section.Key}";
            if (string.Equals(section.Key, IdentificationModule.ServiceName, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{key}: this service's own history is always the first part; it is not a source.");
            }

            if (!Uri.TryCreate(options.Address, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"{key}:Address must be the service's gRPC endpoint (http:// or https://), not \"{options.Address}\".");
            }

            if (!ProtoFullName().IsMatch(options.GrpcService))
            {
                throw new InvalidOperationException(
                    $"{key}:GrpcService must be the full name of the gRPC service holding {MethodName} (e.g. tipreferral.shelter.v1.ShelterCases), not \"{options.GrpcService}\".");
            }

            // One Method per source for the process's lifetime: a gRPC channel caches per Method instance.
            return new CaseHistorySource(
                section.Key, address, new Method<CaseHistoryRequest, CaseHistory>(MethodType.Unary, options.GrpcService, MethodName, RequestMarshaller, HistoryMarshaller));
        }),
    ];

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")]
    private static partial Regex ProtoFullName();
}

/// <summary>One source's part of the whole history: how it answered, and its entries when it did.</summary>
public sealed record SourceAnswer(Proto.HistorySource Source, IReadOnlyList<HistoryEntry> Entries)
{
    public static SourceAnswer Included(string service, IReadOnlyList<HistoryEntry> entries) =>
        new(new Proto.HistorySource { Service = service, State = Proto.HistorySourceState.Included }, entries);

    public static SourceAnswer Without(string service, Proto.HistorySourceState state, string detail) =>
        new(new Proto.HistorySource { Service = service, State = state, Detail = detail }, []);
}

/// <summary>A client for any service's GetCaseHistory: the client factory hands out clients of a ClientBase type.</summary>
public sealed class CaseHistoryClient : ClientBase<CaseHistoryClient>
{
    public CaseHistoryClient(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    private CaseHistoryClient(ClientBaseConfiguration configuration)
        : base(configuration)
    {
    }

    public AsyncUnaryCall<CaseHistory> GetCaseHistoryAsync(CaseHistorySource source, string caseId, CallOptions options) =>
        CallInvoker.AsyncUnaryCall(source.GetCaseHistory, null, options, new CaseHistoryRequest { CaseId = caseId });

    protected override CaseHistoryClient NewInstance(ClientBaseConfiguration configuration) => new(configuration);
}

/// <summary>
/// Asks every configured source for its part of a case's history on behalf of the caller, and
/// turns each refusal or silence into what the caller is told instead of failing the whole call.
/// </summary>
public sealed class CaseHistorySources(IReadOnlyList<CaseHistorySource> sources, GrpcClientFactory clients, ILogger<CaseHistorySources> logger)
{
    /// <summary>
    /// A short wait: the caller is waiting for the whole trail, and a source that does not answer
    /// within a few seconds is reported as unavailable rather than holding up the others' parts.
    /// </summary>
    private static readonly ResiliencePipeline Patience = new ResiliencePipelineBuilder()
        .AddTimeout(TimeSpan.FromSeconds(5))
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<RpcException>(failed => failed.StatusCode == StatusCode.Unavailable)
                .Handle<TimeoutRejectedException>(),
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(100),
            UseJitter = true,
        })
        .AddTimeout(TimeSpan.FromSeconds(2))
        .Build();

    /// <param name="onBehalfOf">The caller's own token and purpose, so that each source decides for itself what this caller may see.</param>
    public Task<SourceAnswer[]> AskAllAsync(string caseId, Metadata onBehalfOf, CancellationToken cancellationToken) =>
        Task.WhenAll(sources.Select(source => AskAsync(source, caseId, onBehalfOf, cancellationToken)));

    private async Task<SourceAnswer> AskAsync(CaseHistorySource source, string caseId, Metadata onBehalfOf, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient<CaseHistoryClient>(source.Service);
        try
        {
            var history = await Patience.ExecuteAsync(
                async attempt => await client.GetCaseHistoryAsync(source, caseId, new CallOptions(onBehalfOf, cancellationToken: attempt)),
                cancellationToken);
            return SourceAnswer.Included(source.Service, history.Entries);
        }
        catch (RpcException refused) when (refused.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            return SourceAnswer.Without(source.Service, Proto.HistorySourceState.Denied, refused.Status.Detail);
        }
        catch (RpcException unknown) when (unknown.StatusCode == StatusCode.NotFound)
        {
            return SourceAnswer.Without(source.Service, Proto.HistorySourceState.NotFound, $"{source.Service} has no record of the case.");
        }
        catch (Exception failed) when (!cancellationToken.IsCancellationRequested)
        {
            // The caller learns that the part is missing, not where the service runs or how it failed.
            logger.LogWarning(failed, "The history of case {CaseId} from {Service} at {Address} did not arrive", caseId, source.Service, source.Address);
            var status = failed is RpcException rpc ? rpc.StatusCode.ToString() : "no answer in time";
            return SourceAnswer.Without(source.Service, Proto.HistorySourceState.Unavailable, $"{source.Service} did not answer ({status}); ask again later.");
        }
    }
}

public static class CaseHistorySourcesRegistration
{
    /// <summary>A gRPC client per configured source, and the service that asks them.</summary>
    public static WebApplicationBuilder AddCaseHistorySources(this WebApplicationBuilder builder)
    {
        var sources = CaseHistorySource.FromConfiguration(builder.Configuration);
        foreach (var source in sources)
        {
            builder.Services.AddGrpcClient<CaseHistoryClient>(source.Service, client => client.Address = source.Address)
                // Polly's timeouts recognise their own cancellation only as OperationCanceledException.
                .ConfigureChannel(channel =>
                {
                    channel.ThrowOperationCanceledOnCancellation = true;
                    channel.MaxReceiveMessageSize = CaseHistoryReader.MaxMessageBytes;
                });
        }

        builder.Services.AddScoped(services => new CaseHistorySources(
            sources, services.GetRequiredService<GrpcClientFactory>(), services.GetRequiredService<ILogger<CaseHistorySources>>()));
        return builder;
    }
}
