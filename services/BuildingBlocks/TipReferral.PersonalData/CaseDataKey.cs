namespace TipReferral.PersonalData;

/// <summary>
/// A case's data key, wrapped under the key-encryption key, stored as a Marten document in the
/// service's own schema. Destroying the key (<see cref="WrappedKey"/> null) leaves the
/// document as a tombstone saying who erased the case's personal data, and when.
/// </summary>
public sealed record CaseDataKey
{
    /// <summary>The case id.</summary>
    public Guid Id { get; init; }

    /// <summary>nonce | encrypted data key | tag, bound to the case id; null once destroyed.</summary>
    public byte[]? WrappedKey { get; init; }

    /// <summary>The id of the key-encryption key that wrapped it.</summary>
    public string KekId { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DestroyedAt { get; init; }

    public string? DestroyedBy { get; init; }

    public bool IsDestroyed => WrappedKey is null;
}
