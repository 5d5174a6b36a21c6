using Grpc.Core;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Cases;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Shelter;

[Collection(PortalSystemCollection.Name)]
public sealed class PlacementTests(PortalSystem system)
{
    private static readonly DemoUser ShelterStaffInItaly = DemoUsers.For(Roles.ShelterStaff, "IT");
    private static readonly DemoUser SupervisorInItaly = DemoUsers.For(Roles.Supervisor, "IT");

    [Fact]
    public async Task A_woman_registered_by_shelter_staff_awaits_placement_is_referred_with_her_consent_and_admitted_and_takes_a_bed()
    {
        var shelterId = await AShelterForWomenAsync(capacity: 3);
        using var staff = system.As(ShelterStaffInItaly);
        var casePage = await staff.RegisterAsync(CasePages.AWoman(CasePages.UniqueName("Nwosu")));
        var caseId = casePage.CaseId();

        // The case reaches the shelter service from the identification service's registration.
        PortalResponse? awaiting = null;
        await system.UntilPortalListsAwaitingAsync(caseId, async path =>
            (awaiting = await staff.GetAsync(path)).Document.QuerySelector($"[data-testid=awaiting][data-case-id='{caseId}']") is not null);
        var referLink = awaiting!.Document.QuerySelector($"[data-testid=awaiting][data-case-id='{caseId}'] [data-testid=refer-link]")!.GetAttribute("href");
        referLink.ShouldBe($"/Shelter/Case/{caseId}#refer");

        // Without her consent the referral is refused, naming the rule.
        var shelterPage = await staff.OpenAsync($"/Shelter/Case/{caseId}?group=Women");
        var refused = await staff.SubmitAsync(shelterPage, "form#refer-form", ("Refer.ShelterId", shelterId));
        refused.RefusalRule.ShouldBe("consent-required");
        refused.Text.ShouldContain("record their consent first");

        var consented = await staff.SubmitAsync(casePage, "form#record-consent",
            ("Consent.Purpose", "ShelterReferral"), ("Consent.Recipient.Country", "IT"), ("Consent.Recipient.Agency", ShelterStaffInItaly.Agency), ("Consent.GivenBy", "Person"));
        consented.Document.QuerySelectorAll("[data-testid=consent]").Count().ShouldBe(1);

        // The consent reaches the shelter service asynchronously.
        PortalResponse? referred = null;
        await Eventually.HoldsAsync(async () =>
        {
            var page = await staff.OpenAsync($"/Shelter/Case/{caseId}?group=Women");
            referred = await staff.SubmitAsync(page, "form#refer-form", ("Refer.ShelterId", shelterId));
            return referred.RefusalRule != "consent-required";
        }, "The referral once the consent arrived", AwaitingList.Patience);
        referred!.RefusalKind.ShouldBeNull();
        referred.Document.QuerySelector("[data-testid=placement-status]")!.TextContent.ShouldBe("Referred to a shelter");
        referred.Document.QuerySelector("[data-testid=referred-to]")!.TextContent.ShouldContain("Casa Rifugio");

        var toAdmit = await staff.OpenAsync($"/Shelter/Case/{caseId}?group=Women");
        toAdmit.Document.QuerySelector("select[name='Admit.ShelterId'] option[selected]")!.GetAttribute("value").ShouldBe(shelterId);
        var admitted = await staff.SubmitAsync(toAdmit, "form#admit-form");

        admitted.Document.QuerySelector("[data-testid=done]").ShouldNotBeNull();
        admitted.Document.QuerySelector("[data-testid=placement-status]")!.TextContent.ShouldBe("In a shelter");
        admitted.Document.QuerySelector("[data-testid=reflection-days-left]").ShouldNotBeNull();
        admitted.Document.QuerySelectorAll("[data-testid=past-placement]").Count().ShouldBe(1);
        var stored = await system.ShelterClient<ShelterCases.ShelterCasesClient>(ShelterStaffInItaly).GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId });
        stored.Status.ShouldBe(PlacementStatus.InShelter);
        stored.CurrentPlacement.ShelterId.ShouldBe(shelterId);
        stored.CurrentPlacement.Group.ShouldBe(ResidentGroup.Women);

        var occupancy = await staff.GetAsync("/Shelter/Occupancy");
        occupancy.Document.QuerySelector($"[data-testid=shelter][data-shelter-id='{shelterId}'] [data-testid=free-beds]")!.TextContent.ShouldBe("2");
        (await system.ShelterClient<Shelters.SheltersClient>(ShelterStaffInItaly).GetOccupancyAsync(new GetOccupancyRequest { Country = "IT" }))
            .Shelters.Single(shelter => shelter.ShelterId == shelterId).FreeBeds.ShouldBe(2);
    }

    [Fact]
    public async Task A_shelter_case_of_nigeria_opened_by_italian_shelter_staff_is_refused()
    {
        var nigerian = DemoUsers.For(Roles.Screener, "NG");
        var registered = await system.IdentificationClient<Contracts.Identification.V1.VictimCases.VictimCasesClient>(nigerian).RegisterPresumedVictimAsync(new()
        {
            Person = new() { GivenName = "Ngozi", FamilyName = CasePages.UniqueName("Obi"), Gender = Contracts.Identification.V1.Gender.Female, EstimatedAgeYears = 30 },
            IdentifiedAt = new() { Place = "Lagos", Country = "NG", IdentifyingAgency = nigerian.Agency },
            FormsOfExploitation = { Contracts.Identification.V1.ExploitationType.ForcedLabour },
        });
        using var staff = system.As(ShelterStaffInItaly);

        var page = await staff.OpenAsync($"/Shelter/Case/{registered.CaseId}");

        page.RefusalKind.ShouldBe("NotAllowed");
        page.Document.QuerySelector("[data-testid=placement]").ShouldBeNull();
    }

    [Fact]
    public async Task A_screener_sees_the_list_but_no_shelter_case_actions()
    {
        using var screener = system.As(DemoUsers.For(Roles.Screener, "IT"));

        var awaiting = await screener.GetAsync("/Shelter/AwaitingPlacement");

        awaiting.RefusalKind.ShouldBeNull();
        awaiting.Document.QuerySelectorAll("[data-testid=refer-link]").ShouldBeEmpty();
    }

    private async Task<string> AShelterForWomenAsync(int capacity) =>
        (await system.ShelterClient<Shelters.SheltersClient>(SupervisorInItaly).RegisterShelterAsync(new RegisterShelterRequest
        {
            Name = CasePages.UniqueName("Casa Rifugio "),
            Country = "IT",
            Agency = ShelterStaffInItaly.Agency,
            Area = "Torino",
            Capacity = capacity,
            Accepts = { ResidentGroup.Women },
        })).ShelterId;
}
