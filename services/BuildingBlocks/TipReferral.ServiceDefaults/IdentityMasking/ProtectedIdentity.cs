using System.Text.Json.Serialization;
using Marten;

using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.ServiceDefaults.IdentityMasking;

/// <summary>
/// What one protection's latest message said: granted (with pseudonym and offices) or lifted.
/// A lifted entry is kept as a tombstone, so a grant that arrives after its own lift cannot
/// bring the protection back.
/// </summary>
public sealed record ProtectionEntry(string Source, string Pseudonym, IReadOnlyList<ProsecutorsOffice> SeenBy, DateTimeOffset At, bool Lifted);

/// <summary>
/// A service's own copy of the protections on one person's identity (id = the victim case id),
/// kept from the legal-assistance and identification services' events, so every service masks
/// the same way without asking either of them.
/// </summary>
public sealed record ProtectedIdentity(Guid Id, IReadOnlyList<ProtectionEntry> Entries)
{
    // Derived from the entries: not stored beside them.
    [JsonIgnore]
    public IEnumerable<StandingProtection> Standing =>
        Entries.Where(e => !e.Lifted).Select(e => new StandingProtection(e.Source, e.Pseudonym, e.SeenBy, e.At));

    /// <summary>
    /// Applies a grant or a lift of one source. Messages may arrive late, twice or in any order:
    /// the later one by its own timestamp wins, and at the same instant the lift does.
    /// </summary>
    public ProtectedIdentity Apply(ProtectionEntry message)
    {
        var current = Entries.SingleOrDefault(e => e.Source == message.Source);
        var supersedes = current is null
            || message.At > current.At
            || (message.At == current.At && message.Lifted);
        return supersedes
            ? this with { Entries = [.. Entries.Where(e => e.Source != message.Source), message] }
            : this;
    }
}

public static class IdentityMasks
{
    /// <summary>The source key of the identification service's own protection (one per case).</summary>
    public const string IdentificationSource = "identification";

    /// <summary>The mask of each of <paramref name="caseIds"/> whose identity is protected; cases without one are absent.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IdentityMask>> LoadAsync(
        IQuerySession session, IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        if (caseIds.Count == 0)
        {
            return new Dictionary<Guid, IdentityMask>();
        }

        var documents = await session.LoadManyAsync<ProtectedIdentity>(cancellationToken, caseIds.Distinct());
        return documents
            .Select(d => (d.Id, Mask: IdentityMask.Of(d.Standing)))
            .Where(d => d.Mask is not null)
            .ToDictionary(d => d.Id, d => d.Mask!);
    }

    /// <summary>The mask of one case; null when its identity is not protected.</summary>
    public static async Task<IdentityMask?> LoadAsync(IQuerySession session, Guid caseId, CancellationToken cancellationToken) =>
        (await LoadAsync(session, [caseId], cancellationToken)).GetValueOrDefault(caseId);

    internal static void Register(StoreOptions opts) => CopiedDocuments.Register<ProtectedIdentity>(opts);
}
