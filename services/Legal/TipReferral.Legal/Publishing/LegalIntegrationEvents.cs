using JasperFx.Events;
using Marten;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Legal.LegalFiles;
using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.Legal.Publishing;

/// <summary>
/// What other services learn from the legal-assistance service: that a hold or protection
/// exists and what it means for them, never the proceedings' details or the person's decision
/// to cooperate (so no service can react to a refusal to cooperate by reducing assistance).
/// </summary>
public sealed class LegalIntegrationEvents : IIntegrationEventMap
{
    public async Task<object?> ToIntegrationEventAsync(IEvent storedEvent, IQuerySession session, CancellationToken cancellationToken)
    {
        if (!IsPublished(storedEvent.Data))
        {
            return null;
        }

        // The country never changes; read it alone, without the file's (encrypted) reasons.
        var country = await session.Query<LegalFile>().Where(c => c.Id == storedEvent.StreamId).Select(c => c.Country).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Case {storedEvent.StreamId} has events but no document.");
        return ToIntegrationEvent(storedEvent.Data, country);
    }

    private static bool IsPublished(object data) => data is WitnessProtectionGranted or WitnessProtectionMeasuresChanged or WitnessProtectionLifted
        or WitnessIdentityProtected or WitnessIdentityProtectionLifted;

    private static object? ToIntegrationEvent(object data, string country) => data switch
    {
        WitnessProtectionGranted granted => new WitnessProtectionGrantedIntegrationEvent(granted.CaseId, country, granted.ProtectionId, Codes(granted.Measures), granted.GrantedAt),
        WitnessProtectionMeasuresChanged changed => new WitnessProtectionGrantedIntegrationEvent(changed.CaseId, country, changed.ProtectionId, Codes(changed.Measures), changed.ChangedAt),
        WitnessProtectionLifted lifted => new WitnessProtectionLiftedIntegrationEvent(lifted.CaseId, country, lifted.ProtectionId, lifted.LiftedAt),
        WitnessIdentityProtected identity => new WitnessIdentityProtectedIntegrationEvent(
            identity.CaseId, country, identity.ProtectionId, identity.Pseudonym, [.. identity.SeenBy.Select(p => new ProsecutorsOffice(p.Country, p.Office))], identity.ProtectedAt),
        WitnessIdentityProtectionLifted ended => new WitnessIdentityProtectionLiftedIntegrationEvent(ended.CaseId, country, ended.ProtectionId, ended.LiftedAt),
        _ => null,
    };

    private static IReadOnlyList<string> Codes(IReadOnlyList<LegalFiles.ProtectionMeasure> measures) =>
        [.. measures.Select(m => ContractCodes.Of(m))];
}
