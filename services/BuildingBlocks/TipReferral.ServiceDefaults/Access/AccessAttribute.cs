using TipReferral.Domain;

namespace TipReferral.ServiceDefaults.Access;

/// <summary>Which cases a permitted role reaches.</summary>
public enum AccessScope
{
    /// <summary>Only cases (and requests) of the caller's own country.</summary>
    OwnCountry,

    /// <summary>Any country: for what is no case's content, such as the directory of counterparts abroad.</summary>
    AnyCountry,
}

/// <summary>
/// The access policy of one RPC, declared on its handler in the slice: the roles that may
/// call it, the cases they reach, and whether it reveals personal data (then every read is
/// recorded with the stated purpose). An RPC without one is refused to everybody, and the
/// host refuses to start (see <see cref="AccessPolicies"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AccessAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles.Length > 0 && roles.All(TipReferral.Domain.Roles.IsKnown)
        ? roles
        : throw new ArgumentException($"An access policy names one or more of: {string.Join(", ", TipReferral.Domain.Roles.All)}.", nameof(roles));

    public AccessScope Scope { get; init; } = AccessScope.OwnCountry;

    /// <summary>The RPC returns a person's personal data: the caller must state a purpose and the read is recorded.</summary>
    public bool ReadsPersonalData { get; init; }

    public bool Allows(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>Whether the policy lets <paramref name="role"/> reach a case of its own country, or of another.</summary>
    public bool Allows(string role, bool ownCountry) => Allows(role) && (ownCountry || Scope != AccessScope.OwnCountry);
}

/// <summary>The caller may not do this; raised by the access check and mapped to PermissionDenied.</summary>
public sealed class AccessDeniedException(string rule, string message, Guid? caseId = null) : Exception(message)
{
    public const string RoleNotPermittedRule = "role-not-permitted";
    public const string OtherCountryRule = "other-country";
    public const string NoPolicyRule = "no-access-policy";

    public string Rule { get; } = rule;
    public Guid? CaseId { get; } = caseId;
}
