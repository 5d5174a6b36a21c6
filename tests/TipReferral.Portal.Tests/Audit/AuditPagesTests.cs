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
    public async Task The_officer_approves_a_requested_erasure_from_the_case_audit_and_others_see_no_audit()
    {
        var person = await steps.ACaseInItalyAsync();
        using var officer = system.As(LegalSteps.Officer);
        var page = await LegalSteps.OpenAsync(officer, "/Audit/Case/" + person.CaseId);

        var requested = await officer.SubmitAsync(page, "#request-erasure-form", ("Erasure.Reason", "Her request under Art. 17 GDPR."));
        requested.RefusalKind.ShouldBeNull(requested.Text);
        var approved = await officer.SubmitAsync(requested, "#approve-erasure-form", ("Erasure.Reason", "Lawful: no proceedings need the data."));

        approved.RefusalKind.ShouldBeNull(approved.Text);
        var erased = await system.IdentificationClient<VictimCases.VictimCasesClient>(LegalSteps.Officer).GetCaseAsync(new GetCaseRequest { CaseId = person.CaseId });
        erased.Erasure.Erased.ShouldBeTrue();
        using var screener = system.As(DemoUsers.For(Roles.Screener, "IT"));
        (await screener.GetAsync("/Audit")).Document.QuerySelector("#user-form").ShouldBeNull();
    }
}
