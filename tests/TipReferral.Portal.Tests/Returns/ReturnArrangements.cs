using Grpc.Core;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Domain;
using ConsentGiver = TipReferral.Contracts.Identification.V1.ConsentGiver;
using ConsentPurpose = TipReferral.Contracts.Identification.V1.ConsentPurpose;
using ConsentRecipient = TipReferral.Contracts.Identification.V1.ConsentRecipient;
using RepatriationApi = TipReferral.Contracts.Repatriation.V1;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Portal.Tests.Shelter;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Returns;

/// <summary>
/// What the return pages' tests arrange through the services' gRPC APIs, as the people who would
/// have done it: a woman from Nigeria identified in Italy who consented to referral to NAPTIP
/// Abuja, that agency listed in the directory, and (for the agency's pages) her referral.
/// </summary>
public static class ReturnArrangements
{
    public static DemoUser CaseWorkerInItaly => DemoUsers.For(Roles.CaseWorker, "IT");

    public static DemoUser AgencyInNigeria => DemoUsers.For(Roles.ReceivingAgency, "NG");

    private static DemoUser ScreenerInItaly => DemoUsers.For(Roles.Screener, "IT");

    private static DemoUser SupervisorInItaly => DemoUsers.For(Roles.Supervisor, "IT");

    /// <summary>The directory entry of <paramref name="agency"/>'s agency, listed by an Administrator of its country if it is not yet.</summary>
    public static async Task<string> AgencyIdOfAsync(this PortalSystem system, DemoUser agency)
    {
        var counterparts = system.RepatriationClient<Counterparts.CounterpartsClient>(DemoUsers.For(Roles.Administrator, agency.Country));
        async Task<ReceivingAgency?> ListedAsync() =>
            (await counterparts.ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = agency.Country })).Agencies.FirstOrDefault(a => a.Name == agency.Agency);
        if (await ListedAsync() is { } listed)
        {
            return listed.AgencyId;
        }

        var request = new RegisterReceivingAgencyRequest { Name = agency.Agency, Kind = AgencyKind.GovernmentAgency, Languages = { "en" }, Services = { AgencyService.Reintegration, AgencyService.FamilyTracing } };
        try
        {
            return (await counterparts.RegisterReceivingAgencyAsync(request)).AgencyId;
        }
        catch (RpcException)
        {
            // Listed meanwhile by another test of the collection.
            return (await ListedAsync())!.AgencyId;
        }
    }

    /// <summary>
    /// A woman registered and identified as a victim in Italy, who consented to referral to NAPTIP
    /// Abuja; no shelter record, so no reflection period runs. Returns once the repatriation service
    /// has her case and her consent.
    /// </summary>
    public static async Task<string> AWomanWhoConsentedAsync(this PortalSystem system, string familyName = "Okoro")
    {
        var screener = system.IdentificationClient<VictimCases.VictimCasesClient>(ScreenerInItaly);
        var registered = await screener.RegisterPresumedVictimAsync(new RegisterPresumedVictimRequest
        {
            Person = new PersonDetails
            {
                GivenName = "Blessing",
                FamilyName = familyName + Guid.NewGuid().ToString("N")[..6],
                Gender = Gender.Female,
                DateOfBirth = new Google.Type.Date { Year = 1999, Month = 3, Day = 14 },
                Citizenships = { "NG" },
                Languages = { "en" },
            },
            IdentifiedAt = new IdentificationPlace { Place = "Torino", Country = "IT", IdentifyingAgency = ScreenerInItaly.Agency },
            FormsOfExploitation = { ExploitationType.Sexual },
        });
        await system.IdentificationClient<VictimCases.VictimCasesClient>(SupervisorInItaly).IdentifyFormallyAsync(new IdentifyFormallyRequest
        {
            CaseId = registered.CaseId,
            Outcome = IdentificationOutcome.IdentifiedAsVictim,
            DecidingOrganisation = new Organisation { Name = "Commissione Territoriale di Torino", Kind = OrganisationKind.GovernmentAgency },
            Reason = "Confirmed by interview",
        });
        var consent = await screener.RecordConsentAsync(new RecordConsentRequest
        {
            CaseId = registered.CaseId,
            Purpose = ConsentPurpose.CrossBorderReferral,
            Recipient = new ConsentRecipient { Country = AgencyInNigeria.Country, Agency = AgencyInNigeria.Agency },
            GivenBy = ConsentGiver.Person,
        });
        await Eventually.HoldsAsync(
            async () =>
            {
                await using var session = system.Repatriation.Services.GetRequiredService<IDocumentStore>().QuerySession();
                var ledger = await session.LoadAsync<ServiceDefaults.Consent.CaseConsents>(Guid.Parse(registered.CaseId));
                return ledger?.Consents.Any(c => c.ConsentId.ToString() == consent.ConsentId) == true
                    && await session.LoadAsync<TipReferral.Repatriation.ReturnCases.ReturnCase>(Guid.Parse(registered.CaseId)) is not null;
            },
            "The case and the consent reaching the repatriation service", AwaitingList.Patience);
        return registered.CaseId;
    }

    /// <summary>Her referral to NAPTIP Abuja, requested by the Italian case worker through the API.</summary>
    public static async Task<string> AReferredWomanAsync(this PortalSystem system)
    {
        var caseId = await system.AWomanWhoConsentedAsync();
        await system.RepatriationClient<RepatriationApi.Referrals.ReferralsClient>(CaseWorkerInItaly).RequestReferralAsync(ReferralRequest(caseId, await system.AgencyIdOfAsync(AgencyInNigeria)));
        return caseId;
    }

    public static async Task<Referral> ReferralAsync(this PortalSystem system, string caseId) =>
        await system.RepatriationClient<RepatriationApi.Referrals.ReferralsClient>(CaseWorkerInItaly).GetReferralAsync(new GetReferralRequest { CaseId = caseId });

    private static RequestReferralRequest ReferralRequest(string caseId, string agencyId) => new()
    {
        CaseId = caseId,
        ReceivingAgencyId = agencyId,
        Purpose = ReferralPurpose.VoluntaryReturnAndReintegration,
        ReturnDecision = new ReturnDecision
        {
            DecidedOn = new Google.Type.Date { Year = 2026, Month = 1, Day = 5 },
            InformedBy = "Francesca Bianchi, with an Edo interpreter",
            Statement = "I want to go home to my mother and finish school.",
        },
        Package = new DisclosurePackage
        {
            Identity = new TravelIdentity
            {
                GivenName = "Blessing",
                FamilyName = "Okoro",
                DateOfBirth = new Google.Type.Date { Year = 1999, Month = 3, Day = 14 },
                Nationality = "NG",
                PlaceOfOrigin = "Benin City",
            },
            Languages = { "en" },
            HealthNeeds = "Follow-up for a chronic condition.",
            ProtectionNeeds = "Not to be placed near the recruiters' area.",
            Risks = "Debt bondage claims by the madam's relatives.",
        },
    };

    /// <summary>Opens a page that asks for a purpose first: states it, and lands back on the page.</summary>
    public static async Task<PortalResponse> OpenWithPurposeAsync(this PortalClient client, string url)
    {
        var asked = await client.GetAsync(url);
        asked.Url.AbsolutePath.ShouldBe("/Purpose", "A purpose is asked before personal data is read");
        return await client.SubmitAsync(asked, "main form", ("Choice", "case-management"));
    }
}
