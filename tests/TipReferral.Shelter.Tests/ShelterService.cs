using Grpc.Core;
using Grpc.Core.Interceptors;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Consent;
using TipReferral.Testing;
using DomainConsent = TipReferral.Domain.Consent;

namespace TipReferral.Shelter.Tests;

/// <summary>The shelter service on a real server (PostgreSQL, RabbitMQ, daemon, timers), shared by a test class.</summary>
public class ShelterService : ServiceWithTestBus<Program>
{
    public ShelterService()
        : this(null)
    {
    }

    protected ShelterService(TimeProvider? clock)
        : base(ShelterModule.ServiceName, clock)
    {
        WithServices(services => services.AddConsumeObserver(_ => Consumed));
    }

    /// <summary>The message ids the service's consumers handled: wait on one before asserting a redelivery changed nothing.</summary>
    public ConsumedMessages Consumed { get; } = new();

    public const string DefaultPurpose = "Shelter case management (test)";

    public static DemoUser StaffInNigeria => DemoUsers.For(Roles.ShelterStaff, "NG");

    public static DemoUser SupervisorInNigeria => DemoUsers.For(Roles.Supervisor, "NG");

    public Contracts.Shelter.V1.Shelters.SheltersClient SheltersFor(DemoUser user) => new(InvokerFor(user, DefaultPurpose));

    public Contracts.Shelter.V1.ShelterCases.ShelterCasesClient CasesFor(DemoUser user, string? purpose = DefaultPurpose) => new(InvokerFor(user, purpose));

    public TipReferral.Contracts.Audit.V1.ReadAudit.ReadAuditClient AuditClientFor(DemoUser user) => new(InvokerFor(user, DefaultPurpose));


    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>A shelter of <paramref name="country"/>, registered by that country's supervisor.</summary>
    public async Task<string> RegisterShelterAsync(
        int capacity, string country = "NG", string agency = "NAPTIP Shelter Lagos", ResidentGroup[]? accepts = null, bool wheelchairAccessible = false, string? name = null)
    {
        var request = new RegisterShelterRequest
        {
            Name = name ?? $"Shelter {Guid.NewGuid():N}"[..16],
            Country = country,
            Agency = agency,
            Area = "Ikeja",
            Capacity = capacity,
            WheelchairAccessible = wheelchairAccessible,
        };
        request.Accepts.AddRange(accepts ?? [ResidentGroup.Women, ResidentGroup.Men]);
        return (await SheltersFor(DemoUsers.For(Roles.Supervisor, country)).RegisterShelterAsync(request)).ShelterId;
    }

    /// <summary>
    /// A case as if the identification service had published it: taken in through the shelter
    /// service's own consumer path, with consent to shelter referral to any agency of its country.
    /// </summary>
    public async Task<string> ACaseAwaitingPlacementAsync(string country = "NG", bool child = false, bool identified = true)
    {
        var caseId = Guid.CreateVersion7();
        await PublishAsync(
            identified
                ? new Contracts.Identification.V1.VictimIdentifiedIntegrationEvent(caseId, $"{country}-T-{caseId:N}"[..20], country, child, "NAPTIP", Clock.GetUtcNow())
                : new Contracts.Identification.V1.VictimCaseRegisteredIntegrationEvent(caseId, $"{country}-T-{caseId:N}"[..20], country, child, Clock.GetUtcNow()));
        await Eventually.HoldsAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.Query<TipReferral.Shelter.ShelterCases.ShelterCase>().AnyAsync(c => c.Id == caseId);
        });
        await using (var session = Store.LightweightSession())
        {
            session.Store(new CaseConsents(caseId, [new DomainConsent(
                Guid.NewGuid(), ConsentPurpose.ShelterReferral, new ConsentRecipient(country, null), ConsentGiver.Person, Clock.GetUtcNow(), null, null, null)]));
            await session.SaveChangesAsync();
        }

        return caseId.ToString();
    }

    public MessageLog<VictimAdmittedToShelterIntegrationEvent> Admitted { get; private set; } = null!;

    public MessageLog<ReflectionPeriodStartedIntegrationEvent> ReflectionStarted { get; private set; } = null!;

    public MessageLog<ReflectionPeriodEndedIntegrationEvent> ReflectionEnded { get; private set; } = null!;

    protected override void Record(IBusRegistrationConfigurator probe)
    {
        Admitted = probe.Record<VictimAdmittedToShelterIntegrationEvent>();
        ReflectionStarted = probe.Record<ReflectionPeriodStartedIntegrationEvent>();
        ReflectionEnded = probe.Record<ReflectionPeriodEndedIntegrationEvent>();
    }
}
