using Grpc.Core;
using TipReferral.Contracts.Repatriation.V1;
using Identification = TipReferral.Contracts.Identification.V1;

/// <summary>
/// The repatriation service's demo data: the directory of counterparts (in Nigeria NAPTIP's
/// counselling and rehabilitation unit in Abuja and an NGO in Benin City, in Italy the Questura
/// di Torino for returns to Italy), and a referral in progress between Italy and Nigeria: Amina,
/// registered in Torino, decided to go home; she consented to share her case with NAPTIP Abuja,
/// the Italian case worker referred her, NAPTIP acknowledged and accepted, and both sides
/// assessed the risk. She is not ready to travel: no reflection period has run in Italy yet (it
/// starts there on admission to a shelter) and no travel document is recorded, which the
/// return-readiness query shows gate by gate.
/// </summary>
internal static class RepatriationDemo
{
    // Demo users of the development identity provider (services/Identity, appsettings.Development.json).
    private const string AdministratorNigeria = "administrator.ng", AdministratorItaly = "administrator.it";
    private const string CaseWorkerItaly = "caseworker.it", ReceivingAgencyNigeria = "receivingagency.ng";

    /// <summary>The agency claim receivingagency.ng's tokens carry: the referral goes to exactly this name.</summary>
    public const string NaptipAbuja = "NAPTIP Abuja – Counselling and Rehabilitation";

    private static readonly RegisterReceivingAgencyRequest[] Nigeria =
    [
        Agency(NaptipAbuja, AgencyKind.GovernmentAgency, ["en", "ha", "yo", "ig"],
            [AgencyService.Reintegration, AgencyService.FamilyTracing, AgencyService.Shelter, AgencyService.Medical],
            new ContactPoint { Name = "Hauwa Musa", Function = "Head of counselling", Phone = "+234 9 000 0000", Email = "counselling@naptip.example" }),
        Agency("Idia Renaissance, Benin City", AgencyKind.NonGovernmentalOrganisation, ["en"],
            [AgencyService.Reintegration, AgencyService.Psychosocial, AgencyService.FamilyTracing],
            new ContactPoint { Name = "Osas Ehigiator", Function = "Returnee programme", Phone = "+234 52 000 000", Email = "returnees@idia.example" }),
    ];

    private static readonly RegisterReceivingAgencyRequest[] Italy =
    [
        // The name receivingagency.it's tokens carry, for a return to Italy.
        Agency("Questura di Torino – Ufficio Immigrazione", AgencyKind.GovernmentAgency, ["it", "en"],
            [AgencyService.Legal, AgencyService.Shelter],
            new ContactPoint { Name = "Andrea Gallo", Function = "Ufficio Immigrazione", Phone = "+39 011 000 0000", Email = "immigrazione.to@questura.example" }),
    ];

