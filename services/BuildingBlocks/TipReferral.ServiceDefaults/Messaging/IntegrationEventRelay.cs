using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace TipReferral.ServiceDefaults.Messaging;

/// <summary>
/// The outbox: a Marten subscription that publishes integration events only for events that
/// are committed, in order, at least once. Progress is stored after a page is published, so
/// a broker outage only delays delivery: the page is retried until the broker is back. The
/// message id is the stored event's id, which lets consumers drop redeliveries.
/// </summary>
public sealed class IntegrationEventRelay : SubscriptionBase
{
    public const string SubscriptionName = "integration-events";

    private readonly IBus bus;
    private readonly IIntegrationEventMap map;
    private readonly ILogger<IntegrationEventRelay> logger;
    private readonly ResiliencePipeline publishRetry;

    public IntegrationEventRelay(IBus bus, IIntegrationEventMap map, ILogger<IntegrationEventRelay> logger)
    {
        this.bus = bus;
        this.map = map;
        this.logger = logger;
        Name = SubscriptionName;

        // Rides out a broker blip inside the page; a longer outage surfaces as an exception,
        // on which the daemon pauses this subscription and retries the same page later.
        publishRetry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 4,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                UseJitter = true,
            })
            .AddTimeout(TimeSpan.FromSeconds(30))
            .Build();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var storedEvent in page.Events)
        {
            object? message;
            try
            {
                message = await map.ToIntegrationEventAsync(storedEvent, operations, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not Npgsql.NpgsqlException)
            {
                // A stored event that cannot be translated will never translate: park it where an
                // operator sees it rather than stall every later event of the service.
                logger.LogError(exception, "Event {EventId} ({EventType}) could not be mapped; dead-lettered", storedEvent.Id, storedEvent.EventTypeName);
                await controller.RecordDeadLetterEventAsync(storedEvent, exception);
                continue;
            }

            if (message is null)
            {
                continue;
            }

            await publishRetry.ExecuteAsync(
                async token => await bus.Publish(message, message.GetType(), context =>
                {
                    context.MessageId = storedEvent.Id;
                    if (Guid.TryParse(storedEvent.CorrelationId, out var correlationId))
                    {
                        context.CorrelationId = correlationId;
                    }

                    context.Headers.Set("tipreferral-stream-id", storedEvent.StreamId.ToString());
                    context.Headers.Set("tipreferral-stream-version", storedEvent.Version);
                    SourceEvents.SetActor(context.Headers, storedEvent);
                }, token),
                cancellationToken);
        }

        return NullChangeListener.Instance;
    }
}
