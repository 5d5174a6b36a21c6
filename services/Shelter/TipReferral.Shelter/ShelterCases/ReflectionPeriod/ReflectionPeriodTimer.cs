using Marten;
using TipReferral.ServiceDefaults.Scheduling;

namespace TipReferral.Shelter.ShelterCases;

/// <summary>Ends a reflection period when its time runs out, without anyone touching the case.</summary>
public sealed class ReflectionPeriodTimer(ShelterCaseWriter writer) : ITimerHandler
{
    public const string Kind = "reflection-period-end";

    string ITimerHandler.Kind => Kind;

    public async Task HandleAsync(ScheduledTimer timer, IDocumentSession session, CancellationToken cancellationToken) =>
        await writer.DecideAsync(session, new ExpireReflectionPeriod(timer.StreamId, timer.DueAt), expectedVersion: null, ensureMayReach: null, cancellationToken);
}