    public static async Task<int> SeedAsync(Uri address, Uri identification, IdentityProvider identityProvider, DemoCases cases)
    {
        async Task<T> As<T>(Uri at, string username, Func<CallInvoker, T> client) => client((await DemoChannels.ForAsync(at, identityProvider, username)).CreateCallInvoker());

        var agencies = await EnsureListedAsync(await As(address, AdministratorNigeria, i => new Counterparts.CounterpartsClient(i)), "NG", Nigeria);
        await EnsureListedAsync(await As(address, AdministratorItaly, i => new Counterparts.CounterpartsClient(i)), "IT", Italy);

        var amina = cases.AminaInItaly;
        var travel = await As(address, CaseWorkerItaly, i => new Travel.TravelClient(i));
        await DemoArrival.WaitAsync("repatriation", amina, () => travel.GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = amina.CaseId }).ResponseAsync);
        var referrals = await As(address, CaseWorkerItaly, i => new Referrals.ReferralsClient(i));
        if (await HasReferralAsync(referrals, amina))
        {
            Console.WriteLine("Repatriation demo data already present.");
            return 0;
        }

        // Consent is the identification service's; it reaches this service's ledger over RabbitMQ.
        var naptip = agencies[NaptipAbuja];
        await new Identification.VictimCases.VictimCasesClient(await DemoChannels.ForAsync(identification, identityProvider, CaseWorkerItaly))
            .RecordConsentAsync(new Identification.RecordConsentRequest
            {
                CaseId = amina.CaseId,
                Purpose = Identification.ConsentPurpose.CrossBorderReferral,
                Recipient = new Identification.ConsentRecipient { Country = naptip.Country, Agency = naptip.Name },
                GivenBy = Identification.ConsentGiver.Person,
            });

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var requested = await DemoConsents.WhenArrivedAsync(() => referrals.RequestReferralAsync(new RequestReferralRequest
        {
            CaseId = amina.CaseId,
            ReceivingAgencyId = naptip.AgencyId,
            Purpose = ReferralPurpose.VoluntaryReturnAndReintegration,
            ReturnDecision = new ReturnDecision
            {
                DecidedOn = DemoDates.Of(today.AddDays(-2)),
                InformedBy = "Francesca Bianchi (Servizi Sociali) with an Edo-speaking cultural mediator: staying, returning, a third country",
                Statement = "I want to go home to my mother in Lagos and learn a trade. I am not afraid of the police there, only of the madam's people.",
            },
            Package = new DisclosurePackage
            {
                Identity = new TravelIdentity { GivenName = "Amina", FamilyName = "Belo", DateOfBirth = DemoDates.Of(new(1998, 3, 14)), Nationality = "NG", PlaceOfOrigin = "Lagos, Ikeja" },
                Languages = { "en", "yo" },
                HealthNeeds = "Follow-up of a wrist injury; counselling twice a week.",
                ProtectionNeeds = "Not to be housed near Ikeja until the recruiter's contacts are known.",
                Risks = "The madam's family lives in Lagos and has asked after her.",
            },
        }).ResponseAsync);

        var agencyReferrals = await As(address, ReceivingAgencyNigeria, i => new Referrals.ReferralsClient(i));
        await agencyReferrals.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { CaseId = amina.CaseId, ContactPerson = "Hauwa Musa" });
        await agencyReferrals.AcceptReferralAsync(new AcceptReferralRequest { CaseId = amina.CaseId, Note = "A place in our Abuja shelter for the first weeks; family tracing in Lagos started." });

        // Each side's own view; the case's overall level is the higher of the two.
        async Task AssessAsync(string username, RiskLevel toPersonAndFamily, string needsOnArrival, string reasons) =>
            await (await As(address, username, i => new RiskAssessments.RiskAssessmentsClient(i))).ContributeRiskAssessmentAsync(new ContributeRiskAssessmentRequest
            {
                CaseId = amina.CaseId,
                RiskToPersonAndFamily = toPersonAndFamily,
                RiskOfReTrafficking = RiskLevel.Medium,
                Level = RiskLevel.Medium,
                NeedsOnArrival = needsOnArrival,
                Reasons = reasons,
            });
        await AssessAsync(CaseWorkerItaly, RiskLevel.Medium, "Safe accommodation away from Lagos at first; counselling continued.",
            "The debt the madam claims is unpaid; the Torino proceedings are known to the network.");
        await AssessAsync(ReceivingAgencyNigeria, RiskLevel.Low, "Shelter in Abuja, tailoring apprenticeship, family mediation.",
            "Her mother is supportive; the recruiter's associates in Ikeja are under investigation.");

        var readiness = await travel.GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = amina.CaseId });
        Console.WriteLine($"Repatriation demo: {Nigeria.Length} receiving agencies listed in NG, {Italy.Length} in IT; {amina.Reference} referred from IT to {NaptipAbuja} " +
            $"(referral {requested.ReferralId}), acknowledged and accepted, risk assessed by both sides (medium); not yet ready to travel: " +
            string.Join(", ", readiness.Gates.Where(g => g.State == GateState.NotMet).Select(g => g.Name)) + ".");
        return 0;
    }

    private static RegisterReceivingAgencyRequest Agency(string name, AgencyKind kind, string[] languages, AgencyService[] services, ContactPoint contact) =>
        new() { Name = name, Kind = kind, Languages = { languages }, Services = { services }, ContactPoints = { contact } };

    /// <summary>Lists the agencies not yet in the directory (matched by name); returns the country's agencies by name.</summary>
    private static async Task<Dictionary<string, ReceivingAgency>> EnsureListedAsync(Counterparts.CounterpartsClient administrator, string country, RegisterReceivingAgencyRequest[] agencies)
    {
        var listed = (await administrator.ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = country })).Agencies;
        foreach (var agency in agencies.Where(a => listed.All(l => l.Name != a.Name)))
        {
            await administrator.RegisterReceivingAgencyAsync(agency);
        }

        return (await administrator.ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = country })).Agencies.ToDictionary(a => a.Name);
    }

    /// <summary>Whether the case has a referral; the case itself is known to have arrived.</summary>
    private static async Task<bool> HasReferralAsync(Referrals.ReferralsClient client, DemoCase demoCase)
    {
        try
        {
            await client.GetReferralAsync(new GetReferralRequest { CaseId = demoCase.CaseId });
            return true;
        }
        catch (RpcException none) when (none.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }
}
