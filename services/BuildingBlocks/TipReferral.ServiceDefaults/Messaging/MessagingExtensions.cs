using Marten;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TipReferral.ServiceDefaults.Messaging;

/// <summary>Broker settings, bound from the "RabbitMq" configuration section.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    /// <summary>amqp://user:password@host:port/vhost</summary>
    public Uri Uri { get; set; } = new("amqp://guest:guest@127.0.0.1:5672/");

    /// <summary>
    /// Prefix for every exchange and queue, so several environments (or test runs) can share
    /// one broker without seeing each other's messages.
    /// </summary>
    public string? EntityPrefix { get; set; }

    /// <summary>
    /// Receive queues are deleted when the service disconnects. Only for test runs: their
    /// uniquely prefixed queues would otherwise pile up on a shared broker, which then recovers
    /// thousands of them on every restart.
    /// </summary>
    public bool TemporaryQueues { get; set; }
}

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ with the house defaults: queues named after the service,
    /// immediate retries with back-off, then the endpoint's _error queue (nothing is
    /// acknowledged and dropped). Delayed redelivery is absent on purpose: it needs RabbitMQ's
    /// delayed-exchange plugin, which the Debian broker does not ship; durable timers live in
    /// Marten instead.
    /// </summary>
    public static WebApplicationBuilder AddTipReferralMessaging(
        this WebApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configure = null)
    {
        var options = builder.Configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        // Ready only once the receive endpoints are bound: a message published to an exchange with no
        // queue bound yet is dropped by the broker, and a first start would lose the events sent meanwhile.
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
        });
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(
                string.IsNullOrEmpty(options.EntityPrefix) ? serviceName : $"{options.EntityPrefix}-{serviceName}", includeNamespace: false));
            configure?.Invoke(bus);
            if (options.TemporaryQueues)
            {
                bus.UseTemporaryQueues();
            }

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigureBroker(options);
                rabbit.UseHouseRetry();
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// Retries a failed delivery in place with back-off before its message goes to the _error
    /// queue: rides out a broker or database blip, and lets a consumer that lost an optimistic
    /// concurrency race (see <see cref="CopiedDocuments"/>) apply its message on the newer state.
    /// </summary>
    public static void UseHouseRetry(this IRabbitMqBusFactoryConfigurator rabbit) =>
        rabbit.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400)));

    /// <summary>Every receive endpoint of the bus is deleted with its last consumer (test runs only).</summary>
    public static void UseTemporaryQueues(this IBusRegistrationConfigurator bus) =>
        bus.AddConfigureEndpointsCallback((_, endpoint) =>
        {
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.AutoDelete = true;
                rabbit.Durable = false;
            }
        });

    /// <summary>Points a bus at the configured broker; shared by services and test harnesses.</summary>
    public static void ConfigureBroker(this IRabbitMqBusFactoryConfigurator rabbit, RabbitMqOptions options)
    {
        var uri = options.Uri;
        var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        rabbit.Host(uri.Host, (ushort)(uri.IsDefaultPort || uri.Port <= 0 ? 5672 : uri.Port), string.IsNullOrEmpty(virtualHost) ? "/" : virtualHost, host =>
        {
            host.Username(credentials.ElementAtOrDefault(0) is { Length: > 0 } user ? user : "guest");
            host.Password(credentials.ElementAtOrDefault(1) ?? "guest");
        });

        if (!string.IsNullOrEmpty(options.EntityPrefix))
        {
            rabbit.MessageTopology.SetEntityNameFormatter(
                new PrefixEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter, $"{options.EntityPrefix}-"));
        }
    }

    /// <summary>Publishes this service's committed events through the Marten subscription outbox.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression PublishIntegrationEvents<TMap>(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
        where TMap : class, IIntegrationEventMap
    {
        marten.Services.AddSingleton<IIntegrationEventMap, TMap>();
        return marten.AddSubscriptionWithServices<IntegrationEventRelay>(ServiceLifetime.Singleton, subscription =>
        {
            subscription.Options.BatchSize = 100;
        });
    }
}
