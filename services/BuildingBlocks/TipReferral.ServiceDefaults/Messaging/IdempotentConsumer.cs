using JasperFx;
using Marten;
using MassTransit;
using TipReferral.PersonalData;

namespace TipReferral.ServiceDefaults.Messaging;

/// <summary>
/// Marks that a consumer has handled a message. Written in the same transaction as the
/// consumer's effect, so the effect and the mark commit together or not at all.
/// </summary>
public sealed record ProcessedMessage(string Id, string Consumer, Guid MessageId, string MessageType, DateTimeOffset ProcessedAt);

/// <summary>
/// The inbox every consumer of integration events derives from. Delivery is at least once
/// (the outbox republishes after a crash, the broker redelivers after a lost ack): the first
/// delivery's effect commits with its processed-message mark, and any later delivery of the
/// same message id finds the mark, or collides with it, and changes nothing.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(IDocumentStore store, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");
        var consumer = GetType().Name;
        var markId = $"{consumer}/{messageId:N}";

        // A consumer may write a case's personal data (unlocking its key first), as a request does.
        using var personalData = PersonalDataScope.Begin();
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ProcessedMessage>(markId, context.CancellationToken) is not null)
        {
            return;
        }

        await HandleAsync(context, session);
        session.Insert(new ProcessedMessage(markId, consumer, messageId, typeof(TMessage).FullName ?? typeof(TMessage).Name, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (DocumentAlreadyExistsException collision) when (collision.DocType == typeof(ProcessedMessage))
        {
            // A concurrent delivery of the same message committed first; this one's effect is rolled back with it.
            // Any other collision (another message created the same case first) is retried, not dropped.
        }
    }

    /// <summary>Applies the message's effect through <paramref name="session"/>; do not save it.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, IDocumentSession session);
}
