using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Portal.Tests.Legal;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Timeline;

[Collection(PortalSystemCollection.Name)]
public sealed class TimelineTests(PortalSystem system)
{
    private readonly LegalSteps steps = new(system);

    [Fact]
    public async Task A_supervisor_sees_the_entries_of_every_service_with_their_actors_and_every_source_included()
    {
        var caseId = await ACaseInThreeServicesAsync();
        using var supervisor = system.As(LegalSteps.Supervisor);

        var page = await LegalSteps.OpenAsync(supervisor, "/Cases/Timeline/" + caseId);

        page.RefusalKind.ShouldBeNull(page.Text);
        var entries = page.Document.QuerySelectorAll("[data-testid=timeline-entry]");
        entries.Select(e => e.GetAttribute("data-service")).Distinct().ShouldBeSubsetOf(ServiceNames);
        entries.Select(e => e.GetAttribute("data-service")).ShouldContain("identification");
        entries.Select(e => e.GetAttribute("data-service")).ShouldContain("shelter");
        entries.Select(e => e.GetAttribute("data-service")).ShouldContain("legal-assistance");
        var registered = entries.First(e => e.GetAttribute("data-event-type") == "PresumedVictimRegistered");
        registered.TextContent.ShouldContain("Presumed victim registered");
        registered.QuerySelector("[data-testid=timeline-actor]")!.TextContent.ShouldContain(LegalSteps.Screener.Username);
        var opened = entries.First(e => e.GetAttribute("data-event-type") == "LegalCaseOpened");
        opened.QuerySelector("[data-testid=timeline-actor]")!.TextContent.ShouldContain(LegalSteps.Prosecutor.Username);
        opened.QuerySelector("[data-testid=timeline-actor]")!.TextContent.ShouldContain("(IT)");
        var sources = page.Document.QuerySelectorAll("[data-testid=timeline-source]");
        sources.Select(s => s.GetAttribute("data-service")).ShouldBe(ServiceNames, ignoreOrder: true, "every source is listed, never silently missing");
        sources.ShouldAllBe(s => s.GetAttribute("data-state") == "Included");
        page.Document.QuerySelector("[data-testid=timeline-incomplete]").ShouldBeNull();
    }

    [Fact]
    public async Task Shelter_staff_see_the_legal_part_denied_and_a_notice_that_the_timeline_is_incomplete()
    {
        var caseId = await ACaseInThreeServicesAsync();
        using var staff = system.As(LegalSteps.Staff);

        var page = await LegalSteps.OpenAsync(staff, "/Cases/Timeline/" + caseId);

        var legal = page.Document.QuerySelector("[data-testid=timeline-source][data-service=legal-assistance]").ShouldNotBeNull(page.Text);
        legal.GetAttribute("data-state").ShouldBe("Denied");
        legal.TextContent.ShouldContain("Denied");
        page.Document.QuerySelector("[data-testid=timeline-incomplete]").ShouldNotBeNull();
        page.Document.QuerySelectorAll("[data-testid=timeline-entry][data-service=legal-assistance]").ShouldBeEmpty();
        page.Document.QuerySelectorAll("[data-testid=timeline-entry][data-service=shelter]").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_supervisor_of_another_country_is_refused_the_timeline()
    {
        var caseId = await ACaseInThreeServicesAsync();
        using var foreign = system.As(DemoUsers.For(Roles.Supervisor, "NG"));

        var page = await LegalSteps.OpenAsync(foreign, "/Cases/Timeline/" + caseId);

        page.RefusalKind.ShouldBe("NotAllowed");
        page.Document.QuerySelector("[data-testid=timeline]").ShouldBeNull();
        page.Document.QuerySelector("[data-testid=timeline-sources]").ShouldBeNull();
    }

    private static readonly string[] ServiceNames = ["identification", "shelter", "legal-assistance", "repatriation"];

    private async Task<string> ACaseInThreeServicesAsync()
    {
        var person = await steps.ACaseInItalyAsync();
        await steps.AdmitToShelterAsync(person.CaseId);
        await steps.OpenLegalCaseAsync(person.CaseId);
        await Eventually.HoldsAsync(async () => (await steps.SituationAsync(person.CaseId)).LegalCases.Count == 1, "The legal case stored");
        return person.CaseId;
    }
}
