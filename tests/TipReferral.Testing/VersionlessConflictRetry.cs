using Grpc.Core;
using Grpc.Core.Interceptors;
using TipReferral.Contracts.Common.V1;

namespace TipReferral.Testing;

/// <summary>
/// Calls as a user does after `Aborted` on a command that named no expected version ("read it
/// again and retry", README "Errors"): a consumer taking in another service's fact may append to
/// the case between the service's read and its commit. A command that named a version is never
/// sent again, so tests of stale versions still see `Aborted`.
/// </summary>
public sealed class VersionlessConflictRetry : Interceptor
{
    private const int Attempts = 5;

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (request is not ICaseCommandRequest { HasExpectedVersion: false })
        {
            return continuation(request, context);
        }

        var response = SendAsync();
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });

        async Task<TResponse> SendAsync()
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await continuation(request, context).ResponseAsync;
                }
                catch (RpcException conflict) when (conflict.StatusCode == StatusCode.Aborted && attempt < Attempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt));
                }
            }
        }
    }
}
