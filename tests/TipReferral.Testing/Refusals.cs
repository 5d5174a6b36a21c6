using Google.Rpc;
using Grpc.Core;

namespace TipReferral.Testing;

public static class Refusals
{
    /// <summary>
    /// The rule a refusal names: a broken rule's precondition violation, or a denial's reason. A
    /// test tells one FailedPrecondition (or PermissionDenied) from another by it.
    /// </summary>
    public static string? RuleOf(RpcException refused)
    {
        var status = refused.GetRpcStatus();
        return status?.GetDetail<PreconditionFailure>()?.Violations.FirstOrDefault()?.Subject ?? status?.GetDetail<ErrorInfo>()?.Reason;
    }
}
