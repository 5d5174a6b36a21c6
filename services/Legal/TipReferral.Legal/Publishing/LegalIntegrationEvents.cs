using JasperFx.Events;
using Marten;
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

    private static bool IsPublished(object data) => data switch
    {
        _ => false,
    };

    private static object? ToIntegrationEvent(object data, LegalFile file) => data switch
    {
        _ => null,
    };
}
