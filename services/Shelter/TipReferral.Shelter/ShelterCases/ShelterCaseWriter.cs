using Marten;
using JasperFx.Events;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.Scheduling;
using TipReferral.Shelter.Shelters;

namespace TipReferral.Shelter.ShelterCases;

/// <summary>
/// The one write path of shelter cases, for RPCs, consumed events and timers alike: unlock the
/// case's key → fetch the case → check reach, then the expected version → lock the shelters the
/// command touches, in id order → decide → append each event to its stream → set the
/// reflection-period timer. The caller commits the session, so everything lands together.
/// </summary>
public sealed class ShelterCaseWriter(ICaseKeys keys)
{
    public async Task<(long Version, IReadOnlyList<object> Events)> DecideAsync(
        IDocumentSession session, ShelterCaseCommand command, long? expectedVersion, Action<ShelterCase>? ensureMayReach, CancellationToken cancellationToken)
    {
        var id = command.CaseId;
        if (!await keys.UnlockForWritingAsync(session, id, cancellationToken))
        {
            if (command is not AwaitPlacement)
            {
                throw new NotFoundException("case", id.ToString());
            }

            await keys.CreateForAsync(session, id, cancellationToken);
        }

        var stream = await session.Events.FetchForWriting<ShelterCase>(id, cancellationToken);
        if (stream.Aggregate is { } current)
        {
            ensureMayReach?.Invoke(current);
        }

        ExpectedVersion.Ensure(expectedVersion, stream.CurrentVersion, id);

        // Exclusive: admissions to one shelter queue on its row lock, so each decides on the beds the previous one left.
        var shelters = new Dictionary<Guid, IEventStream<RegisteredShelter>>();
        foreach (var shelterId in command.SheltersTouched(stream.Aggregate).Distinct().Order())
        {
            shelters[shelterId] = await session.Events.FetchForExclusiveWriting<RegisteredShelter>(shelterId, cancellationToken);
        }

        var events = ShelterCaseDecider.Decide(
            command, stream.Aggregate, shelters.Where(s => s.Value.Aggregate is not null).ToDictionary(s => s.Key, s => s.Value.Aggregate!));
        foreach (var e in events)
        {
            if (e is IShelterBedEvent bed)
            {
                shelters[bed.ShelterId].AppendOne(e);
            }
            else
            {
                stream.AppendOne(e);
            }

            SetTimer(session, e);
        }

        return (stream.CurrentVersion ?? 0, events);
    }

    private static void SetTimer(IDocumentSession session, object e)
    {
        switch (e)
        {
            case ReflectionPeriodStarted started:
                session.ScheduleTimer(ReflectionPeriodTimer.Kind, started.CaseId, started.EndsAt);
                break;
            case ReflectionPeriodExtended extended:
                session.ScheduleTimer(ReflectionPeriodTimer.Kind, extended.CaseId, extended.EndsAt);
                break;
            case ReflectionPeriodEndedAtPersonsRequest ended:
                session.CancelTimer(ReflectionPeriodTimer.Kind, ended.CaseId);
                break;
        }
    }
}
