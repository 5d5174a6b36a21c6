using System.Security.Cryptography;
using Grpc.Core;
using TipReferral.Identification;
using TipReferral.Legal;
using TipReferral.Repatriation;
using TipReferral.Shelter;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Hosting;

/// <summary>
/// The whole system a person reaches through the portal: the identification, shelter,
/// legal-assistance and repatriation services on one broker (each with its own schema, as in
/// production), the shared identity provider, and the portal in front of them on real Kestrel.
/// Tests arrange what they do not test through the services' gRPC APIs as a user would have.
/// </summary>
public sealed class PortalSystem : IAsyncLifetime
{
    public const string SetupPurpose = "Portal test setup";

    private static readonly IReadOnlyDictionary<string, ECDsa> CountryKeys = new Dictionary<string, ECDsa>
    {
        ["IT"] = ECDsa.Create(ECCurve.NamedCurves.nistP256),
        ["NG"] = ECDsa.Create(ECCurve.NamedCurves.nistP256),
        ["GH"] = ECDsa.Create(ECCurve.NamedCurves.nistP256),
    };

    public PortalSystem()
    {
        Identification = new ServiceFactory<global::Program>(IdentificationModule.ServiceName);
        Shelter = new ServiceFactory<TipReferral.Shelter.Program>(ShelterModule.ServiceName);
        Legal = new ServiceFactory<TipReferral.Legal.Program>(LegalModule.ServiceName);
        Repatriation = new ServiceFactory<TipReferral.Repatriation.Program>(RepatriationModule.ServiceName);
        Repatriation.WithSignedDocumentKeys(CountryKeys);
        Identification.WithSetting("RabbitMq:EntityPrefix", Repatriation.EntityPrefix);
        Shelter.WithSetting("RabbitMq:EntityPrefix", Repatriation.EntityPrefix);
        Legal.WithSetting("RabbitMq:EntityPrefix", Repatriation.EntityPrefix);
        // Italy's reflection period starts when the person is admitted to a shelter.
        Shelter.WithSetting("Shelter:ReflectionPeriod:Countries:IT:StartsAt", "Admission");
        Identification.WithSetting($"CaseHistorySources:{ShelterModule.ServiceName}:Address", Shelter.GrpcAddress.ToString());
        Identification.WithSetting($"CaseHistorySources:{LegalModule.ServiceName}:Address", Legal.GrpcAddress.ToString());
        Identification.WithSetting($"CaseHistorySources:{RepatriationModule.ServiceName}:Address", Repatriation.GrpcAddress.ToString());
        Portal = new PortalFactory(this);
    }

    public ServiceFactory<global::Program> Identification { get; }

    public ServiceFactory<TipReferral.Shelter.Program> Shelter { get; }

    public ServiceFactory<TipReferral.Legal.Program> Legal { get; }

    public ServiceFactory<TipReferral.Repatriation.Program> Repatriation { get; }

    public PortalFactory Portal { get; }

    /// <summary>A gRPC client of identification for arranging a test as <paramref name="user"/>.</summary>
    public TClient IdentificationClient<TClient>(DemoUser user)
        where TClient : ClientBase<TClient> => Identification.ClientFor<TClient>(user, SetupPurpose);

    public TClient ShelterClient<TClient>(DemoUser user)
        where TClient : ClientBase<TClient> => Shelter.ClientFor<TClient>(user, SetupPurpose);

    public TClient LegalClient<TClient>(DemoUser user)
        where TClient : ClientBase<TClient> => Legal.ClientFor<TClient>(user, SetupPurpose);

    public TClient RepatriationClient<TClient>(DemoUser user)
        where TClient : ClientBase<TClient> => Repatriation.ClientFor<TClient>(user, SetupPurpose);

    /// <summary>A person's session in the portal, without a browser: pages as HTML, forms posted as a browser posts them.</summary>
    public PortalClient As(DemoUser user) => PortalClient.SignedInAs(Portal, user);

    public async Task InitializeAsync()
    {
        // The repatriation service first: its queues must be bound before the others publish.
        await Repatriation.InitializeAsync();
        await Task.WhenAll(Identification.InitializeAsync(), Shelter.InitializeAsync(), Legal.InitializeAsync());
        await Portal.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Legal.DisposeAsync();
        await Shelter.DisposeAsync();
        await Identification.DisposeAsync();
        await Repatriation.DisposeAsync();
    }
}

/// <summary>The test classes that share one <see cref="PortalSystem"/>, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PortalSystemCollection : ICollectionFixture<PortalSystem>
{
    public const string Name = "Portal system";
}
