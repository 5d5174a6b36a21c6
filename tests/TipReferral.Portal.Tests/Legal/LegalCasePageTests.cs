using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Portal.Tests.Shelter;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Legal;

[Collection(PortalSystemCollection.Name)]
public sealed class LegalCasePageTests(PortalSystem system)
{
    private readonly LegalSteps steps = new(system);

    [Fact]
    public async Task A_prosecutor_links_a_legal_case_through_the_page()
    {
        var person = await steps.ACaseInItalyAsync();
        using var prosecutor = system.As(LegalSteps.Prosecutor);
        var page = await LegalSteps.OpenAsync(prosecutor, "/Legal/Case/" + person.CaseId);

        var opened = await prosecutor.SubmitAsync(page, "#open-legal-case-form",
            ("LegalCase.Jurisdiction.AuthorityKind", nameof(AuthorityKind.ProsecutorsOffice)),
            ("LegalCase.Jurisdiction.AuthorityName", "Procura di Torino"),
            ("LegalCase.AuthorityCaseNumber", "RG 555/2026"),
            ("LegalCase.Offences", nameof(Offence.TraffickingInPersons)),
            ("LegalCase.Offences", nameof(Offence.ForcedLabour)),
            ("LegalCase.VictimRoles", nameof(VictimRole.Witness)));

        opened.RefusalKind.ShouldBeNull(opened.Text);
        opened.Document.QuerySelector("[data-testid=legal-case]")!.TextContent.ShouldContain("RG 555/2026");
        var legalCase = (await steps.SituationAsync(person.CaseId)).LegalCases.ShouldHaveSingleItem();
        legalCase.AuthorityCaseNumber.ShouldBe("RG 555/2026");
        legalCase.Offences.ShouldBe([Offence.TraffickingInPersons, Offence.ForcedLabour], ignoreOrder: true);
        legalCase.Stage.ShouldBe(LegalCaseStage.Investigation);
    }

    [Fact]
    public async Task Bad_input_shows_each_field_error_next_to_its_input_and_keeps_what_was_typed()
    {
        var person = await steps.ACaseInItalyAsync();
        using var prosecutor = system.As(LegalSteps.Prosecutor);
        var page = await LegalSteps.OpenAsync(prosecutor, "/Legal/Case/" + person.CaseId);

        var refused = await prosecutor.SubmitAsync(page, "#open-legal-case-form",
            ("LegalCase.Jurisdiction.AuthorityKind", nameof(AuthorityKind.ProsecutorsOffice)),
            ("LegalCase.Jurisdiction.AuthorityName", ""),
            ("LegalCase.AuthorityCaseNumber", "RG 777/2026"));

        refused.RefusalKind.ShouldBe("InvalidInput");
        refused.FieldError("LegalCase.Jurisdiction.AuthorityName").ShouldNotBeNull(refused.Text);
        refused.FieldError("LegalCase.Offences").ShouldNotBeNull(refused.Text);
        refused.InputValue("LegalCase.AuthorityCaseNumber").ShouldBe("RG 777/2026");
        (await steps.SituationAsync(person.CaseId)).LegalCases.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_decision_to_cooperate_during_the_reflection_period_is_refused_with_the_rule_in_plain_words()
    {
        var person = await steps.ACaseInItalyAsync();
        await steps.AdmitToShelterAsync(person.CaseId);
        await Eventually.HoldsAsync(async () => (await steps.SituationAsync(person.CaseId)).ReflectionPeriodRunning, "The reflection period reaching the legal-assistance service", AwaitingList.Patience);
        using var prosecutor = system.As(LegalSteps.Prosecutor);
        var page = await LegalSteps.OpenAsync(prosecutor, "/Legal/Case/" + person.CaseId);
        page.Document.QuerySelector("[data-testid=reflection-rule]")!.TextContent.ShouldContain("no decision to cooperate may be asked for or recorded");

        var refused = await prosecutor.SubmitAsync(page, "#cooperation-form",
            ("Cooperation.Decision", nameof(CooperationDecision.Cooperate)),
            ("Cooperation.DecidedOn", LegalSteps.InDays(0)),
            ("Cooperation.InformedBy.Name", "Avv. Maria Rossi"),
            ("Cooperation.InformedBy.Role", "Lawyer"),
            ("Cooperation.InformedBy.Agency", "On the Road"));

        refused.RefusalKind.ShouldBe("RuleBroken");
        refused.RefusalRule.ShouldBe("no-cooperation-decision-during-reflection-period");
        refused.Document.QuerySelector("[data-testid=refusal]")!.TextContent.ShouldContain("During it nobody may ask the person to decide whether to cooperate");
        refused.InputValue("Cooperation.InformedBy.Name").ShouldBe("Avv. Maria Rossi");
        (await steps.SituationAsync(person.CaseId)).Cooperation.ShouldBeNull();
    }

    [Fact]
    public async Task A_page_read_before_someone_else_changed_the_file_shows_the_conflict()
    {
        var person = await steps.ACaseInItalyAsync();
        using var prosecutor = system.As(LegalSteps.Prosecutor);
        var page = await LegalSteps.OpenAsync(prosecutor, "/Legal/Case/" + person.CaseId);
        await steps.OpenLegalCaseAsync(person.CaseId, "RG 1/2026");

        var stale = await prosecutor.SubmitAsync(page, "#open-legal-case-form",
            ("LegalCase.Jurisdiction.AuthorityKind", nameof(AuthorityKind.ProsecutorsOffice)),
            ("LegalCase.Jurisdiction.AuthorityName", "Procura di Torino"),
            ("LegalCase.AuthorityCaseNumber", "RG 2/2026"),
            ("LegalCase.Offences", nameof(Offence.TraffickingInPersons)),
            ("LegalCase.VictimRoles", nameof(VictimRole.Witness)));

        stale.RefusalKind.ShouldBe("Conflict");
        (await steps.SituationAsync(person.CaseId)).LegalCases.ShouldHaveSingleItem().AuthorityCaseNumber.ShouldBe("RG 1/2026");
    }

    [Fact]
    public async Task A_prosecutor_of_another_country_is_refused_without_learning_whether_the_case_exists()
    {
        var person = await steps.ACaseInItalyAsync();
        using var foreign = system.As(DemoUsers.For(Roles.Prosecutor, "NG"));

        var refused = await LegalSteps.OpenAsync(foreign, "/Legal/Case/" + person.CaseId);
        var unknown = await LegalSteps.OpenAsync(foreign, "/Legal/Case/" + Guid.CreateVersion7());

        refused.RefusalKind.ShouldBe("NotAllowed");
        refused.Status.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        refused.Document.QuerySelector("[data-testid=legal-effects]").ShouldBeNull();
        unknown.RefusalKind.ShouldBe("NotAllowed");
        unknown.Document.QuerySelector("[data-testid=refusal]")!.TextContent.ShouldBe(refused.Document.QuerySelector("[data-testid=refusal]")!.TextContent);
    }
}
