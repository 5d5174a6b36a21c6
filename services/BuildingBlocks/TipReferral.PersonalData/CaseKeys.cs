using System.Security.Cryptography;
using System.Text;
using Marten;

namespace TipReferral.PersonalData;

/// <summary>
/// Creates, unlocks and destroys the per-case data keys, loading them into the ambient
/// <see cref="PersonalDataKeyRing"/> of the current <see cref="PersonalDataScope"/>.
/// </summary>
public interface ICaseKeys
{
    /// <summary>
    /// Generates the new case's data key and stores it (wrapped) in <paramref name="session"/>, so
    /// it commits with the case's first events; it becomes the ring's write subject.
    /// </summary>
    Task CreateForAsync(IDocumentSession session, Guid caseId, CancellationToken cancellationToken);

    /// <summary>Loads and unwraps the keys of these cases into the ring, in one query; destroyed ones as erased.</summary>
    Task UnlockAsync(IQuerySession session, IEnumerable<Guid> caseIds, CancellationToken cancellationToken);

    /// <summary>
    /// Unlocks the case and makes it the write subject. False when the case has no key (it does
    /// not exist): nothing may then be written for it, and the caller reports it as not found.
    /// </summary>
    Task<bool> UnlockForWritingAsync(IQuerySession session, Guid caseId, CancellationToken cancellationToken);

    /// <summary>Destroys the case's data key: its personal data becomes unreadable everywhere, for good.</summary>
    Task EraseAsync(IDocumentSession session, Guid caseId, string destroyedBy, DateTimeOffset at, CancellationToken cancellationToken);
}

public sealed class CaseKeys(KeyEncryptionKey kek, IPersonalDataCipher cipher, TimeProvider clock) : ICaseKeys
{
    public Task CreateForAsync(IDocumentSession session, Guid caseId, CancellationToken cancellationToken)
    {
        var ring = PersonalDataScope.RequireCurrent();
        var key = RandomNumberGenerator.GetBytes(AesGcmCipher.KeySize);
        session.Insert(new CaseDataKey
        {
            Id = caseId,
            WrappedKey = Wrap(key, caseId),
            KekId = kek.Id,
            CreatedAt = clock.GetUtcNow(),
        });
        ring.Add(caseId, key);
        ring.WriteFor(caseId);
        return Task.CompletedTask;
    }

    public async Task UnlockAsync(IQuerySession session, IEnumerable<Guid> caseIds, CancellationToken cancellationToken)
    {
        var ring = PersonalDataScope.RequireCurrent();
        var wanted = caseIds.Where(id => !ring.Holds(id)).Distinct().ToArray();
        if (wanted.Length == 0)
        {
            return;
        }

        var stored = await session.LoadManyAsync<CaseDataKey>(cancellationToken, wanted);
        foreach (var dataKey in stored)
        {
            if (dataKey.WrappedKey is null)
            {
                ring.MarkErased(dataKey.Id);
            }
            else
            {
                ring.Add(dataKey.Id, Unwrap(dataKey));
            }
        }
    }

    public async Task<bool> UnlockForWritingAsync(IQuerySession session, Guid caseId, CancellationToken cancellationToken)
    {
        await UnlockAsync(session, [caseId], cancellationToken);
        var ring = PersonalDataScope.RequireCurrent();
        if (!ring.Holds(caseId))
        {
            return false;
        }

        ring.WriteFor(caseId);
        return true;
    }

    public async Task EraseAsync(IDocumentSession session, Guid caseId, string destroyedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destroyedBy);
        var ring = PersonalDataScope.RequireCurrent();
        var stored = await session.LoadAsync<CaseDataKey>(caseId, cancellationToken);
        if (stored is { WrappedKey: null })
        {
            ring.MarkErased(caseId);
            return; // already destroyed: the first tombstone keeps who and when
        }

        session.Store((stored ?? new CaseDataKey { Id = caseId, KekId = kek.Id, CreatedAt = at }) with
        {
            WrappedKey = null,
            DestroyedAt = at,
            DestroyedBy = destroyedBy,
        });
        ring.MarkErased(caseId);
    }

    internal byte[] Wrap(byte[] key, Guid caseId) => cipher.Seal(kek.Key, key, WrapBinding(caseId, kek.Id));

    internal byte[] Unwrap(CaseDataKey dataKey)
    {
        if (dataKey.WrappedKey is null)
        {
            throw new InvalidOperationException($"The data key of case {dataKey.Id} was destroyed.");
        }

        if (dataKey.KekId != kek.Id)
        {
            throw new InvalidOperationException(
                $"The data key of case {dataKey.Id} is wrapped under key-encryption key '{dataKey.KekId}', but only '{kek.Id}' is configured.");
        }

        try
        {
            return cipher.Open(kek.Key, dataKey.WrappedKey, WrapBinding(dataKey.Id, dataKey.KekId));
        }
        catch (CryptographicException exception)
        {
            throw new CryptographicException(
                $"The data key of case {dataKey.Id} does not unwrap under key-encryption key '{kek.Id}': the KEK is wrong or the stored key was altered.", exception);
        }
    }

    private static byte[] WrapBinding(Guid caseId, string kekId) => Encoding.UTF8.GetBytes($"tipreferral-dek|{caseId:N}|{kekId}");
}
