using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.LoadTests.Baselines;

/// <summary>
/// A publish and its consumption on one bus configured like the services'
/// (MessagingExtensions.AddTipReferralMessaging): the floor under every integration event's hop
/// between services.
/// </summary>
internal static class PublishConsumeBaseline
{
    /// <summary>A lost message must fail the run, not hang it.</summary>
    private static readonly TimeSpan RoundTripTimeout = TimeSpan.FromSeconds(30);

    public static async Task<RawCost> MeasureAsync(string name, Uri rabbitMq, int callers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var entityPrefix = $"raw-{Guid.NewGuid():N}"[..16];
        var pending = new PendingRoundTrips();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(pending);
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter($"{entityPrefix}-raw-baseline", includeNamespace: false));
            bus.AddConsumer<RawRoundTripConsumer>();
            bus.UseTemporaryQueues();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigureBroker(new RabbitMqOptions { Uri = rabbitMq, EntityPrefix = entityPrefix });
                // Each run's exchange is its own: left behind, they would pile up on the shared broker.
                rabbit.Publish<RawRoundTripPing>(exchange => exchange.AutoDelete = true);
                rabbit.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400)));
                rabbit.ConfigureEndpoints(context);
            });
        });

        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        using (var starting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            starting.CancelAfter(TimeSpan.FromSeconds(60));
            await bus.StartAsync(starting.Token).ConfigureAwait(false);
        }

        try
        {
            return await RawTiming.MeasureAsync(name, callers, duration, async (_, token) =>
            {
                var id = Guid.NewGuid();
                var consumed = pending.Expect(id);
                try
                {
                    await bus.Publish(new RawRoundTripPing(id, DateTimeOffset.UtcNow, "raw-baseline"), token).ConfigureAwait(false);
                    await consumed.WaitAsync(RoundTripTimeout, token).ConfigureAwait(false);
                }
                finally
                {
                    pending.Forget(id);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}

/// <summary>The round trips published and not yet consumed, by ping id.</summary>
internal sealed class PendingRoundTrips
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> pending = new();

    public Task Expect(Guid id) =>
        pending.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Consumed(Guid id)
    {
        if (pending.TryGetValue(id, out var roundTrip))
        {
            roundTrip.TrySetResult();
        }
    }

    public void Forget(Guid id) => pending.TryRemove(id, out _);
}

internal sealed class RawRoundTripConsumer(PendingRoundTrips pending) : IConsumer<RawRoundTripPing>
{
    public Task Consume(ConsumeContext<RawRoundTripPing> context)
    {
        pending.Consumed(context.Message.Id);
        return Task.CompletedTask;
    }
}

public sealed record RawRoundTripPing(Guid Id, DateTimeOffset SentAt, string Sender);
