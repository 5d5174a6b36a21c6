using JasperFx.Events;
using Marten;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.ServiceDefaults.Messaging;
using TipReferral.Shelter.ShelterCases;

namespace TipReferral.Shelter.Publishing;

/// <summary>
/// What other services learn from the shelter service: placements and the reflection period,
/// never notes, plans or services. Repatriation gates travel on the reflection period's end.
/// </summary>
public sealed class ShelterIntegrationEvents : IIntegrationEventMap
{
    public async Task<object?> ToIntegrationEventAsync(IEvent storedEvent, IQuerySession session, CancellationToken cancellationToken)
    {
        if (storedEvent.Data is not (VictimAdmittedToShelter or VictimTransferredToShelter or VictimDischargedFromShelter or ReflectionPeriodStarted
            or ReflectionPeriodExtended or ReflectionPeriodExpired or ReflectionPeriodEndedAtPersonsRequest))
        {
            return null;
        }

        // The country never changes; read it alone, without the case's (encrypted) notes.
        var country = await session.Query<ShelterCase>().Where(c => c.Id == storedEvent.StreamId).Select(c => c.Country).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Case {storedEvent.StreamId} has events but no document.");
        return storedEvent.Data switch
        {
            VictimAdmittedToShelter admitted => new VictimAdmittedToShelterIntegrationEvent(admitted.CaseId, country, admitted.ShelterId, admitted.AdmittedAt),
            VictimTransferredToShelter transferred => new VictimTransferredBetweenSheltersIntegrationEvent(
                transferred.CaseId, country, transferred.FromShelterId, transferred.ToShelterId, transferred.TransferredAt),
            VictimDischargedFromShelter discharged => new VictimDischargedFromShelterIntegrationEvent(
                discharged.CaseId, country, discharged.ShelterId, ContractCodes.Of(discharged.DischargeReason), discharged.DischargedAt),
            ReflectionPeriodStarted started => new ReflectionPeriodStartedIntegrationEvent(started.CaseId, country, started.StartedAt, started.EndsAt),
            ReflectionPeriodExtended extended => new ReflectionPeriodExtendedIntegrationEvent(extended.CaseId, country, extended.EndsAt, extended.ExtendedAt),
            ReflectionPeriodExpired expired => new ReflectionPeriodEndedIntegrationEvent(expired.CaseId, country, "EXPIRED", expired.EndedAt),
            ReflectionPeriodEndedAtPersonsRequest ended => new ReflectionPeriodEndedIntegrationEvent(ended.CaseId, country, "ENDED_AT_PERSONS_REQUEST", ended.EndedAt),
            _ => null,
        };
    }
}
