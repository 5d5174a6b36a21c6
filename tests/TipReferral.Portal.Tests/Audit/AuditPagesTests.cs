using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Portal.Tests.Legal;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Audit;

[Collection(PortalSystemCollection.Name)]
public sealed class AuditPagesTests(PortalSystem system)
{
    private readonly LegalSteps steps = new(system);

    [Fact]
    public async Task The_data_protection_officer_sees_who_viewed_the_case_in_each_service_with_their_purpose_and_the_refused_attempts()
    {
        var person = await steps.ACaseInItalyAsync();
        using (var staff = system.As(LegalSteps.Staff))
        {
            await LegalSteps.OpenAsync(staff, "/Cases/Case/" + person.CaseId);
            await LegalSteps.OpenAsync(staff, "/Legal/Case/" + person.CaseId);
        }

        using (var screener = system.As(LegalSteps.Screener))
        {
            (await LegalSteps.OpenAsync(screener, "/Legal/Case/" + person.CaseId)).RefusalKind.ShouldBe("NotAllowed");
        }

        using var officer = system.As(LegalSteps.Officer);
        var page = await LegalSteps.OpenAsync(officer, "/Audit/Case/" + person.CaseId);

        page.RefusalKind.ShouldBeNull(page.Text);
        var records = page.Document.QuerySelectorAll("[data-testid=access-record]");
        var staffReads = records.Where(r => r.GetAttribute("data-user") == LegalSteps.Staff.Username && r.GetAttribute("data-outcome") == "Allowed").ToList();
        staffReads.Select(r => r.GetAttribute("data-service")).ShouldBe(["identification", "legal-assistance"], ignoreOrder: true);
        staffReads.ShouldAllBe(r => r.QuerySelector("[data-testid=record-purpose]")!.TextContent == LegalSteps.PurposeText);
        staffReads.Select(r => r.QuerySelector("[data-testid=record-service]")!.TextContent).ShouldContain("Legal assistance");
        var denied = records.Single(r => r.GetAttribute("data-user") == LegalSteps.Screener.Username && r.GetAttribute("data-outcome") == "Denied");
        denied.GetAttribute("data-service").ShouldBe("legal-assistance");
        denied.QuerySelector("[data-testid=denial-reason]")!.TextContent.ShouldBe("Your role may not do this.");

        var byUser = await officer.GetAsync($"/Audit?UserId={LegalSteps.Staff.Username}&IncludeDenied=true");
        byUser.Document.QuerySelectorAll("[data-testid=access-record]")
            .Where(r => r.QuerySelector("a")?.GetAttribute("href")?.EndsWith(person.CaseId, StringComparison.Ordinal) == true)
            .Select(r => r.GetAttribute("data-service")).Distinct().ShouldBe(["identification", "legal-assistance"], ignoreOrder: true);
        byUser.Document.QuerySelectorAll("[data-testid=service-unanswered]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_officer_approves_an_erasure_someone_else_requested_from_the_case_audit_and_others_see_no_audit()
    {
        var person = await steps.ACaseInItalyAsync();
        await system.IdentificationClient<VictimCases.VictimCasesClient>(LegalSteps.Supervisor).RequestErasureAsync(
            new RequestErasureRequest { CaseId = person.CaseId, Reason = "Her request under Art. 17 GDPR." });
        using var officer = system.As(LegalSteps.Officer);
        var page = await LegalSteps.OpenAsync(officer, "/Audit/Case/" + person.CaseId);
        page.Document.QuerySelector("#request-erasure-form").ShouldBeNull("it is requested already");

        var approved = await officer.SubmitAsync(page, "#approve-erasure-form", ("Erasure.Reason", "Lawful: no proceedings need the data."));

        approved.RefusalKind.ShouldBeNull(approved.Text);
        var erased = await system.IdentificationClient<VictimCases.VictimCasesClient>(LegalSteps.Officer).GetCaseAsync(new GetCaseRequest { CaseId = person.CaseId });
        erased.Erasure.Erased.ShouldBeTrue();
        using var screener = system.As(DemoUsers.For(Roles.Screener, "IT"));
        var refused = await screener.GetAsync("/Audit");
        refused.RefusalKind.ShouldBe("NotAllowed");
        refused.Document.QuerySelector("#user-form").ShouldBeNull();
    }

    [Fact]
    public async Task An_officer_of_another_country_is_refused_the_case_audit()
    {
        var person = await steps.ACaseInItalyAsync();
        using var foreign = system.As(DemoUsers.For(Roles.DataProtectionOfficer, "NG"));

        var page = await LegalSteps.OpenAsync(foreign, "/Audit/Case/" + person.CaseId);

        page.RefusalKind.ShouldBe("NotAllowed");
        page.Document.QuerySelector("[data-testid=access-records]").ShouldBeNull();
        page.Document.QuerySelector("[data-testid=erasure]").ShouldBeNull();
    }
}
