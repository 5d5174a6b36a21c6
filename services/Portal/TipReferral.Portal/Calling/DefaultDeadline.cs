using Grpc.Core;
using Grpc.Core.Interceptors;

namespace TipReferral.Portal.Calling;

/// <summary>
/// Gives every call a deadline unless it has one: a service that hangs then shows the person
/// "did not answer, nothing was saved" within seconds instead of a page that never loads.
/// </summary>
public sealed class DefaultDeadline(TimeSpan timeout) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (context.Options.Deadline is null)
        {
            context = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithDeadline(DateTime.UtcNow.Add(timeout)));
        }

        return continuation(request, context);
    }
}
