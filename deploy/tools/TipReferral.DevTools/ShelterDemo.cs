using Grpc.Core;
using TipReferral.Contracts.Shelter.V1;

/// <summary>
/// The shelter service's demo data: shelters in Nigeria and Italy (one closed), and placements of
/// the identification demo's cases once they have arrived over RabbitMQ: Amina referred (she
/// consented) and admitted with a needs assessment, a safety plan and a service delivered;
/// Blessing, a child with a guardian, referred and admitted to the children's shelter. Chinedu
/// and the Italian case stay awaiting placement.
/// </summary>
internal static class ShelterDemo
{
    // Demo users of the development identity provider (services/Identity, appsettings.Development.json).
    private const string Supervisor = "supervisor.ng";
    private const string AdministratorItaly = "administrator.it";
    private const string CaseWorker = "caseworker.ng";
    private const string CaseWorkerItaly = "caseworker.it";
    private const string Staff = "shelterstaff.ng";

    /// <summary>How long cases just registered may take to arrive; cases registered earlier arrived long ago, or never will.</summary>
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(90), EarlierCasesTimeout = TimeSpan.FromSeconds(15);

    private static readonly DemoShelter WomensShelter = new(
        "Women's shelter Lagos – Ikeja house", "NG", DemoCases.AminasShelterAgency, "Lagos, Ikeja", 12, [ResidentGroup.Women], WheelchairAccessible: true);

    private static readonly DemoShelter ChildrensShelter = new(
        "Children's shelter Benin City (guardianship unit)", "NG", "NAPTIP Shelter Benin", "Benin City", 8, [ResidentGroup.Children]);

    private static readonly DemoShelter FamilyShelter = new(
        "Family shelter Abuja", "NG", "NAPTIP Shelter Abuja", "Abuja, Kubwa", 20, [ResidentGroup.Families, ResidentGroup.Women, ResidentGroup.Men]);

    private static readonly DemoShelter ClosedShelter = new("Men's shelter Kano", "NG", "NAPTIP Shelter Kano", "Kano", 10, [ResidentGroup.Men]);

    private static readonly DemoShelter[] Nigeria = [WomensShelter, ChildrensShelter, FamilyShelter, ClosedShelter];

    private static readonly DemoShelter[] Italy =
    [
        new("Casa rifugio Torino", "IT", "Associazione Tampep Onlus", "Torino", 10, [ResidentGroup.Women, ResidentGroup.Families]),
        new("Comunità per minori Torino", "IT", "Comune di Torino – Servizi Sociali", "Torino", 6, [ResidentGroup.Children], WheelchairAccessible: true),
    ];

