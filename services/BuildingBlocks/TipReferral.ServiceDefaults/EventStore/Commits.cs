using JasperFx;
using JasperFx.Events;
using Marten;

namespace TipReferral.ServiceDefaults.EventStore;

public static class Commits
{
    private const int Attempts = 4;

    /// <summary>Another writer changed the stream (or started it) between this session's read and its commit.</summary>
    public static bool IsConflict(Exception exception) =>
        exception is ConcurrencyException or EventStreamUnexpectedMaxEventIdException
            or ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException;

    /// <summary>
    /// Decides and commits. A command that named no expected version was based on no version its
    /// caller saw, so a concurrent append between this service's read and its commit (a consumer
    /// taking in another service's fact about the case) is the service's own race: it decides
    /// again on the newer stream instead of refusing the caller with Aborted. A command that named
    /// a version still gets Aborted, as it must: its caller decided on what it read.
    /// </summary>
    /// <param name="decide">Reads, decides and appends to the session; called again on a conflict.</param>
    /// <param name="changed">Whether the decision appended anything to commit.</param>
    public static async Task<T> DecideAndCommitAsync<T>(
        this IDocumentSession session, bool namedVersion, Func<Task<T>> decide, Func<T, bool> changed, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var decided = await decide();
            if (!changed(decided))
            {
                return decided;
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return decided;
            }
            catch (Exception conflict) when (!namedVersion && attempt < Attempts && IsConflict(conflict))
            {
                session.EjectAllPendingChanges();
            }
        }
    }
}
