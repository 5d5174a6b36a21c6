using FluentValidation;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace TipReferral.ServiceDefaults.Grpc;

/// <summary>
/// Runs the FluentValidation validator registered for a request type, if any, before the
/// handler sees the request: a handler never starts work on input it would have to refuse.
/// </summary>
public sealed class ValidationInterceptor(IServiceProvider services) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (services.GetService<IValidator<TRequest>>() is { } validator)
        {
            await validator.ValidateAndThrowAsync(request, context.CancellationToken);
        }

        return await continuation(request, context);
    }
}