    public static async Task<int> SeedAsync(Uri address, IdentityProvider identityProvider, DemoCases cases)
    {
        var supervisor = await DemoChannels.ForAsync(address, identityProvider, Supervisor);
        var shelters = await EnsureSheltersAsync(new Shelters.SheltersClient(supervisor), Nigeria);
        await EnsureSheltersAsync(new Shelters.SheltersClient(await DemoChannels.ForAsync(address, identityProvider, AdministratorItaly)), Italy);
        if (shelters[ClosedShelter].Open)
        {
            await new Shelters.SheltersClient(supervisor).CloseShelterAsync(new CloseShelterRequest
            {
                ShelterId = shelters[ClosedShelter].ShelterId,
                Reason = "The building is being renovated; residents were moved to Abuja.",
            });
        }

        if (shelters[WomensShelter].Occupied > 0)
        {
            Console.WriteLine("Shelter demo data already present.");
            return 0;
        }

        var caseWorker = new ShelterCases.ShelterCasesClient(await DemoChannels.ForAsync(address, identityProvider, CaseWorker));
        var staff = new ShelterCases.ShelterCasesClient(await DemoChannels.ForAsync(address, identityProvider, Staff));
        var timeout = cases.JustRegistered ? ArrivalTimeout : EarlierCasesTimeout;
        await WaitForArrivalAsync(caseWorker, "NG", timeout, [
            (cases.Amina, c => c.FormallyIdentified),
            (cases.Chinedu, c => c.FormallyIdentified),
            (cases.Blessing, c => c.GuardianAppointed)]);
        await WaitForArrivalAsync(new ShelterCases.ShelterCasesClient(await DemoChannels.ForAsync(address, identityProvider, CaseWorkerItaly)), "IT", timeout, [
            (cases.AminaInItaly, _ => true)]);

        // Amina consented to a referral to this shelter's agency; the consent reaches the shelter service's ledger over RabbitMQ too.
        var women = shelters[WomensShelter].ShelterId;
        await DemoConsents.WhenArrivedAsync(() => caseWorker.ReferToShelterAsync(new ReferToShelterRequest
        {
            CaseId = cases.Amina.CaseId,
            ShelterId = women,
            Reason = "Needs a safe place tonight",
        }).ResponseAsync);
        await staff.AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = cases.Amina.CaseId, ShelterId = women, Group = ResidentGroup.Women });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await staff.RecordNeedsAssessmentAsync(new RecordNeedsAssessmentRequest
        {
            CaseId = cases.Amina.CaseId,
            AssessedOn = DemoDates.Of(today),
            Needs = { NeedArea.Safety, NeedArea.Medical, NeedArea.Psychosocial, NeedArea.Legal },
            Notes = "Afraid the recruiter's contacts in Lagos will find her; untreated injury to the left wrist; wants to know her rights as a witness.",
        });
        await staff.RecordSafetyPlanAsync(new RecordSafetyPlanRequest
        {
            CaseId = cases.Amina.CaseId,
            AgreedOn = DemoDates.Of(today),
            ReviewBy = DemoDates.Of(today.AddDays(14)),
            Measures = "No phone contact with former contacts; escorted on every outing; staff alerted to the recruiter's description.",
        });
        await staff.RecordServiceDeliveredAsync(new RecordServiceDeliveredRequest
        {
            CaseId = cases.Amina.CaseId,
            Kind = ServiceKind.Medical,
            DeliveredOn = DemoDates.Of(today),
            Provider = "Lagos University Teaching Hospital",
            Notes = "Wrist examined and splinted; follow-up in two weeks.",
        });

        // Blessing's guardian consented for her to any shelter in Nigeria.
        var children = shelters[ChildrensShelter].ShelterId;
        await DemoConsents.WhenArrivedAsync(() => caseWorker.ReferToShelterAsync(new ReferToShelterRequest
        {
            CaseId = cases.Blessing.CaseId,
            ShelterId = children,
            Reason = "A child: placed with the guardian's consent",
        }).ResponseAsync);
        await staff.AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = cases.Blessing.CaseId, ShelterId = children, Group = ResidentGroup.Children });

        Console.WriteLine($"Demo shelters: {Nigeria.Length} in NG ({ClosedShelter.Name} closed), {Italy.Length} in IT. " +
            $"{cases.Amina.Reference} referred to and admitted in {WomensShelter.Name} (needs assessment, safety plan, medical care); " +
            $"{cases.Blessing.Reference} (child) admitted in {ChildrensShelter.Name}; {cases.Chinedu.Reference} and {cases.AminaInItaly.Reference} await placement.");
        return 0;
    }

    /// <summary>Registers the shelters not yet in the registry (matched by name); returns each with its occupancy.</summary>
    private static async Task<Dictionary<DemoShelter, ShelterOccupancy>> EnsureSheltersAsync(Shelters.SheltersClient client, DemoShelter[] shelters)
    {
        var country = shelters[0].Country;
        var registered = (await client.GetOccupancyAsync(new GetOccupancyRequest { Country = country })).Shelters;
        foreach (var shelter in shelters.Where(s => registered.All(r => r.Name != s.Name)))
        {
            await client.RegisterShelterAsync(new RegisterShelterRequest
            {
                Name = shelter.Name,
                Country = shelter.Country,
                Agency = shelter.Agency,
                Area = shelter.Area,
                Capacity = shelter.Capacity,
                Accepts = { shelter.Accepts },
                WheelchairAccessible = shelter.WheelchairAccessible,
            });
        }

        registered = (await client.GetOccupancyAsync(new GetOccupancyRequest { Country = country })).Shelters;
        return shelters.ToDictionary(s => s, s => registered.First(r => r.Name == s.Name));
    }

    /// <summary>
    /// Waits until each case awaits placement in the shelter service as the identification
    /// service's events describe it (they arrive over RabbitMQ, a little after the seed made them).
    /// </summary>
    private static async Task WaitForArrivalAsync(
        ShelterCases.ShelterCasesClient client, string country, TimeSpan timeout, (DemoCase Case, Func<AwaitingPlacement, bool> Arrived)[] expected)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var awaiting = new List<AwaitingPlacement>();
            for (var page = 1; ; page++)
            {
                var found = await client.ListAwaitingPlacementAsync(new ListAwaitingPlacementRequest
                {
                    Country = country,
                    Page = new TipReferral.Contracts.Common.V1.PageRequest { Page = page, PageSize = 100 },
                });
                awaiting.AddRange(found.Cases);
                if (found.Cases.Count == 0 || page * found.Page.PageSize >= found.Page.TotalItems)
                {
                    break;
                }
            }

            var missing = expected.Where(e => !awaiting.Any(a => a.CaseId == e.Case.CaseId && e.Arrived(a))).Select(e => e.Case.Reference).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new DemoDataException(
                    $"The shelter service has not taken in the demo cases {string.Join(", ", missing)} from the identification service within {timeout.TotalSeconds:0} s, so none is placed. " +
                    "Cases registered before the shelter service first ran were published when it had no queue, so they never reach it. " +
                    "For the whole demo afresh: deploy/stop-system.sh --keep-infra, drop both services' schemas " +
                    "(psql -h 127.0.0.1 -p 55432 -U postgres tipreferral -c 'drop schema identification cascade; drop schema shelter cascade'), then deploy/start-system.sh.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private sealed record DemoShelter(
        string Name, string Country, string Agency, string Area, int Capacity, ResidentGroup[] Accepts, bool WheelchairAccessible = false);
}
