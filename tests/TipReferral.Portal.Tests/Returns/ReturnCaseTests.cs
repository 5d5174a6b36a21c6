using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Returns;

[Collection(PortalSystemCollection.Name)]
public sealed class ReturnCaseTests(PortalSystem system)
{
    private static readonly DemoUser CaseWorker = ReturnArrangements.CaseWorkerInItaly;

    [Fact]
    public async Task A_case_worker_refers_a_woman_to_a_nigerian_agency_and_the_readiness_board_names_the_unmet_gates()
    {
        var caseId = await system.AWomanWhoConsentedAsync();
        var agencyId = await system.AgencyIdOfAsync(ReturnArrangements.AgencyInNigeria);
        using var caseWorker = system.As(CaseWorker);

        var page = await caseWorker.OpenWithPurposeAsync("/Returns/Case/" + caseId);
        page.Document.QuerySelector("[data-testid=no-referral]").ShouldNotBeNull();
        page.Document.QuerySelectorAll("#request option").Select(o => o.GetAttribute("value")).ShouldContain(agencyId, "The directory offers the agencies of her country of origin");
        page.InputValue("Input.Package.Identity.Nationality").ShouldBe("NG", "The form starts from what identification recorded");

        var referred = await caseWorker.SubmitAsync(page, "form#request", RequestFields(agencyId));

        referred.Document.QuerySelector("[data-testid=done]").ShouldNotBeNull(referred.Text);
        referred.Document.QuerySelector("[data-testid=referral-status]")!.TextContent.ShouldBe("Requested");
        State(referred, "receiving-agency-accepted").ShouldBe("not-met");
        State(referred, "risk-not-unacceptable").ShouldBe("not-met");
        State(referred, "travel-document-valid").ShouldBe("not-met");
        State(referred, "reflection-period-ended").ShouldBe("not-met");
        State(referred, "consent-for-cross-border-referral").ShouldBe("met");
        State(referred, "return-decision-current").ShouldBe("met");
        State(referred, "child-escort").ShouldBe("not-applicable");
        referred.Document.QuerySelector("[data-testid=readiness]")!.GetAttribute("data-ready").ShouldBe("false");
        var decision = referred.Document.QuerySelector("[data-testid=gate-return-decision-current]")!;
        decision.QuerySelector("[data-testid=gate-evidence]")!.TextContent.ShouldContain("ReferralRequested");
        decision.QuerySelector("[data-testid=gate-actor]")!.TextContent.ShouldContain(CaseWorker.Username);
        decision.QuerySelector("[data-testid=gate-actor]")!.TextContent.ShouldContain(Roles.CaseWorker);
        decision.QuerySelector("span.fw-semibold")!.TextContent.ShouldBe("The person's decision to return stands");

        var referral = await system.ReferralAsync(caseId);
        (referral.Status, referral.ReceivingAgencyId, referral.ReceivingCountry).ShouldBe((ReferralStatus.Requested, agencyId, "NG"));
    }

    [Fact]
    public async Task Bad_input_in_the_request_shows_the_field_error_and_keeps_what_was_typed()
    {
        var caseId = await system.AWomanWhoConsentedAsync();
        var agencyId = await system.AgencyIdOfAsync(ReturnArrangements.AgencyInNigeria);
        using var caseWorker = system.As(CaseWorker);
        var page = await caseWorker.OpenWithPurposeAsync("/Returns/Case/" + caseId);

        var refused = await caseWorker.SubmitAsync(page, "form#request", [.. RequestFields(agencyId), ("Input.Package.Identity.Nationality", "Nigeria")]);

        refused.RefusalKind.ShouldBe("InvalidInput");
        refused.FieldError("Input.Package.Identity.Nationality").ShouldNotBeNullOrEmpty();
        refused.InputValue("Input.Package.Identity.Nationality").ShouldBe("Nigeria");
        refused.InputValue("Input.ReturnDecision.InformedBy").ShouldBe("Francesca Bianchi, with an Edo interpreter");
        await Should.ThrowAsync<Grpc.Core.RpcException>(() => system.ReferralAsync(caseId), "Nothing was referred");
    }

