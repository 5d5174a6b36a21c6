using JasperFx.Events;
using Marten;

namespace TipReferral.ServiceDefaults.Messaging;

/// <summary>
/// A service's translation of its stored domain events into the integration events other
/// services may see. Returning null keeps an event inside the service. The session reads
/// the service's own documents where an event alone does not say enough.
/// </summary>
public interface IIntegrationEventMap
{
    Task<object?> ToIntegrationEventAsync(IEvent storedEvent, IQuerySession session, CancellationToken cancellationToken);
}
