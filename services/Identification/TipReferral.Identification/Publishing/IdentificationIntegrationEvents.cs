using JasperFx.Events;
using Marten;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Identification.Cases;
using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.Identification.Publishing;

/// <summary>
/// What other services learn from the identification service: facts about a case, consents,
/// erasures, identity protection and its reveals, never the person's details. Corrections of personal
/// details and duplicate handling stay inside.
/// </summary>
public sealed class IdentificationIntegrationEvents : IIntegrationEventMap
{
    public async Task<object?> ToIntegrationEventAsync(IEvent storedEvent, IQuerySession session, CancellationToken cancellationToken)
    {
        if (storedEvent.Data is PresumedVictimRegistered registered)
        {
            return new VictimCaseRegisteredIntegrationEvent(
                registered.CaseId, registered.Reference, registered.IdentifiedAt.Country, registered.IsPresumedChild, registered.RegisteredAt);
        }

        if (storedEvent.Data is not (FormalIdentificationDecided or GuardianAppointed or VictimCaseClosed or ConsentRecorded or ConsentWithdrawn
            or VictimCaseShared or PersonalDataErased or IdentityProtected or IdentityProtectionLifted or ProtectedIdentityRevealed))
        {
            return null;
        }

        // Reference and country never change after registration; the inline document has them.
        var victimCase = await session.LoadAsync<VictimCase>(storedEvent.StreamId, cancellationToken)
            ?? throw new InvalidOperationException($"Case {storedEvent.StreamId} has events but no document.");
        return storedEvent.Data switch
        {
            FormalIdentificationDecided { Outcome: Cases.IdentificationOutcome.IdentifiedAsVictim } identified => new VictimIdentifiedIntegrationEvent(
                identified.CaseId, victimCase.Reference, victimCase.Country, victimCase.IsPresumedChild, identified.DecidingOrganisation.Name, identified.DecidedAt),
            FormalIdentificationDecided notIdentified => new VictimNotIdentifiedIntegrationEvent(
                notIdentified.CaseId, victimCase.Reference, victimCase.Country, notIdentified.Outcome.ToString(), notIdentified.DecidedAt),
            GuardianAppointed appointed => new GuardianAppointedIntegrationEvent(appointed.CaseId, victimCase.Country, appointed.AppointedAt),
            VictimCaseClosed closed => new VictimCaseClosedIntegrationEvent(closed.CaseId, victimCase.Country, closed.ClosureReason.ToString(), closed.ClosedAt),
            ConsentRecorded given => new ConsentGivenIntegrationEvent(
                given.CaseId, given.ConsentId, given.Purpose.ToString(), given.Recipient.Country, given.Recipient.Agency, given.GivenBy.ToString(), given.RecordedAt, given.ExpiresAt),
            ConsentWithdrawn withdrawn => new ConsentWithdrawnIntegrationEvent(
                withdrawn.CaseId, withdrawn.ConsentId, withdrawn.Purpose.ToString(), withdrawn.Recipient.Country, withdrawn.Recipient.Agency, withdrawn.WithdrawnAt),
            VictimCaseShared shared => new VictimCaseSharedIntegrationEvent(
                shared.CaseId, victimCase.Reference, victimCase.Country, victimCase.IsPresumedChild, shared.Purpose.ToString(), shared.Recipient.Agency!, shared.SharedAt),
            PersonalDataErased erased => new PersonalDataErasedIntegrationEvent(erased.CaseId, victimCase.Country, erased.ErasedAt),
            IdentityProtected protectedIdentity => new IdentityProtectedIntegrationEvent(
                protectedIdentity.CaseId, victimCase.Country, protectedIdentity.Pseudonym, protectedIdentity.ProtectedAt),
            IdentityProtectionLifted lifted => new IdentityProtectionLiftedIntegrationEvent(lifted.CaseId, victimCase.Country, lifted.LiftedAt),
            ProtectedIdentityRevealed revealed => new ProtectedIdentityRevealedIntegrationEvent(
                revealed.CaseId, victimCase.Country, revealed.RevealedTo.UserId, revealed.RevealedTo.Role, revealed.RevealedTo.Agency,
                revealed.RevealedTo.Country, revealed.RevealedAt),
            _ => null,
        };
    }
}
