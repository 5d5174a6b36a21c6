using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Cases;

[Collection(PortalSystemCollection.Name)]
public sealed class SearchTests(PortalSystem system)
{
    private static readonly DemoUser ScreenerInItaly = DemoUsers.For(Roles.Screener, "IT");

    [Fact]
    public async Task The_next_page_of_hits_shows_the_cases_the_first_page_left_out()
    {
        // Twenty-one women of one family name: one more than a page holds.
        var familyName = CasePages.UniqueName("Eze");
        var registered = new List<string>();
        var cases = system.IdentificationClient<VictimCases.VictimCasesClient>(ScreenerInItaly);
        for (var sister = 0; sister < 21; sister++)
        {
            registered.Add((await cases.RegisterPresumedVictimAsync(new RegisterPresumedVictimRequest
            {
                Person = new PersonDetails { GivenName = "Grace", FamilyName = familyName, Gender = Gender.Female, Citizenships = { "NG" }, Languages = { "en" } },
                IdentifiedAt = new IdentificationPlace { Place = "Torino", Country = "IT", IdentifyingAgency = ScreenerInItaly.Agency },
                FormsOfExploitation = { ExploitationType.Sexual },
            })).CaseId);
        }

        using var staff = system.As(ScreenerInItaly);
        var first = await staff.OpenAsync("/Cases?Name=" + familyName);
        var second = await staff.GetAsync(first.Document.QuerySelector("[data-testid=pager-next]").ShouldNotBeNull(first.Text).GetAttribute("href")!);

        second.Document.QuerySelector("[data-testid=pager-position]")!.TextContent.ShouldBe("Page 2 of 2");
        var hits = new[] { first, second }.SelectMany(HitCaseIds).ToList();
        HitCaseIds(first).Count.ShouldBe(20);
        hits.ShouldBe(registered, ignoreOrder: true);
    }

    private static List<string> HitCaseIds(PortalResponse page) =>
        [.. page.Document.QuerySelectorAll("[data-testid=search-results] tbody tr a").Select(link => link.GetAttribute("href")!.Split('/')[^1])];
}
