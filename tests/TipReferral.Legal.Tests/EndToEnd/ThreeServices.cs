using Grpc.Core.Interceptors;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Identification;
using TipReferral.ServiceDefaults.Access;
using TipReferral.Shelter;
using TipReferral.Testing;

namespace TipReferral.Legal.Tests.EndToEnd;

/// <summary>The identification, shelter and legal-assistance services on one broker, each with its own database schema, as they run in production.</summary>
public sealed class ThreeServices : IAsyncLifetime
{
    public ThreeServices()
    {
        Legal = new LegalService();
        Shelter = new ServiceFactory<TipReferral.Shelter.Program>(ShelterModule.ServiceName);
        Shelter.WithSetting("RabbitMq:EntityPrefix", Legal.EntityPrefix);
        Identification = new ServiceFactory<global::Program>(IdentificationModule.ServiceName);
        Identification.WithSetting("RabbitMq:EntityPrefix", Legal.EntityPrefix);
        // The whole case's history asks the other two, and a fourth service that is configured but down.
        Identification.WithSetting(HistorySource(ShelterModule.ServiceName), Shelter.GrpcAddress.ToString());
        Identification.WithSetting(HistorySource(LegalModule.ServiceName), Legal.GrpcAddress.ToString());
        Identification.WithSetting(HistorySource(ServiceThatIsDown), $"http://127.0.0.1:{LoopbackPorts.Free()}");
    }

    /// <summary>Configured as a source of the whole case's history, with nothing listening at its address.</summary>
    public const string ServiceThatIsDown = "repatriation";

    private static string HistorySource(string service) => $"CaseHistorySources:{service}:Address";

    public LegalService Legal { get; }

    public ServiceFactory<global::Program> Identification { get; }

    public ServiceFactory<TipReferral.Shelter.Program> Shelter { get; }

    public VictimCases.VictimCasesClient IdentificationFor(DemoUser user) => new(Identification.InvokerFor(user, LegalService.DefaultPurpose));

    public Contracts.Shelter.V1.ShelterCases.ShelterCasesClient ShelterFor(DemoUser user) => new(Shelter.InvokerFor(user, LegalService.DefaultPurpose));

    public Contracts.Shelter.V1.Shelters.SheltersClient SheltersFor(DemoUser user) => new(Shelter.InvokerFor(user, LegalService.DefaultPurpose));

    public WholeCaseHistories.WholeCaseHistoriesClient WholeHistoryFor(DemoUser user) => new(Identification.InvokerFor(user, LegalService.DefaultPurpose));

    /// <summary>Waits until a case registered in the identification service has reached the legal-assistance and shelter services.</summary>
    public async Task UntilEveryServiceHasAsync(string caseId)
    {
        await Eventually.HoldsAsync(async () => await Legal.LoadAsync(caseId) is not null, "The case reaching the legal-assistance service");
        var id = Guid.Parse(caseId);
        await Eventually.HoldsAsync(
            async () =>
            {
                await using var session = Shelter.Services.GetRequiredService<IDocumentStore>().QuerySession();
                return await session.Query<TipReferral.Shelter.ShelterCases.ShelterCase>().AnyAsync(c => c.Id == id);
            },
            "The case reaching the shelter service");
    }


    public async Task InitializeAsync()
    {
        await Legal.InitializeAsync();
        await Identification.InitializeAsync();
        await Shelter.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Shelter.DisposeAsync();
        await Identification.DisposeAsync();
        await Legal.DisposeAsync();
    }
}
