using Grpc.Core;
using Grpc.Core.Interceptors;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using LegalFile = TipReferral.Legal.LegalFiles.LegalFile;
using TipReferral.ServiceDefaults.Access;
using TipReferral.Testing;

namespace TipReferral.Legal.Tests;

/// <summary>The legal-assistance service on a real server (PostgreSQL, RabbitMQ, daemon, timers), shared by a test class.</summary>
public class LegalService : ServiceFactory<Program>
{
    public LegalService()
        : this(null)
    {
    }

    protected LegalService(TimeProvider? clock)
        : base(LegalModule.ServiceName, clock)
    {
    }

    public const string DefaultPurpose = "Legal assistance (test)";

    /// <summary>The demo prosecutor of Italy; DemoUsers gives each role of a country one agency.</summary>
    public static DemoUser ProsecutorInItaly => DemoUsers.For(Roles.Prosecutor, "IT");

    public static DemoUser AuthorityInItaly => DemoUsers.For(Roles.WitnessProtectionAuthority, "IT");

    public LegalCases.LegalCasesClient LegalCasesFor(DemoUser user, string? purpose = DefaultPurpose) => ClientFor<LegalCases.LegalCasesClient>(user, purpose);

    /// <summary>A client of any of the service's gRPC services (one per capability) for <paramref name="user"/>, stating <paramref name="purpose"/>.</summary>
    public TClient ClientFor<TClient>(DemoUser user, string? purpose = DefaultPurpose)
        where TClient : ClientBase<TClient> =>
        (TClient)Activator.CreateInstance(typeof(TClient), Invoker(user, purpose))!;

    public TipReferral.Contracts.Audit.V1.ReadAudit.ReadAuditClient AuditClientFor(DemoUser user) => new(Invoker(user, DefaultPurpose));

    private CallInvoker Invoker(DemoUser user, string? purpose) =>
        purpose is null
            ? ChannelFor(user).CreateCallInvoker()
            : ChannelFor(user).Intercept(headers =>
            {
                headers.Add(AccessInterceptor.PurposeHeader, purpose);
                return headers;
            });

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>A victim case as if the identification service had registered it, taken in through the service's own consumer.</summary>
    public async Task<string> AVictimCaseAsync(string country = "IT", bool child = false)
    {
        var caseId = Guid.CreateVersion7();
        await PublishAsync(new Contracts.Identification.V1.VictimCaseRegisteredIntegrationEvent(caseId, $"{country}-T-{caseId:N}"[..20], country, child, Clock.GetUtcNow()));
        await Eventually.HoldsAsync(async () => await LoadAsync(caseId.ToString()) is not null);
        return caseId.ToString();
    }

    /// <summary>A victim case with a proceeding of <paramref name="prosecutor"/>'s office linked to it.</summary>
    public async Task<(string CaseId, string LegalCaseId)> AVictimCaseWithLegalCaseAsync(DemoUser? prosecutor = null)
    {
        prosecutor ??= ProsecutorInItaly;
        var caseId = await AVictimCaseAsync(prosecutor.Country);
        var opened = await LegalCasesFor(prosecutor).OpenLegalCaseAsync(OpenLegalCaseRequest(caseId, prosecutor.Country));
        return (caseId, opened.LegalCaseId);
    }

    public static OpenLegalCaseRequest OpenLegalCaseRequest(string caseId, string country = "IT", string caseNumber = "RG 1234/2026")
    {
        var request = new OpenLegalCaseRequest
        {
            CaseId = caseId,
            Jurisdiction = new Jurisdiction { Country = country, AuthorityKind = AuthorityKind.ProsecutorsOffice, AuthorityName = "Procura di Torino" },
            AuthorityCaseNumber = caseNumber,
        };
        request.Offences.Add(Offence.TraffickingInPersons);
        request.VictimRoles.Add(VictimRole.Witness);
        return request;
    }

    public async Task<LegalFile?> LoadAsync(string caseId)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<LegalFile>(Guid.Parse(caseId));
    }

    private TestBus? bus;

    /// <summary>A bus on the service's broker and entity prefix: publishes as the other services would, and records what this service publishes.</summary>
    public TestBus Bus => bus ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Publishes as its runtime type (as the outbox does), with a given message id to simulate a redelivery.</summary>
    public Task PublishAsync(object message, Guid? messageId = null) =>
        Bus.Bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = messageId ?? Guid.NewGuid()), CancellationToken.None);

    /// <summary>Lets a test class record what this service publishes; called before the bus starts.</summary>
    protected virtual void Record(IBusRegistrationConfigurator probe)
    {
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The host starts its bus in the background: a message published before its queues are bound is lost, and a test's first case with it.
        await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
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
