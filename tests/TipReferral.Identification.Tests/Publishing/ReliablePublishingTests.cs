using System.Net;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Identification.V1;
using TipReferral.ServiceDefaults.Messaging;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Publishing;

/// <summary>The identification service, reaching the broker only through a proxy the test can cut.</summary>
public sealed class IdentificationServiceBehindBrokerProxy : IAsyncLifetime
{
    public IdentificationService Service { get; } = new();

    public TcpProxy BrokerLink { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var (_, rabbitMq) = await TestInfrastructure.GetAsync();
        var brokerAddress = (await Dns.GetHostAddressesAsync(rabbitMq.Host)).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
        BrokerLink = new TcpProxy(new IPEndPoint(brokerAddress, rabbitMq.IsDefaultPort || rabbitMq.Port <= 0 ? 5672 : rabbitMq.Port));
        BrokerLink.Start();
        Service.WithSetting("RabbitMq:Uri", new UriBuilder(rabbitMq) { Host = "127.0.0.1", Port = BrokerLink.Port }.Uri.ToString());
        await Service.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await BrokerLink.DisposeAsync();
    }
}

/// <summary>What a consuming service did with each registration: counted, so a double effect shows.</summary>
public sealed record RegistrationTally(Guid Id, int Count);

/// <summary>A consumer built on the shared inbox pattern, standing in for a later service.</summary>
public sealed class RegistrationTallyConsumer(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<VictimCaseRegisteredIntegrationEvent>(store, clock)
{
    protected override async Task HandleAsync(ConsumeContext<VictimCaseRegisteredIntegrationEvent> context, IDocumentSession session)
    {
        var tally = await session.LoadAsync<RegistrationTally>(context.Message.CaseId, context.CancellationToken);
        session.Store(new RegistrationTally(context.Message.CaseId, (tally?.Count ?? 0) + 1));
    }
}

public sealed class ReliablePublishingTests(IdentificationServiceBehindBrokerProxy fixture) : IClassFixture<IdentificationServiceBehindBrokerProxy>
{
    private IdentificationService Service => fixture.Service;

    [Fact]
    public async Task Registrations_made_while_the_broker_is_unreachable_are_all_delivered_once_it_returns_and_none_is_applied_twice()
    {
        MessageLog<VictimCaseRegisteredIntegrationEvent>? deliveries = null;
        await using var consumingService = await TestBus.StartAsync(
            Service.RabbitMqUri,
            Service.EntityPrefix,
            bus =>
            {
                bus.AddConsumer<RegistrationTallyConsumer>().Endpoint(endpoint => endpoint.Temporary = true);
                deliveries = bus.Record<VictimCaseRegisteredIntegrationEvent>();
            },
            services => services.AddMarten(opts =>
            {
                opts.Connection(Service.PostgresConnectionString);
                opts.DatabaseSchemaName = Service.Schema + "_inbox";
            }));

        fixture.BrokerLink.Stop();
        var client = Service.ClientFor(ScreenerInNigeria);
        var registered = new List<RegisterPresumedVictimResponse>();
        for (var i = 0; i < 5; i++)
        {
            registered.Add(await client.RegisterPresumedVictimAsync(ARegistration($"Outage{i}", "Case")));
        }

        // While the link is down nothing can have reached the broker.
        await Task.Delay(TimeSpan.FromSeconds(3));
        deliveries!.Deliveries.ShouldBeEmpty();

        fixture.BrokerLink.Start();
        var caseIds = registered.Select(r => Guid.Parse(r.CaseId)).ToHashSet();
        foreach (var caseId in caseIds)
        {
            await deliveries.WaitForAsync(e => e.CaseId == caseId, TimeSpan.FromSeconds(120));
        }

        // A redelivery of an already handled message (as after a lost acknowledgement).
        var first = deliveries.Deliveries.First(d => caseIds.Contains(d.Message.CaseId));
        await consumingService.Bus.Publish(first.Message, context => context.MessageId = first.MessageId);
        await WaitUntilAsync(() => deliveries.Deliveries.Count(d => d.MessageId == first.MessageId) >= 2);

        var store = consumingService.Services.GetRequiredService<IDocumentStore>();
        await WaitUntilAsync(async () =>
        {
            await using var session = store.QuerySession();
            return (await session.LoadManyAsync<RegistrationTally>(caseIds)).Count == caseIds.Count;
        });
        await using (var session = store.QuerySession())
        {
            var tallies = await session.LoadManyAsync<RegistrationTally>(caseIds);
            tallies.ShouldAllBe(tally => tally.Count == 1);
            (await session.Query<ProcessedMessage>().CountAsync()).ShouldBe(caseIds.Count);
        }

        deliveries.Deliveries.Where(d => caseIds.Contains(d.Message.CaseId)).Select(d => d.MessageId).Distinct().Count().ShouldBe(caseIds.Count);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition did not hold within 60 s");
            await Task.Delay(100);
        }
    }
}
