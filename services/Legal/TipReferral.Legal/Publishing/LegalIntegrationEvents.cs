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

        // The country never changes; read it alone, without the file's (encrypted) reasons.
        var file = await session.Query<LegalFile>().Where(c => c.Id == storedEvent.StreamId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Case {storedEvent.StreamId} has events but no document.");
        return ToIntegrationEvent(storedEvent.Data, file);
    }

    private static bool IsPublished(object data) => data is LegalHoldPlaced or LegalHoldReleased or ResidencePermitExpiryAlertRaised;

    private static object? ToIntegrationEvent(object data, LegalFile file) => data switch
    {
        LegalHoldPlaced placed => new LegalHoldPlacedIntegrationEvent(
            placed.CaseId, file.Country, placed.HoldId, LegalFileDecider.LegalCaseOf(file, placed.LegalCaseId).Jurisdiction.Country, placed.ReviewOn, placed.PlacedAt),
        LegalHoldReleased released => new LegalHoldReleasedIntegrationEvent(released.CaseId, file.Country, released.HoldId, HowOf(released.How), released.ReleasedAt),
        ResidencePermitExpiryAlertRaised raised => new ResidencePermitExpiringIntegrationEvent(
            raised.CaseId, file.Country, raised.PermitId, PermitTypeOf(raised.Type), raised.ExpiresOn, raised.DaysBefore),
        _ => null,
    };

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
