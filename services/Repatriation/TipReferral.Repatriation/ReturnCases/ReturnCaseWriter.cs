using Marten;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.Scheduling;

namespace TipReferral.Repatriation.ReturnCases;

/// <summary>
/// The one write path of return cases, for RPCs, consumed events and timers alike: unlock the
/// case's key → fetch the case → check reach, then the expected version → build the command
/// (which may need the case: its country signs the package) → decide → append → let each slice
/// add what belongs to the same transaction (timers, the receiving side's copy, notices). The
/// caller commits the session, so everything lands together.
/// </summary>
public sealed class ReturnCaseWriter(ICaseKeys keys, IEnumerable<IReturnCaseSideEffects> sideEffects)
{
    public Task<(long Version, IReadOnlyList<object> Events)> DecideAsync(IDocumentSession session, ReturnCaseCommand command, CancellationToken cancellationToken) =>
        DecideAsync(session, command.CaseId, _ => Task.FromResult(command), expectedVersion: null, mayAct: null, cancellationToken);

    public async Task<(long Version, IReadOnlyList<object> Events)> DecideAsync(
        IDocumentSession session,
        Guid caseId,
        Func<ReturnCase?, Task<ReturnCaseCommand>> commandFor,
        long? expectedVersion,
        Action<ReturnCase>? mayAct,
        CancellationToken cancellationToken)
    {
        if (!await keys.UnlockForWritingAsync(session, caseId, cancellationToken))
        {
            var opening = await commandFor(null);
            if (opening is not OpenReturnCase)
            {
                throw new NotFoundException("case", caseId.ToString());
            }

            await keys.CreateForAsync(session, caseId, cancellationToken);
        }

        var stream = await session.Events.FetchForWriting<ReturnCase>(caseId, cancellationToken);
        var before = stream.Aggregate;
        if (before is not null)
        {
            mayAct?.Invoke(before);
        }

        ExpectedVersion.Ensure(expectedVersion, stream.CurrentVersion, caseId);

        var events = ReturnCaseDecider.Decide(await commandFor(before), before);
        stream.AppendMany(events);
        if (events.Count > 0 && before is not null)
        {
            var after = ReturnCaseDecider.After(before, events);
            foreach (var effect in sideEffects)
            {
                await effect.ApplyAsync(session, before, after, events, cancellationToken);
            }
        }

        return (stream.CurrentVersion ?? 0, events);
    }
}

/// <summary>
/// What a slice writes alongside the case's own events, in the same transaction: timers it sets
/// or cancels, the receiving side's copy of the package, notices. Registered per slice in the module.
/// </summary>
public interface IReturnCaseSideEffects
{
    Task ApplyAsync(IDocumentSession session, ReturnCase before, ReturnCase after, IReadOnlyList<object> events, CancellationToken cancellationToken);
}

/// <summary>A durable timer of a return case: when due, its command is decided on the case like any other, in the timer's transaction.</summary>
public abstract class ReturnCaseTimer(ReturnCaseWriter writer, TimeProvider clock) : ITimerHandler
{
    public abstract string Kind { get; }

    protected abstract ReturnCaseCommand CommandFor(Guid caseId, DateTimeOffset now);

    public Task HandleAsync(ScheduledTimer timer, IDocumentSession session, CancellationToken cancellationToken) =>
        writer.DecideAsync(session, CommandFor(timer.StreamId, clock.GetUtcNow()), cancellationToken);
}
