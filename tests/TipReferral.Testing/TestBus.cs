using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.Testing;

/// <summary>
/// A stand-in for another service: its own MassTransit bus on the real broker, under a
/// fixture's entity prefix, with temporary queues. Start it before the action under test:
/// a fan-out exchange drops what no queue was bound to receive. It retries as the services do.
/// </summary>
public sealed class TestBus : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private TestBus(ServiceProvider provider) => this.provider = provider;

    public IServiceProvider Services => provider;

    public IBus Bus => provider.GetRequiredService<IBus>();

    public static async Task<TestBus> StartAsync(
        Uri rabbitMq, string entityPrefix, Action<IBusRegistrationConfigurator> consumers, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(TimeProvider.System);
        services?.Invoke(collection);
        collection.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter($"{entityPrefix}-probe-{Guid.NewGuid():N}", includeNamespace: false));
            consumers(bus);
            bus.UseTemporaryQueues();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigureBroker(new RabbitMqOptions { Uri = rabbitMq, EntityPrefix = entityPrefix });
                rabbit.UseHouseRetry();
                rabbit.ConfigureEndpoints(context);
            });
        });
        var provider = collection.BuildServiceProvider();
        await provider.GetRequiredService<IBusControl>().StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return new TestBus(provider);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.GetRequiredService<IBusControl>().StopAsync();
        await provider.DisposeAsync();
    }
}

/// <summary>Every delivery a <see cref="RecordingConsumer{T}"/> saw, redeliveries included.</summary>
public sealed class MessageLog<T>
    where T : class
{
    private readonly ConcurrentQueue<(Guid? MessageId, T Message)> deliveries = new();

    public IReadOnlyList<(Guid? MessageId, T Message)> Deliveries => [.. deliveries];

    public void Add(Guid? messageId, T message) => deliveries.Enqueue((messageId, message));

    /// <summary>Polls until a delivery matches, or fails the test after <paramref name="timeout"/>.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (deliveries.Select(d => d.Message).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No {typeof(T).Name} matching the condition arrived within {timeout ?? TimeSpan.FromSeconds(30)}.");
    }
}

public sealed class RecordingConsumer<T>(MessageLog<T> log) : IConsumer<T>
    where T : class
{
    public Task Consume(ConsumeContext<T> context)
    {
        log.Add(context.MessageId, context.Message);
        return Task.CompletedTask;
    }
}

public static class TestBusExtensions
{
    /// <summary>Registers a temporary-queue consumer that records <typeparamref name="T"/> into a <see cref="MessageLog{T}"/>.</summary>
    public static MessageLog<T> Record<T>(this IBusRegistrationConfigurator bus)
        where T : class
    {
        var log = new MessageLog<T>();
        bus.AddSingleton(log);
        bus.AddConsumer<RecordingConsumer<T>>().Endpoint(endpoint => endpoint.Temporary = true);
        return log;
    }
}
