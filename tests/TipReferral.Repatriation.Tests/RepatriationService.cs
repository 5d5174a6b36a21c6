using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.Testing;
using ReflectionPeriodState = TipReferral.Repatriation.ReturnCases.ReflectionPeriodState;
using ReturnCase = TipReferral.Repatriation.ReturnCases.ReturnCase;

namespace TipReferral.Repatriation.Tests;

/// <summary>
/// The repatriation service on a real server (PostgreSQL, RabbitMQ, daemon, timers), shared by a
/// test class, with signing keys of its own for Italy, Nigeria and Ghana. Other services' facts
/// arrive as their integration events, through the service's own consumers.
/// </summary>
public class RepatriationService : ServiceWithTestBus<Program>
{
    public const string DefaultPurpose = "Repatriation (test)";

    /// <summary>The countries this deployment signs for and trusts; each key id is the country's.</summary>
    public static readonly IReadOnlyDictionary<string, ECDsa> CountryKeys = new Dictionary<string, ECDsa>
    {
        ["IT"] = ECDsa.Create(ECCurve.NamedCurves.nistP256),
        ["NG"] = ECDsa.Create(ECCurve.NamedCurves.nistP256),
        ["GH"] = ECDsa.Create(ECCurve.NamedCurves.nistP256),
    };

    public static string KeyIdOf(string country) => SignedDocumentKeys.KeyIdOf(country);

    public RepatriationService()
        : this(null)
    {
    }

    protected RepatriationService(TimeProvider? clock)
        : base(RepatriationModule.ServiceName, clock)
    {
        this.WithSignedDocumentKeys(CountryKeys);
        WithSetting("Referrals:Deadlines:Countries:NG:Acknowledge", "3.00:00:00");
        WithSetting("Referrals:Deadlines:Countries:NG:Answer", "14.00:00:00");
    }

    public static DemoUser CaseWorkerInItaly => DemoUsers.For(Roles.CaseWorker, "IT");

    public static DemoUser AgencyInNigeria => DemoUsers.For(Roles.ReceivingAgency, "NG");

    public static DemoUser AdministratorInNigeria => DemoUsers.For(Roles.Administrator, "NG");

    /// <summary>A client of any of the service's gRPC services (one per capability) for <paramref name="user"/>, stating the default purpose.</summary>
    public TClient ClientFor<TClient>(DemoUser user)
        where TClient : ClientBase<TClient> =>
        ClientFor<TClient>(user, DefaultPurpose);

    public Referrals.ReferralsClient ReferralsFor(DemoUser user) => ClientFor<Referrals.ReferralsClient>(user);

    public Travel.TravelClient TravelFor(DemoUser user) => ClientFor<Travel.TravelClient>(user);

    public Contracts.Repatriation.V1.SignedDocuments.SignedDocumentsClient SignedDocumentsFor(DemoUser user) =>
        ClientFor<Contracts.Repatriation.V1.SignedDocuments.SignedDocumentsClient>(user);

