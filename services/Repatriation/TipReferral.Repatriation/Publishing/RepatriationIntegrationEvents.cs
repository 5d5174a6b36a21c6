using JasperFx.Events;
using Marten;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Repatriation.ReturnCases;
using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.Repatriation.Publishing;

/// <summary>What other services learn of a referral: its steps and between whom, never the package or any reason.</summary>
public sealed class RepatriationIntegrationEvents : IIntegrationEventMap
{
    public async Task<object?> ToIntegrationEventAsync(IEvent storedEvent, IQuerySession session, CancellationToken cancellationToken)
    {
        if (storedEvent.Data is not (ReferralRequested or ReferralAccepted or ReferralDeclined or ReferralWithdrawn or ReferralAnswerOverdue
            or TravelScheduled or TravelSuspended or VictimDeparted or VictimHandedOver or ReturnCaseClosed))
        {
            return null;
        }

        // Read without a key ring: what is published (countries, agency, dates) is never encrypted.
        var returnCase = await session.LoadAsync<ReturnCase>(storedEvent.StreamId, cancellationToken)
            ?? throw new InvalidOperationException($"Case {storedEvent.StreamId} has events but no document.");
        var referral = returnCase.Referral ?? throw new InvalidOperationException($"Case {storedEvent.StreamId} has referral events but no referral.");
        var (sending, receiving, agency) = (returnCase.Country, referral.ReceivingCountry, referral.ReceivingAgency);
        return storedEvent.Data switch
        {
            ReferralRequested e => new ReferralRequestedIntegrationEvent(e.CaseId, e.ReferralId, sending, e.ReceivingCountry, e.ReceivingAgency, e.RequestedAt),
            ReferralAccepted e => new ReferralAcceptedIntegrationEvent(e.CaseId, e.ReferralId, sending, receiving, agency, e.AcceptedAt),
            ReferralDeclined e => new ReferralDeclinedIntegrationEvent(e.CaseId, e.ReferralId, sending, receiving, agency, e.DeclinedAt),
            ReferralWithdrawn e => new ReferralWithdrawnIntegrationEvent(e.CaseId, e.ReferralId, sending, receiving, agency, ContractCodes.Of(e.Cause), e.WithdrawnAt),
            ReferralAnswerOverdue e => new ReferralAnswerOverdueIntegrationEvent(e.CaseId, e.ReferralId, sending, receiving, agency, ContractCodes.Of(e.Awaiting), e.DueAt, e.EscalatedAt),
            TravelScheduled e => new TravelScheduledIntegrationEvent(e.CaseId, e.ReferralId, sending, receiving, e.TravelOn, e.ScheduledAt),
            TravelSuspended e => new TravelSuspendedIntegrationEvent(e.CaseId, e.ReferralId, sending, receiving, e.BrokenGates, e.SuspendedAt),
            VictimDeparted e => new VictimDepartedIntegrationEvent(e.CaseId, e.ReferralId, sending, receiving, e.DepartedAt),
            VictimHandedOver e => new VictimHandedOverIntegrationEvent(e.CaseId, e.ReferralId, sending, receiving, agency, e.HandedOverAt),
            ReturnCaseClosed e => new ReturnCaseClosedIntegrationEvent(e.CaseId, e.ReferralId, receiving, ContractCodes.Of(e.Outcome), e.ClosedAt),
            _ => null,
        };
    }
}
