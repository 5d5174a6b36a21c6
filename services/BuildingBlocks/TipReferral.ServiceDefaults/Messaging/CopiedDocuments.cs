using Marten;

namespace TipReferral.ServiceDefaults.Messaging;

/// <summary>
/// A service's own copy of another service's facts (consents, protections) is read, changed and
/// written by consumers that run concurrently, several messages for one case at a time. Each such
/// document is registered with optimistic concurrency and written through <see cref="Save{T}"/>:
/// of two consumers changing it at once, the later save fails and its message is retried on the
/// newer copy, where otherwise one of the two changes would silently vanish (a consent or a
/// withdrawal lost, a protected witness shown unmasked).
/// </summary>
public static class CopiedDocuments
{
    public static void Register<T>(StoreOptions opts)
        where T : notnull => opts.Schema.For<T>().UseOptimisticConcurrency(true);

    /// <summary>Writes <paramref name="changed"/>, the new state of <paramref name="loaded"/> as this session read it (null: there was none).</summary>
    public static void Save<T>(this IDocumentSession session, T? loaded, T changed)
        where T : notnull
    {
        if (loaded is null)
        {
            // Fails when a concurrent consumer created the document first.
            session.Insert(changed);
        }
        else
        {
            // Fails when the document changed since this session loaded it.
            session.Store(changed);
        }
    }
}
