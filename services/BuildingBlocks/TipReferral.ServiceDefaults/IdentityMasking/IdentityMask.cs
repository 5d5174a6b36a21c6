using TipReferral.Domain;

namespace TipReferral.ServiceDefaults.IdentityMasking;

/// <summary>An office whose prosecutors need to know a protected witness's identity.</summary>
public sealed record ProsecutorsOffice(string Country, string Agency);

/// <summary>
/// One protection that stands on a person's identity. Source tells where it came from: a
/// legal-assistance protection id, or <see cref="IdentityMasks.IdentificationSource"/> for the
/// identification service's own protection.
/// </summary>
public sealed record StandingProtection(string Source, string Pseudonym, IReadOnlyList<ProsecutorsOffice> SeenBy, DateTimeOffset Since);

/// <summary>
/// How a protected identity is shown: the one rule every service applies before it shows a
/// person's names or contact data. Several protections may stand at once (one per legal case);
/// they show one pseudonym, the earliest granted, so the person does not appear under a
/// different name from one screen to the next, and every listed office needs to know.
/// </summary>
public sealed class IdentityMask
{
    private IdentityMask(IReadOnlyList<StandingProtection> protections) => Protections = protections;

    public IReadOnlyList<StandingProtection> Protections { get; }

    public string Pseudonym => Protections[0].Pseudonym;

    public IReadOnlyList<ProsecutorsOffice> SeenBy => [.. Protections.SelectMany(p => p.SeenBy).Distinct()];

    /// <summary>The mask of the protections that stand; null when none does.</summary>
    public static IdentityMask? Of(IEnumerable<StandingProtection> protections)
    {
        var standing = protections
            .OrderBy(p => p.Since)
            .ThenBy(p => p.Source, StringComparer.Ordinal)
            .ToList();
        return standing.Count == 0 ? null : new IdentityMask(standing);
    }

    /// <summary>
    /// Whether <paramref name="caller"/> sees the pseudonym rather than the person: everyone does
    /// except the witness-protection authority and the prosecutors of an office the protections list.
    /// </summary>
    public bool HidesIdentityFrom(Caller caller) =>
        caller.Role != Roles.WitnessProtectionAuthority
        && !(caller.Role == Roles.Prosecutor && SeenBy.Contains(new ProsecutorsOffice(caller.Country, caller.Agency)));
}
