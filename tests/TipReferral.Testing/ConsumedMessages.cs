using System.Collections.Concurrent;
using MassTransit;

namespace TipReferral.Testing;

/// <summary>
/// Observes a service's bus: which message ids its consumers finished (or faulted on), and how
/// often. Lets a test wait until a redelivery was handled before asserting it changed nothing.
/// Register with services.AddConsumeObserver(_ => observer).
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> handled = new();

    public int TimesHandled(Guid messageId) => handled.GetValueOrDefault(messageId);

    public Task WaitUntilHandledAsync(Guid messageId, int times) =>
        Eventually.HoldsAsync(() => Task.FromResult(TimesHandled(messageId) >= times), $"Handling message {messageId} {times} time(s)");

    Task IConsumeObserver.PreConsume<T>(ConsumeContext<T> context) => Task.CompletedTask;

    Task IConsumeObserver.PostConsume<T>(ConsumeContext<T> context) => Count(context);

    Task IConsumeObserver.ConsumeFault<T>(ConsumeContext<T> context, Exception exception) => Count(context);

    private Task Count(ConsumeContext context)
    {
        if (context.MessageId is { } id)
        {
            handled.AddOrUpdate(id, 1, (_, times) => times + 1);
        }

        return Task.CompletedTask;
    }
}
