using MassTransit;

namespace TipReferral.Testing;

/// <summary>
/// A service under test with a bus of its own on the service's broker and entity prefix: it
/// publishes as the other services would, and records what the service publishes.
/// </summary>
public abstract class ServiceWithTestBus<TProgram>(string serviceName, TimeProvider? clock = null) : ServiceFactory<TProgram>(serviceName, clock)
    where TProgram : class
{
    private TestBus? bus;

    public TestBus Bus => bus ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Publishes as its runtime type (as the outbox does), with a given message id to simulate a redelivery.</summary>
    public Task PublishAsync(object message, Guid? messageId = null) =>
        Bus.Bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = messageId ?? Guid.NewGuid()), CancellationToken.None);

    /// <summary>Lets a fixture record what the service publishes; called before the bus starts.</summary>
    protected virtual void Record(IBusRegistrationConfigurator probe)
    {
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        bus = await TestBus.StartAsync(RabbitMqUri, EntityPrefix, Record);
    }

    public override async ValueTask DisposeAsync()
    {
        if (bus is not null)
        {
            await bus.DisposeAsync();
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
