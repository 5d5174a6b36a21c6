using Marten;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.EventStore;

namespace TipReferral.Legal.LegalFiles;

/// <summary>
/// The one write path of legal files, for RPCs, consumed events and timers alike: unlock the
/// case's key → fetch the file → check reach, then the expected version → decide → append →
/// let the command's slice add what else belongs to the same transaction (timers, other
/// streams). The caller commits the session, so everything lands together.
/// </summary>
public sealed class LegalFileWriter(ICaseKeys keys, IEnumerable<ILegalFileSideEffects> sideEffects)
{
    public async Task<(long Version, IReadOnlyList<object> Events)> DecideAsync(
        IDocumentSession session, LegalFileCommand command, long? expectedVersion, Action<LegalFile>? ensureMayReach, CancellationToken cancellationToken)
    {
        var id = command.CaseId;
        if (!await keys.UnlockForWritingAsync(session, id, cancellationToken))
        {
            if (command is not OpenLegalFile)
            {
                throw new NotFoundException("case", id.ToString());
            }

            await keys.CreateForAsync(session, id, cancellationToken);
        }

        var stream = await session.Events.FetchForWriting<LegalFile>(id, cancellationToken);
        if (stream.Aggregate is { } current)
        {
            ensureMayReach?.Invoke(current);
        }

        ExpectedVersion.Ensure(expectedVersion, stream.CurrentVersion, id);

        var events = LegalFileDecider.Decide(command, stream.Aggregate);
        stream.AppendMany(events);
        foreach (var effect in sideEffects)
        {
            await effect.ApplyAsync(session, stream.Aggregate, events, cancellationToken);
        }

        return (stream.CurrentVersion ?? 0, events);
    }
}

/// <summary>
/// What a slice writes alongside the file's own events, in the same transaction: timers it
/// sets or cancels, streams of its own. Registered per slice in the module.
/// </summary>
public interface ILegalFileSideEffects
{
    Task ApplyAsync(IDocumentSession session, LegalFile? before, IReadOnlyList<object> events, CancellationToken cancellationToken);
}
