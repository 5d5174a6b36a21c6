using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Time.Testing;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.Identification;
using TipReferral.Legal;
using TipReferral.ServiceDefaults.Access;
using TipReferral.Shelter;
using TipReferral.Testing;
using ConsentGiver = TipReferral.Contracts.Identification.V1.ConsentGiver;
using ConsentPurpose = TipReferral.Contracts.Identification.V1.ConsentPurpose;
using ConsentRecipient = TipReferral.Contracts.Identification.V1.ConsentRecipient;
using ReflectionPeriodState = TipReferral.Repatriation.ReturnCases.ReflectionPeriodState;

namespace TipReferral.Repatriation.Tests.EndToEnd;

/// <summary>
/// The identification, shelter, legal-assistance and repatriation services on one broker, each
/// with its own database schema, as they run in production, on one test clock. Its test classes
/// share it one after another.
/// </summary>
public sealed class FourServices : IAsyncLifetime
{
    private const string Purpose = "Transnational referral (test)";

    public FourServices()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Repatriation = new RepatriationServiceOnTestClock(Clock);
        Identification = new ServiceFactory<global::Program>(IdentificationModule.ServiceName, Clock);
        Shelter = new ServiceFactory<TipReferral.Shelter.Program>(ShelterModule.ServiceName, Clock);
        Legal = new ServiceFactory<TipReferral.Legal.Program>(LegalModule.ServiceName, Clock);
        Identification.WithSetting("RabbitMq:EntityPrefix", Repatriation.EntityPrefix);
        Shelter.WithSetting("RabbitMq:EntityPrefix", Repatriation.EntityPrefix);
        Legal.WithSetting("RabbitMq:EntityPrefix", Repatriation.EntityPrefix);
        // Italy's period starts when the person is admitted to a shelter.
        Shelter.WithSetting("Shelter:ReflectionPeriod:Countries:IT:StartsAt", "Admission");
        // The whole case's history asks each of the other three services.
        Identification.WithSetting($"CaseHistorySources:{ShelterModule.ServiceName}:Address", Shelter.GrpcAddress.ToString());
        Identification.WithSetting($"CaseHistorySources:{LegalModule.ServiceName}:Address", Legal.GrpcAddress.ToString());
        Identification.WithSetting($"CaseHistorySources:{RepatriationModule.ServiceName}:Address", Repatriation.GrpcAddress.ToString());
    }

    public WholeCaseHistories.WholeCaseHistoriesClient WholeHistoryFor(DemoUser user) => new(Identification.InvokerFor(user, Purpose));

    public static DemoUser ScreenerInItaly => DemoUsers.For(Roles.Screener, "IT");

    public static DemoUser SupervisorInItaly => DemoUsers.For(Roles.Supervisor, "IT");

    public static DemoUser ShelterStaffInItaly => DemoUsers.For(Roles.ShelterStaff, "IT");

    public static DemoUser ProsecutorInItaly => DemoUsers.For(Roles.Prosecutor, "IT");

    /// <summary>The one clock of all four services.</summary>
    public FakeTimeProvider Clock { get; }

    public RepatriationServiceOnTestClock Repatriation { get; }

    public ServiceFactory<global::Program> Identification { get; }

    public ServiceFactory<TipReferral.Shelter.Program> Shelter { get; }

    public ServiceFactory<TipReferral.Legal.Program> Legal { get; }

    public VictimCases.VictimCasesClient IdentificationFor(DemoUser user) => new(Identification.InvokerFor(user, Purpose));

    public ShelterCases.ShelterCasesClient ShelterFor(DemoUser user) => new(Shelter.InvokerFor(user, Purpose));

    public TClient LegalClientFor<TClient>(DemoUser user)
        where TClient : ClientBase<TClient> =>
        (TClient)Activator.CreateInstance(typeof(TClient), Legal.InvokerFor(user, Purpose))!;


    /// <summary>
    /// A woman from Nigeria registered and formally identified in Italy, who consented to referral
    /// to <paramref name="agency"/> and was admitted to an Italian shelter: her reflection period runs,
    /// and the repatriation service knows it.
    /// </summary>
    public async Task<ShelteredWoman> AWomanShelteredInItalyAsync(DemoUser agency)
    {
        var identification = IdentificationFor(ScreenerInItaly);
        var registered = await identification.RegisterPresumedVictimAsync(new RegisterPresumedVictimRequest
        {
            Person = new PersonDetails
            {
                GivenName = "Blessing",
                FamilyName = "Okoro" + Guid.NewGuid().ToString("N")[..6],
                Gender = Gender.Female,
                DateOfBirth = new Google.Type.Date { Year = 1999, Month = 3, Day = 14 },
                Citizenships = { "NG" },
                Languages = { "en" },
            },
            IdentifiedAt = new IdentificationPlace { Place = "Torino", Country = "IT", IdentifyingAgency = ScreenerInItaly.Agency },
            FormsOfExploitation = { ExploitationType.Sexual },
        });
        await IdentificationFor(SupervisorInItaly).IdentifyFormallyAsync(new IdentifyFormallyRequest
        {
            CaseId = registered.CaseId,
            Outcome = IdentificationOutcome.IdentifiedAsVictim,
            DecidingOrganisation = new Organisation { Name = "Commissione Territoriale di Torino", Kind = OrganisationKind.GovernmentAgency },
            Reason = "Confirmed by interview",
        });
        var consent = await identification.RecordConsentAsync(new RecordConsentRequest
        {
            CaseId = registered.CaseId,
            Purpose = ConsentPurpose.CrossBorderReferral,
            Recipient = new ConsentRecipient { Country = agency.Country, Agency = agency.Agency },
            GivenBy = ConsentGiver.Person,
        });

        var shelterId = await ShelterInItalyAsync();
        await Eventually.HoldsAsync(async () => await ShelterKnowsAsync(registered.CaseId), "The case reaching the shelter service");
        await ShelterFor(ShelterStaffInItaly).AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = registered.CaseId, ShelterId = shelterId, Group = ResidentGroup.Women });
        await Eventually.HoldsAsync(
            async () => (await Repatriation.LoadAsync(registered.CaseId))?.ReflectionPeriod == ReflectionPeriodState.Running,
            "The reflection period's start reaching the repatriation service");
        return new ShelteredWoman(registered.CaseId, consent.ConsentId);
    }

    /// <summary>Requests the referral as soon as the consent recorded in the identification service has reached the repatriation service.</summary>
    public async Task<ReferralVersion> RequestReferralOnceConsentArrivedAsync(string caseId, string agencyId)
    {
        ReferralVersion? requested = null;
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                requested = await Repatriation.ReferralsFor(RepatriationService.CaseWorkerInItaly).RequestReferralAsync(RepatriationService.ReferralRequest(caseId, agencyId));
                return true;
            }
            catch (RpcException refused) when (refused.Status.Detail.Contains("'consent-required'", StringComparison.Ordinal))
            {
                return false; // the consent is on its way from the identification service
            }
        }, "Referral once the consent arrived");
        return requested!;
    }

    /// <summary>The shelter staff record that the person asked to end her reflection period; the repatriation service hears of it.</summary>
    public async Task EndReflectionPeriodAtHerRequestAsync(string caseId)
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        await ShelterFor(ShelterStaffInItaly).EndReflectionPeriodEarlyAsync(new EndReflectionPeriodEarlyRequest
        {
            CaseId = caseId,
            RequestedByPerson = true,
            RequestedOn = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day },
            RequestStatement = "I have decided; I want to go home now.",
        });
        await Eventually.HoldsAsync(
            async () => (await Repatriation.LoadAsync(caseId))?.ReflectionPeriod == ReflectionPeriodState.Ended,
            "The reflection period's end reaching the repatriation service");
    }

    private string? shelterInItaly;

    private async Task<string> ShelterInItalyAsync()
    {
        if (shelterInItaly is null)
        {
            var request = new RegisterShelterRequest
            {
                Name = "Casa Rifugio Torino",
                Country = "IT",
                Agency = ShelterStaffInItaly.Agency,
                Area = "Torino",
                Capacity = 50,
                Accepts = { ResidentGroup.Women },
            };
            var shelters = new Contracts.Shelter.V1.Shelters.SheltersClient(Shelter.InvokerFor(SupervisorInItaly, Purpose));
            shelterInItaly = (await shelters.RegisterShelterAsync(request)).ShelterId;
        }

        return shelterInItaly;
    }

    private async Task<bool> ShelterKnowsAsync(string caseId)
    {
        try
        {
            await ShelterFor(ShelterStaffInItaly).GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId });
            return true;
        }
        catch (RpcException notYet) when (notYet.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task InitializeAsync()
    {
        // The repatriation service first: its queues must be bound before the others publish.
        await Repatriation.InitializeAsync();
        await Task.WhenAll(Identification.InitializeAsync(), Shelter.InitializeAsync(), Legal.InitializeAsync());
    }

    public async Task DisposeAsync()
    {
        await Legal.DisposeAsync();
        await Shelter.DisposeAsync();
        await Identification.DisposeAsync();
        await Repatriation.DisposeAsync();
    }
}

/// <summary>A case registered in identification and admitted to a shelter, with the consent id for referral to the receiving agency.</summary>
public sealed record ShelteredWoman(string CaseId, string ConsentId);

/// <summary>The test classes that share the four services, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class FourServicesCollection : ICollectionFixture<FourServices>
{
    public const string Name = "Four services";
}
