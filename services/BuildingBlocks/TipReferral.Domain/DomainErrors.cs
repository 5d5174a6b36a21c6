namespace TipReferral.Domain;

/// <summary>
/// A business rule forbids the command in the case's current state. The rule is a stable,
/// machine-readable name (e.g. "guardian-only-for-children") that callers can branch on.
/// </summary>
public sealed class RuleViolationException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}

/// <summary>The command names something that does not exist (or that the caller may not know exists).</summary>
public sealed class NotFoundException(string what, string id) : Exception($"{what} '{id}' was not found.")
{
    public string What { get; } = what;
    public string Id { get; } = id;
}

/// <summary>An event whose rule asked for a reason; the audit trail shows it as the entry's "why".</summary>
public interface IHasReason
{
    string Reason { get; }
}
