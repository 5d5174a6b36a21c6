using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace TipReferral.PersonalData;

/// <summary>
/// The data keys one unit of work (a request) may use, held ambiently because a JSON
/// converter cannot be given per-call arguments. <see cref="ICaseKeys"/> fills it; the
/// persistence boundary reads it. It lives exactly as long as its <see cref="PersonalDataScope"/>:
/// nothing is cached beyond that, so an erasure takes effect at once on every replica.
/// </summary>
public sealed class PersonalDataKeyRing
{
    // A null key means: the case's data key was destroyed.
    private readonly ConcurrentDictionary<Guid, byte[]?> keys = new();
    private Guid? writeSubject;

    /// <summary>The case whose key encrypts what is written now.</summary>
    public Guid? WriteSubject => writeSubject;

    internal bool IsClosed { get; private set; }

    public bool Holds(Guid caseId) => keys.ContainsKey(caseId);

    public bool IsErased(Guid caseId) => keys.TryGetValue(caseId, out var key) && key is null;

    /// <summary>Makes <paramref name="caseId"/> the case whose key encrypts what is written; its key must be in the ring.</summary>
    public void WriteFor(Guid caseId)
    {
        ThrowIfClosed();
        if (!keys.ContainsKey(caseId))
        {
            throw new InvalidOperationException($"The data key of case {caseId} is not unlocked; unlock it (ICaseKeys) before writing its personal data.");
        }

        writeSubject = caseId;
    }

    internal void Add(Guid caseId, byte[] key)
    {
        ThrowIfClosed();
        keys[caseId] = key;
    }

    internal void MarkErased(Guid caseId)
    {
        ThrowIfClosed();
        if (keys.TryGetValue(caseId, out var key) && key is not null)
        {
            CryptographicOperations.ZeroMemory(key);
        }

        keys[caseId] = null;
    }

    /// <summary>The key state of a case: found with a key, found as erased, or not unlocked.</summary>
    internal bool TryGet(Guid caseId, out byte[]? key) => keys.TryGetValue(caseId, out key);

    internal void Close()
    {
        IsClosed = true;
        writeSubject = null;
        foreach (var key in keys.Values)
        {
            if (key is not null)
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        keys.Clear();
    }

    private void ThrowIfClosed()
    {
        if (IsClosed)
        {
            throw new ObjectDisposedException(nameof(PersonalDataKeyRing), "This personal-data scope has ended.");
        }
    }
}

/// <summary>
/// Opens the ambient <see cref="PersonalDataKeyRing"/> for a unit of work. <see cref="Begin"/>
/// is synchronous on purpose: an AsyncLocal set inside an async method never flows back to
/// its caller, so the scope is opened by the caller itself and keys are loaded into the
/// (mutable) ring it already holds.
/// </summary>
public sealed class PersonalDataScope : IDisposable
{
    private static readonly AsyncLocal<PersonalDataKeyRing?> Ambient = new();

    private readonly PersonalDataKeyRing? previous;
    private bool disposed;

    private PersonalDataScope(PersonalDataKeyRing? previous)
    {
        this.previous = previous;
        Ring = new PersonalDataKeyRing();
        Ambient.Value = Ring;
    }

    public PersonalDataKeyRing Ring { get; }

    /// <summary>The open ring of the current unit of work, or null when none is open (or it has ended).</summary>
    public static PersonalDataKeyRing? Current => Ambient.Value is { IsClosed: false } ring ? ring : null;

    /// <summary>The open ring; throws if no scope is open, since personal data then cannot be handled.</summary>
    public static PersonalDataKeyRing RequireCurrent() =>
        Current ?? throw new InvalidOperationException(
            "No personal-data scope is open: open one with PersonalDataScope.Begin() (app.UsePersonalDataScope() does it per request).");

    /// <summary>Opens a new, empty key ring for the caller's execution context; dispose to end it and wipe its keys.</summary>
    public static PersonalDataScope Begin() => new(Ambient.Value);

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Ring.Close();
        Ambient.Value = previous;
    }
}
