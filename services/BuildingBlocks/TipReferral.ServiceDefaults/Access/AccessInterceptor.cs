using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using TipReferral.ServiceDefaults.Security;

namespace TipReferral.ServiceDefaults.Access;

/// <summary>
/// Enforces each RPC's declared <see cref="AccessAttribute"/> before anything else runs,
/// records every denial, requires a stated purpose for reads of personal data, and records
/// each case whose personal data the response revealed.
/// </summary>
public sealed class AccessInterceptor(ICallerAccessor callers, CaseAccess access, AccessAudit audit) : Interceptor
{
    public const string PurposeHeader = "x-purpose";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var caller = callers.Current
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "A token with sub, role, agency and country claims is required."));
        var operation = context.Method[(context.Method.LastIndexOf('/') + 1)..];
        var policy = context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<AccessAttribute>();
        var purpose = context.RequestHeaders.GetValue(PurposeHeader)?.Trim() ?? "";
        access.Begin(caller, policy, operation, purpose);

        try
        {
            // An RPC nobody declared a policy for is refused to everyone (fail closed).
            if (policy is null)
            {
                throw new AccessDeniedException(AccessDeniedException.NoPolicyRule, $"{operation} has no access policy; nobody may call it.", CaseIdOf(request));
            }

            if (!policy.Allows(caller.Role))
            {
                throw new AccessDeniedException(AccessDeniedException.RoleNotPermittedRule, $"The role {caller.Role} may not {operation}.", CaseIdOf(request));
            }

            if (policy.ReadsPersonalData && purpose.Length == 0)
            {
                throw new FluentValidation.ValidationException(
                    [new FluentValidation.Results.ValidationFailure(PurposeHeader, $"state why you read personal data in the '{PurposeHeader}' header")]);
            }

            var response = await continuation(request, context);
            if (policy.ReadsPersonalData)
            {
                await audit.RecordAsync(access, access.Viewed.Select(id => ((Guid?)id, access.CountryOf(id))), AccessOutcome.Allowed, denialReason: null);
            }

            return response;
        }
        catch (AccessDeniedException denied)
        {
            await audit.RecordAsync(access, [(denied.CaseId, denied.CaseId is { } id ? access.CountryOf(id) : null)], AccessOutcome.Denied, denied.Rule);
            throw;
        }
    }

    /// <summary>The case a request names in its "case_id" field, for the record of a denial.</summary>
    private static Guid? CaseIdOf<TRequest>(TRequest request) =>
        request is IMessage message
        && message.Descriptor.FindFieldByName("case_id")?.Accessor.GetValue(message) is string text
        && Guid.TryParse(text, out var id)
            ? id
            : null;
}
