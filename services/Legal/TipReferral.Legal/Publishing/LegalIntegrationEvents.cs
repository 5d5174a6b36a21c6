using JasperFx.Events;
using Marten;
using TipReferral.Contracts.Legal.V1;
using PermitType = TipReferral.Legal.LegalFiles.PermitType;
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

        // Read without a key ring: what is published (country, jurisdiction, dates) is never encrypted.
        var file = await session.LoadAsync<LegalFile>(storedEvent.StreamId, cancellationToken)
            ?? throw new InvalidOperationException($"Case {storedEvent.StreamId} has events but no document.");
        return ToIntegrationEvent(storedEvent.Data, file);
    }

    private static bool IsPublished(object data) => data is WitnessProtectionGranted or WitnessProtectionMeasuresChanged or WitnessProtectionLifted
        or WitnessIdentityProtected or WitnessIdentityProtectionLifted or LegalHoldPlaced or LegalHoldReleased or ResidencePermitExpiryAlertRaised;

    private static object? ToIntegrationEvent(object data, LegalFile file)
    {
        var country = file.Country;
        return data switch
        {
            WitnessProtectionGranted granted => new WitnessProtectionGrantedIntegrationEvent(granted.CaseId, country, granted.ProtectionId, Codes(granted.Measures), granted.GrantedAt),
            WitnessProtectionMeasuresChanged changed => new WitnessProtectionGrantedIntegrationEvent(changed.CaseId, country, changed.ProtectionId, Codes(changed.Measures), changed.ChangedAt),
            WitnessProtectionLifted lifted => new WitnessProtectionLiftedIntegrationEvent(lifted.CaseId, country, lifted.ProtectionId, lifted.LiftedAt),
            WitnessIdentityProtected identity => new WitnessIdentityProtectedIntegrationEvent(
                identity.CaseId, country, identity.ProtectionId, identity.Pseudonym, [.. identity.SeenBy.Select(p => new ProsecutorsOffice(p.Country, p.Office))], identity.ProtectedAt),
            WitnessIdentityProtectionLifted ended => new WitnessIdentityProtectionLiftedIntegrationEvent(ended.CaseId, country, ended.ProtectionId, ended.LiftedAt),
            LegalHoldPlaced placed => new LegalHoldPlacedIntegrationEvent(
                placed.CaseId, country, placed.HoldId, LegalFileDecider.LegalCaseOf(file, placed.LegalCaseId).Jurisdiction.Country, placed.ReviewOn, placed.PlacedAt),
            LegalHoldReleased released => new LegalHoldReleasedIntegrationEvent(released.CaseId, country, released.HoldId, HowOf(released.How), released.ReleasedAt),
            ResidencePermitExpiryAlertRaised raised => new ResidencePermitExpiringIntegrationEvent(
                raised.CaseId, country, raised.PermitId, PermitTypeOf(raised.Type), raised.ExpiresOn, raised.DaysBefore),
            _ => null,
        };
    }

    private static IReadOnlyList<string> Codes(IReadOnlyList<LegalFiles.ProtectionMeasure> measures) =>
        [.. measures.Select(m => ContractCodes.Of(m))];

    /// <summary>The contract's words, fixed here so renaming a domain enum cannot change a published meaning.</summary>
    private static string HowOf(LegalHoldRelease how) => how switch
    {
        LegalHoldRelease.ReleasedByProsecutor => "RELEASED_BY_PROSECUTOR",
        LegalHoldRelease.VideoLinkTestimonyArranged => "VIDEO_LINK_TESTIMONY_ARRANGED",
        _ => throw new ArgumentOutOfRangeException(nameof(how), how, "Unpublished release"),
    };

    private static string PermitTypeOf(PermitType type) => type switch
    {
        PermitType.ReflectionPeriod => "REFLECTION_PERIOD",
        PermitType.Humanitarian => "HUMANITARIAN",
        PermitType.Cooperation => "COOPERATION",
        PermitType.Permanent => "PERMANENT",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unpublished permit type"),
    };
}
