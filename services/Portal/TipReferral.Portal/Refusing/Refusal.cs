using Google.Rpc;
using Grpc.Core;

namespace TipReferral.Portal.Refusing;

/// <summary>What a service's refusal means to the person who asked, in the portal's words.</summary>
public enum RefusalKind
{
    /// <summary>InvalidArgument: one or more fields, each shown next to its input.</summary>
    InvalidInput,

    /// <summary>FailedPrecondition: a rule of the domain forbids it; the rule is explained in plain words.</summary>
    RuleBroken,

    /// <summary>Aborted: someone else changed the case meanwhile; reload and try again.</summary>
    Conflict,

    /// <summary>PermissionDenied or NotFound: said the same way, so a refusal never tells whether a case exists.</summary>
    NotAllowed,

    /// <summary>Unavailable or DeadlineExceeded: the service did not answer; nothing was done.</summary>
    Unavailable,

    /// <summary>Unauthenticated: the session ended; sign in again.</summary>
    SignInAgain,

    /// <summary>Anything else: a fault of the system, not of the person.</summary>
    Fault,
}

/// <summary>A refusal: its kind, the rule it names (if any), and the fields it names (proto paths).</summary>
public sealed record Refusal(RefusalKind Kind, string? Rule, string Detail, IReadOnlyList<FieldProblem> Fields)
{
    public static Refusal From(RpcException exception)
    {
        var status = exception.GetRpcStatus();
        var kind = exception.StatusCode switch
        {
            StatusCode.InvalidArgument => RefusalKind.InvalidInput,
            StatusCode.FailedPrecondition => RefusalKind.RuleBroken,
            StatusCode.Aborted => RefusalKind.Conflict,
            StatusCode.PermissionDenied or StatusCode.NotFound => RefusalKind.NotAllowed,
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => RefusalKind.Unavailable,
            StatusCode.Unauthenticated => RefusalKind.SignInAgain,
            _ => RefusalKind.Fault,
        };
        var fields = status?.GetDetail<BadRequest>()?.FieldViolations.Select(violation => new FieldProblem(violation.Field, violation.Description)).ToList() ?? [];
        var rule = status?.GetDetail<PreconditionFailure>()?.Violations.FirstOrDefault()?.Subject ?? status?.GetDetail<ErrorInfo>()?.Reason;
        // A denial's own wording may say whether the case exists: only a rule's detail is shown.
        var detail = kind == RefusalKind.RuleBroken ? exception.Status.Detail : "";
        return new Refusal(kind, rule, detail, fields);
    }
}

/// <summary>A field a service named as invalid: its proto path (person.date_of_birth) and why.</summary>
public sealed record FieldProblem(string Field, string Description);