    public Contracts.Audit.V1.ReadAudit.ReadAuditClient AuditClientFor(DemoUser user) => ClientFor<Contracts.Audit.V1.ReadAudit.ReadAuditClient>(user);


    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public async Task<ReturnCase?> LoadAsync(string caseId)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<ReturnCase>(Guid.Parse(caseId));
    }

    /// <summary>A victim case as if the identification service had registered it.</summary>
    public async Task<string> AVictimCaseAsync(string country = "IT", bool child = false)
    {
        var caseId = Guid.CreateVersion7();
        await PublishAsync(new VictimCaseRegisteredIntegrationEvent(caseId, $"{country}-T-{caseId:N}"[..20], country, child, Clock.GetUtcNow()));
        await Eventually.HoldsAsync(async () => await LoadAsync(caseId.ToString()) is not null);
        return caseId.ToString();
    }

    /// <summary>The directory entry of <paramref name="agency"/>'s agency (listed once per test server), its id.</summary>
    public async Task<string> AgencyIdOfAsync(DemoUser agency)
    {
        var admin = DemoUsers.For(Roles.Administrator, agency.Country);
        var counterparts = ClientFor<Contracts.Repatriation.V1.Counterparts.CounterpartsClient>(admin);
        var listed = await counterparts.ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = agency.Country });
        if (listed.Agencies.FirstOrDefault(a => a.Name == agency.Agency) is { } found)
        {
            return found.AgencyId;
        }

        var request = new RegisterReceivingAgencyRequest { Name = agency.Agency, Kind = AgencyKind.GovernmentAgency };
        request.Languages.Add("en");
        request.Services.Add(AgencyService.Reintegration);
        request.Services.Add(AgencyService.FamilyTracing);
        try
        {
            return (await counterparts.RegisterReceivingAgencyAsync(request)).AgencyId;
        }
        catch (RpcException)
        {
            // Listed meanwhile by a concurrent test of the class.
            var again = await counterparts.ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = agency.Country });
            return again.Agencies.Single(a => a.Name == agency.Agency).AgencyId;
        }
    }

    /// <summary>Consent for cross-border referral to <paramref name="agency"/>, as the identification service publishes it.</summary>
    public async Task<Guid> GiveConsentAsync(string caseId, DemoUser agency, string givenBy = "Person")
    {
        var consentId = Guid.NewGuid();
        await PublishAsync(new ConsentGivenIntegrationEvent(
            Guid.Parse(caseId), consentId, nameof(Domain.ConsentPurpose.CrossBorderReferral), agency.Country, agency.Agency, givenBy, Clock.GetUtcNow(), ExpiresAt: null));
        await Eventually.HoldsAsync(async () =>
        {
            await using var session = Store.QuerySession();
            var ledger = await session.LoadAsync<ServiceDefaults.Consent.CaseConsents>(Guid.Parse(caseId));
            return ledger?.Consents.Any(c => c.ConsentId == consentId) == true;
        });
        return consentId;
    }

    public async Task WithdrawConsentAsync(string caseId, Guid consentId, DemoUser agency)
    {
        await PublishAsync(new ConsentWithdrawnIntegrationEvent(
            Guid.Parse(caseId), consentId, nameof(Domain.ConsentPurpose.CrossBorderReferral), agency.Country, agency.Agency, Clock.GetUtcNow()));
        await Eventually.HoldsAsync(async () =>
        {
            await using var session = Store.QuerySession();
            var ledger = await session.LoadAsync<ServiceDefaults.Consent.CaseConsents>(Guid.Parse(caseId));
            return ledger?.Consents.Any(c => c.ConsentId == consentId && c.WithdrawnAt is not null) == true;
        });
    }

    /// <summary>A case of <paramref name="country"/> that its case worker referred to <paramref name="agency"/>'s agency, with consent; not yet answered.</summary>
    public async Task<string> AReferredCaseAsync(string country, DemoUser agency)
    {
        var caseId = await AVictimCaseAsync(country);
        var agencyId = await AgencyIdOfAsync(agency);
        await GiveConsentAsync(caseId, agency);
        await ReferralsFor(DemoUsers.For(Roles.CaseWorker, country)).RequestReferralAsync(ReferralRequest(caseId, agencyId));
        return caseId;
    }

    /// <summary>The shelter service's word that the reflection period ended at the person's request.</summary>
    public async Task EndReflectionPeriodAsync(string caseId)
    {
        await PublishAsync(new Contracts.Shelter.V1.ReflectionPeriodEndedIntegrationEvent(Guid.Parse(caseId), "IT", "ENDED_AT_PERSONS_REQUEST", Clock.GetUtcNow()));
        await Eventually.HoldsAsync(async () => (await LoadAsync(caseId))?.ReflectionPeriod == ReflectionPeriodState.Ended);
    }

    /// <summary>A request to refer the person (adult) to <paramref name="agencyId"/>, with a minimal package.</summary>
    public static RequestReferralRequest ReferralRequest(string caseId, string agencyId, bool child = false)
    {
        var package = new DisclosurePackage
        {
            Identity = new TravelIdentity
            {
                GivenName = "Blessing",
                FamilyName = "Okoro",
                DateOfBirth = new Google.Type.Date { Year = child ? 2011 : 1999, Month = 3, Day = 14 },
                Nationality = "NG",
                PlaceOfOrigin = "Benin City",
            },
            HealthNeeds = "Follow-up for a chronic condition.",
            ProtectionNeeds = "Not to be placed near the recruiters' area.",
            Risks = "Debt bondage claims by the madam's relatives.",
        };
        package.Languages.Add("en");
        if (child)
        {
            package.Guardian = new GuardianContact { Name = "Avv. Rita Lanza", Relationship = "Appointed guardian", Contact = "+39 011 000 0000" };
        }

        return new RequestReferralRequest
        {
            CaseId = caseId,
            ReceivingAgencyId = agencyId,
            Purpose = child ? ReferralPurpose.FamilyReunificationOfChild : ReferralPurpose.VoluntaryReturnAndReintegration,
            ReturnDecision = new ReturnDecision
            {
                DecidedOn = new Google.Type.Date { Year = 2026, Month = 1, Day = 5 },
                InformedBy = "Francesca Bianchi, with an Edo interpreter",
                Statement = "I want to go home to my mother and finish school.",
            },
            Package = package,
        };
    }

}
