using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Portal.Tests.Returns;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Referrals;

[Collection(PortalSystemCollection.Name)]
public sealed class IncomingReferralTests(PortalSystem system)
{
    private static readonly DemoUser Agency = ReturnArrangements.AgencyInNigeria;

    [Fact]
    public async Task The_agency_finds_the_referral_in_its_inbox_states_a_purpose_before_the_package_opens_and_accepts()
    {
        var caseId = await system.AReferredWomanAsync();
        using var agency = system.As(Agency);

        var inbox = await agency.GetAsync("/Referrals/Incoming");
        var row = inbox.Document.QuerySelectorAll("[data-testid=incoming-referral]").SingleOrDefault(r => r.GetAttribute("data-case-id") == caseId);
        row.ShouldNotBeNull(inbox.Text);
        row.TextContent.ShouldContain("IT");
        var link = row.QuerySelector("a")!.GetAttribute("href")!;

        var asked = await agency.GetAsync(link);
        asked.Url.AbsolutePath.ShouldBe("/Purpose", "The package is personal data: a purpose first");
        asked.Text.ShouldNotContain("Okoro");
        var page = await agency.SubmitAsync(asked, "main form", ("Choice", "referral"));
        page.Document.QuerySelector("[data-testid=package-name]")!.TextContent.ShouldContain("Okoro");
        page.Document.QuerySelector("[data-testid=package-signature]")!.TextContent.ShouldContain("IT");
        page.Document.QuerySelector("[data-testid=readiness]").ShouldBeNull("The agency sees only its own part");

        var acknowledged = await agency.SubmitAsync(page, "form#acknowledge", ("Acknowledge.ContactPerson", "Hauwa Musa"));
        acknowledged.Document.QuerySelector("[data-testid=contact-person]")!.TextContent.ShouldBe("Hauwa Musa");
        var accepted = await agency.SubmitAsync(acknowledged, "form#accept", ("Accept.Note", "Shelter place in Abuja."));

        accepted.Document.QuerySelector("[data-testid=done]").ShouldNotBeNull(accepted.Text);
        accepted.Document.QuerySelector("[data-testid=referral-status]")!.TextContent.ShouldBe("Accepted");
        var referral = await system.ReferralAsync(caseId);
        (referral.Status, referral.ContactPerson).ShouldBe((ReferralStatus.Accepted, "Hauwa Musa"));

        var notices = await system.As(ReturnArrangements.CaseWorkerInItaly).GetAsync("/Referrals/Notices");
        notices.Document.QuerySelectorAll("[data-testid=notice]").Where(n => n.GetAttribute("data-case-id") == caseId).Select(n => n.GetAttribute("data-kind"))
            .ShouldContain("Referral accepted");
    }

    [Fact]
    public async Task Accepting_before_acknowledging_shows_the_rule_and_declining_without_a_reason_shows_the_field_error()
    {
        var caseId = await system.AReferredWomanAsync();
        using var agency = system.As(Agency);
        var page = await agency.OpenWithPurposeAsync("/Referrals/Referral/" + caseId);

        var early = await agency.SubmitAsync(page, "form#accept", ("Accept.Note", "Yes"));
        early.RefusalKind.ShouldBe("RuleBroken");
        early.RefusalRule.ShouldBe("acknowledge-before-answering");
        early.Document.QuerySelector("[data-testid=refusal]")!.TextContent.ShouldContain("Acknowledge the referral, naming a contact person");
        early.InputValue("Accept.Note").ShouldBe("Yes");

        var blank = await agency.SubmitAsync(page, "form#acknowledge", ("Acknowledge.ContactPerson", ""));
        blank.RefusalKind.ShouldBe("InvalidInput");
        blank.FieldError("Acknowledge.ContactPerson").ShouldNotBeNullOrEmpty();
        (await system.ReferralAsync(caseId)).Status.ShouldBe(ReferralStatus.Requested);
    }