    [Fact]
    public async Task Scheduling_travel_before_the_gates_hold_names_every_unmet_gate_in_plain_words()
    {
        var caseId = await system.AReferredWomanAsync();
        using var caseWorker = system.As(CaseWorker);
        var page = await caseWorker.OpenWithPurposeAsync("/Returns/Case/" + caseId);

        var refused = await caseWorker.SubmitAsync(page, "form#schedule", ("Schedule.TravelOn", DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd")), ("Schedule.Itinerary", "MXP–ABV via CMN"));

        refused.RefusalKind.ShouldBe("RuleBroken");
        refused.RefusalRule.ShouldBe("return-gates-not-met");
        var unmet = refused.Document.QuerySelector("[data-testid=unmet-gates]")!;
        unmet.QuerySelector("[data-testid=unmet-gate-receiving-agency-accepted]")!.TextContent.ShouldBe("The receiving agency accepted the referral");
        unmet.QuerySelector("[data-testid=unmet-gate-risk-not-unacceptable]").ShouldNotBeNull();
        unmet.QuerySelector("[data-testid=unmet-gate-travel-document-valid]").ShouldNotBeNull();
        unmet.QuerySelector("[data-testid=unmet-gate-reflection-period-ended]").ShouldNotBeNull();
        unmet.QuerySelector("[data-testid=unmet-gate-consent-for-cross-border-referral]").ShouldBeNull("Her consent holds");
        refused.InputValue("Schedule.Itinerary").ShouldBe("MXP–ABV via CMN");
        (await system.ReferralAsync(caseId)).Status.ShouldBe(ReferralStatus.Requested);
    }

    [Fact]
    public async Task Amending_the_package_from_a_stale_page_shows_the_conflict()
    {
        var caseId = await system.AReferredWomanAsync();
        using var caseWorker = system.As(CaseWorker);
        var page = await caseWorker.OpenWithPurposeAsync("/Returns/Case/" + caseId);
        page.InputValue("Amend.Package.Identity.PlaceOfOrigin").ShouldBe("Benin City", "The amendment starts from the package sent");
        var stale = long.Parse(page.InputValue("Amend.ExpectedVersion")!) - 1;

        var refused = await caseWorker.SubmitAsync(page, "form#amend", ("Amend.ExpectedVersion", stale.ToString()), ("Amend.Package.HealthNeeds", "New needs"), ("Amend.Reason", "New medical report"));

        refused.RefusalKind.ShouldBe("Conflict");
        (await system.ReferralAsync(caseId)).PackageRevision.ShouldBe(1);

        var amended = await caseWorker.SubmitAsync(page, "form#amend", ("Amend.Package.HealthNeeds", "New needs"), ("Amend.Reason", "New medical report"));
        amended.Document.QuerySelector("[data-testid=done]").ShouldNotBeNull(amended.Text);
        (await system.ReferralAsync(caseId)).PackageRevision.ShouldBe(2);
    }

    [Fact]
    public async Task A_case_worker_of_another_country_is_refused_without_learning_whether_the_case_exists()
    {
        var caseId = await system.AReferredWomanAsync();
        using var ghanaian = system.As(DemoUsers.For(Roles.CaseWorker, "GH"));

        var page = await ghanaian.OpenWithPurposeAsync("/Returns/Case/" + caseId);

        page.RefusalKind.ShouldBe("NotAllowed");
        page.Status.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        page.Document.QuerySelector("[data-testid=readiness]").ShouldBeNull();
        page.Document.QuerySelector("form#request").ShouldBeNull();
        page.Text.ShouldNotContain("Okoro");
    }

    private static string? State(PortalResponse page, string gate) =>
        page.Document.QuerySelector($"[data-testid=gate-{gate}]")?.GetAttribute("data-state");

    internal static (string, string?)[] RequestFields(string agencyId) =>
    [
        ("Input.ReceivingAgencyId", agencyId),
        ("Input.Purpose", "VoluntaryReturnAndReintegration"),
        ("Input.ReturnDecision.DecidedOn", "2026-01-05"),
        ("Input.ReturnDecision.InformedBy", "Francesca Bianchi, with an Edo interpreter"),
        ("Input.ReturnDecision.Statement", "I want to go home to my mother and finish school."),
        ("Input.Package.Identity.PlaceOfOrigin", "Benin City"),
        ("Input.Package.Languages", "en"),
        ("Input.Package.ProtectionNeeds", "Not to be placed near the recruiters' area."),
    ];
}
