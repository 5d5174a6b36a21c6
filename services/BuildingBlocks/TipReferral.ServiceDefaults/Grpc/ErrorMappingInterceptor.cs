using System.Text;
using FluentValidation;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using JasperFx;
using JasperFx.Events;
using Microsoft.Extensions.Logging;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;

namespace TipReferral.ServiceDefaults.Grpc;

/// <summary>
/// The one place where failures become gRPC statuses. A caller's mistake is never
/// Internal: bad fields are InvalidArgument naming each field, a broken rule is
/// FailedPrecondition naming the rule, a stale expected version is Aborted. Statuses also
/// carry google.rpc rich details (BadRequest, PreconditionFailure) for programs.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException && Map(exception) is { } status)
        {
            logger.LogInformation("{Method} refused: {Code} {Message}", context.Method, status.Code, status.Message);
            throw status.ToRpcException();
        }
        catch (Exception exception) when (exception is not RpcException and not OperationCanceledException)
        {
            // A fault of ours, not the caller's: logged in full, answered without internals.
            var traceId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.GetHttpContext().TraceIdentifier;
            logger.LogError(exception, "{Method} failed unexpectedly (trace {TraceId})", context.Method, traceId);
            throw new RpcException(new global::Grpc.Core.Status(StatusCode.Internal, $"An unexpected error occurred; it was logged under trace id {traceId}."));
        }
    }

    public static Google.Rpc.Status? Map(Exception exception) => exception switch
    {
        ValidationException validation => InvalidArgument(validation),
        RuleViolationException rule => new Google.Rpc.Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = $"Rule '{rule.Rule}' forbids this: {rule.Message}",
            Details =
            {
                Google.Protobuf.WellKnownTypes.Any.Pack(new PreconditionFailure
                {
                    Violations = { new PreconditionFailure.Types.Violation { Type = "RULE", Subject = rule.Rule, Description = rule.Message } },
                }),
            },
        },
        AccessDeniedException denied => new Google.Rpc.Status
        {
            Code = (int)Code.PermissionDenied,
            Message = denied.Message,
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new ErrorInfo { Reason = denied.Rule, Domain = "tipreferral" }) },
        },
        NotFoundException notFound => new Google.Rpc.Status
        {
            Code = (int)Code.NotFound,
            Message = notFound.Message,
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new ResourceInfo { ResourceType = notFound.What, ResourceName = notFound.Id }) },
        },
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException
            or ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException => new Google.Rpc.Status
            {
                Code = (int)Code.Aborted,
                Message = "It was changed by someone else since the version this request was based on; read it again and retry.",
            },
        _ => null,
    };

    private static Google.Rpc.Status InvalidArgument(ValidationException validation)
    {
        var badRequest = new BadRequest();
        var message = new StringBuilder("Invalid request:");
        foreach (var failure in validation.Errors)
        {
            var field = FieldPath.ToProtoPath(failure.PropertyName);
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = failure.ErrorMessage });
            message.Append(' ').Append(field).Append(": ").Append(failure.ErrorMessage).Append(';');
        }

        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = message.ToString().TrimEnd(';'),
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        };
    }
}