    [Fact]
    public async Task The_agency_contributes_its_risk_assessment_and_a_level_below_its_components_shows_the_rule()
    {
        var caseId = await system.AReferredWomanAsync();
        using var agency = system.As(Agency);
        var page = await agency.OpenWithPurposeAsync("/Referrals/Referral/" + caseId);
        (string, string?)[] risk = [("Risk.RiskToPersonAndFamily", "High"), ("Risk.RiskOfReTrafficking", "Medium"), ("Risk.NeedsOnArrival", "Safe accommodation"), ("Risk.Reasons", "Recruiters active in Benin City")];

        var refused = await agency.SubmitAsync(page, "form#risk", [.. risk, ("Risk.Level", "Low")]);

        refused.RefusalKind.ShouldBe("RuleBroken");
        refused.RefusalRule.ShouldBe("risk-level-below-its-components");
        refused.Document.QuerySelector("[data-testid=refusal]")!.TextContent.ShouldContain("The overall risk level cannot be lower");
        refused.InputValue("Risk.Reasons").ShouldBe("Recruiters active in Benin City");

        var contributed = await agency.SubmitAsync(page, "form#risk", [.. risk, ("Risk.Level", "High")]);

        contributed.Document.QuerySelector("[data-testid=done]").ShouldNotBeNull(contributed.Text);
        var readiness = await system.RepatriationClient<Travel.TravelClient>(ReturnArrangements.CaseWorkerInItaly).GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = caseId });
        var gate = readiness.Gates.Single(g => g.Name == "risk-not-unacceptable");
        (gate.SetBy.EventType, gate.SetBy.Actor.Role).ShouldBe(("RiskAssessmentContributed", Roles.ReceivingAgency));
    }

    [Fact]
    public async Task Acknowledging_from_a_stale_page_shows_the_conflict()
    {
        var caseId = await system.AReferredWomanAsync();
        using var agency = system.As(Agency);
        var page = await agency.OpenWithPurposeAsync("/Referrals/Referral/" + caseId);
        var stale = long.Parse(page.Document.QuerySelector("form#acknowledge input[name='Acknowledge.ExpectedVersion']")!.GetAttribute("value")!) - 1;

        var refused = await agency.SubmitAsync(page, "form#acknowledge", ("Acknowledge.ExpectedVersion", stale.ToString()), ("Acknowledge.ContactPerson", "Hauwa Musa"));

        refused.RefusalKind.ShouldBe("Conflict");
        (await system.ReferralAsync(caseId)).Status.ShouldBe(ReferralStatus.Requested);
    }

    [Fact]
    public async Task Another_nigerian_agency_cannot_open_the_package()
    {
        var caseId = await system.AReferredWomanAsync();
        using var benin = system.As(DemoUsers.Named("receivingagency.benin.ng"));

        var page = await benin.OpenWithPurposeAsync("/Referrals/Referral/" + caseId);

        page.RefusalKind.ShouldBe("NotAllowed");
        page.Document.QuerySelector("[data-testid=package]").ShouldBeNull();
        page.Text.ShouldNotContain("Okoro");
        page.Document.QuerySelector("form#accept").ShouldBeNull();
        (await benin.GetAsync("/Referrals/Incoming")).Document.QuerySelectorAll("[data-testid=incoming-referral]")
            .ShouldNotContain(r => r.GetAttribute("data-case-id") == caseId, "The inbox holds the agency's own referrals only");
    }

    [Fact]
    public async Task A_case_worker_does_not_see_the_agency_inbox_or_its_answers()
    {
        using var caseWorker = system.As(ReturnArrangements.CaseWorkerInItaly);

        var home = await caseWorker.GetAsync("/");

        home.Document.QuerySelectorAll("[data-testid=workspace] a").Select(a => a.GetAttribute("href")).ShouldNotContain("/Referrals/Incoming");
        var caseId = await system.AReferredWomanAsync();
        var page = await caseWorker.OpenWithPurposeAsync("/Referrals/Referral/" + caseId);
        page.Document.QuerySelector("form#accept").ShouldBeNull();
        page.Document.QuerySelector("form#acknowledge").ShouldBeNull();
    }

    [Fact]
    public async Task The_overdue_visits_list_opens_for_the_agency()
    {
        using var agency = system.As(Agency);

        var page = await agency.GetAsync("/Referrals/OverdueVisits");

        page.RefusalKind.ShouldBeNull(page.Text);
        page.Document.QuerySelector("h1")!.TextContent.ShouldBe("Overdue follow-up visits");
    }
}
