using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Portal.Tests.Shelter;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Legal;

[Collection(PortalSystemCollection.Name)]
public sealed class WitnessProtectionPageTests(PortalSystem system)
{
    private readonly LegalSteps steps = new(system);

    [Fact]
    public async Task A_prosecutor_asks_the_authority_grants_identity_protection_and_shelter_staff_then_see_only_the_pseudonym_on_the_case_and_in_search()
    {
        var person = await steps.ACaseInItalyAsync();
        await steps.OpenLegalCaseAsync(person.CaseId);
        var pseudonym = "Testimone " + Guid.NewGuid().ToString("N")[..4];

        using var prosecutor = system.As(LegalSteps.Prosecutor);
        var legalPage = await LegalSteps.OpenAsync(prosecutor, "/Legal/Case/" + person.CaseId);
        var requested = await prosecutor.SubmitAsync(legalPage, "#request-protection-form",
            ("ProtectionRequest.Measures", nameof(ProtectionMeasure.IdentityProtection)),
            ("ProtectionRequest.Measures", nameof(ProtectionMeasure.VideoLinkTestimony)),
            ("ProtectionRequest.ProposedPseudonym", pseudonym),
            ("ProtectionRequest.Reason", "She testifies against the network that brought her to Torino."));

        requested.RefusalKind.ShouldBeNull(requested.Text);
        requested.Document.QuerySelector("[data-testid=done]").ShouldNotBeNull();
        requested.Document.QuerySelector("[data-testid=protection-status]")!.TextContent.ShouldBe("Requested");
        var asked = (await steps.SituationAsync(person.CaseId)).WitnessProtection.ShouldHaveSingleItem();
        asked.Status.ShouldBe(WitnessProtectionStatus.Requested);
        asked.MeasuresRequested.ShouldBe([ProtectionMeasure.IdentityProtection, ProtectionMeasure.VideoLinkTestimony], ignoreOrder: true);
        asked.Pseudonym.ShouldBe(pseudonym);

        using var authority = system.As(LegalSteps.Authority);
        var authorityPage = await LegalSteps.OpenAsync(authority, "/Legal/Case/" + person.CaseId);
        authorityPage.Document.QuerySelector("#request-protection-form").ShouldBeNull("only a prosecutor asks");
        var granted = await authority.SubmitAsync(authorityPage, "[data-testid=grant-protection-form]",
            ("ProtectionGrant.ReviewOn", LegalSteps.InDays(90)),
            ("ProtectionGrant.Reason", "Credible threats against her and her family."));

        granted.RefusalKind.ShouldBeNull(granted.Text);
        granted.Document.QuerySelector("[data-testid=protection-status]")!.TextContent.ShouldBe("Granted");
        var protection = (await steps.SituationAsync(person.CaseId, LegalSteps.Authority)).WitnessProtection.ShouldHaveSingleItem();
        protection.Status.ShouldBe(WitnessProtectionStatus.Granted);
        protection.MeasuresGranted.ShouldContain(ProtectionMeasure.IdentityProtection);
        protection.Pseudonym.ShouldBe(pseudonym);

        var cases = system.IdentificationClient<VictimCases.VictimCasesClient>(LegalSteps.Staff);
        await Eventually.HoldsAsync(
            async () => (await cases.GetCaseAsync(new GetCaseRequest { CaseId = person.CaseId })).PersonalDataState == PersonalDataState.Masked,
            "The identity protection reaching the identification service",
            AwaitingList.Patience);

        using var staff = system.As(LegalSteps.Staff);
        var casePage = await LegalSteps.OpenAsync(staff, "/Cases/Case/" + person.CaseId);
        var name = casePage.Document.QuerySelector("[data-testid=case-name]")!;
        name.TextContent.ShouldContain(pseudonym);
        name.ClassList.ShouldContain("case-masked");
        casePage.Text.ShouldNotContain(person.FamilyName);
        casePage.Text.ShouldNotContain(person.GivenName);

        var search = await LegalSteps.OpenAsync(staff, "/Cases?Reference=" + person.Reference);
        var hit = search.Document.QuerySelector("[data-testid=search-results] tbody tr").ShouldNotBeNull(search.Text);
        hit.TextContent.ShouldContain(pseudonym);
        search.Text.ShouldNotContain(person.FamilyName);

        var staffLegal = await LegalSteps.OpenAsync(staff, "/Legal/Case/" + person.CaseId);
        staffLegal.Document.QuerySelector("[data-testid=legal-pseudonym]")!.TextContent.ShouldBe(pseudonym);
        staffLegal.Document.QuerySelector("[data-testid=effects-only]").ShouldNotBeNull("shelter staff see the effects, never the proceedings");
        staffLegal.Document.QuerySelector("[data-testid=legal-cases]").ShouldBeNull();
        staffLegal.Document.QuerySelectorAll("main form").ShouldBeEmpty("shelter staff act on nothing here");
        staffLegal.Text.ShouldNotContain(person.FamilyName);

        using var officer = system.As(LegalSteps.Officer);
        var audit = await LegalSteps.OpenAsync(officer, "/Audit/Case/" + person.CaseId);
        var staffReads = audit.Document.QuerySelectorAll($"[data-testid=access-record][data-user='{LegalSteps.Staff.Username}'][data-outcome=Allowed]");
        // The test's own polling read as shelter staff too, with the setup purpose: the portal's reads carry the purpose stated there.
        var portalReads = staffReads.Where(r => r.QuerySelector("[data-testid=record-purpose]")!.TextContent == LegalSteps.PurposeText)
            .Select(r => r.GetAttribute("data-service")).ToList();
        portalReads.ShouldContain("identification");
        portalReads.ShouldContain("legal-assistance");
        audit.Text.ShouldNotContain(person.FamilyName);
    }
}
