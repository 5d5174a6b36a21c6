using JasperFx;

namespace TipReferral.ServiceDefaults.EventStore;

public static class ExpectedVersion
{
    /// <summary>
    /// Refuses (Aborted) a write based on another version than the stream's. Call it after the
    /// caller's reach is checked: a stale version answered first would let someone out of reach
    /// probe a case's version. Marten checks the fetched version again at commit.
    /// </summary>
    public static void Ensure(long? expected, long? actual, Guid streamId)
    {
        if (expected is { } version && version != (actual ?? 0))
        {
            throw new ConcurrencyException($"Stream {streamId} is at version {actual ?? 0}, not {version}.", null);
        }
    }
}
