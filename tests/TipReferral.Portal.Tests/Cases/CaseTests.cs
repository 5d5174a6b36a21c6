using TipReferral.Contracts.Identification.V1;
using Roles = TipReferral.Domain.Roles;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Cases;

[Collection(PortalSystemCollection.Name)]
public sealed class CaseTests(PortalSystem system)
{
    private static readonly DemoUser ScreenerInItaly = DemoUsers.For(Roles.Screener, "IT");
    private static readonly DemoUser SupervisorInItaly = DemoUsers.For(Roles.Supervisor, "IT");
    private static readonly DemoUser ShelterStaffInItaly = DemoUsers.For(Roles.ShelterStaff, "IT");

    [Fact]
    public async Task Consent_recorded_through_the_page_is_listed_and_stored()
    {
        using var screener = system.As(ScreenerInItaly);
        var caseId = await RegisteredAsync(ScreenerInItaly, "IT");
        var page = await screener.OpenAsync($"/Cases/Case/{caseId}");

        var after = await screener.SubmitAsync(page, "form#record-consent",
            ("Consent.Purpose", "ShelterReferral"), ("Consent.Recipient.Country", "IT"), ("Consent.GivenBy", "Person"));

        after.Document.QuerySelector("[data-testid=done]").ShouldNotBeNull();
        after.Document.QuerySelectorAll("[data-testid=consent]").Select(row => row.GetAttribute("data-purpose")).ShouldBe(["ShelterReferral"]);
        var stored = await system.IdentificationClient<VictimCases.VictimCasesClient>(ScreenerInItaly).GetCaseAsync(new GetCaseRequest { CaseId = caseId });
        stored.Consents.Single().Purpose.ShouldBe(ConsentPurpose.ShelterReferral);
        stored.Consents.Single().GivenBy.ShouldBe(ConsentGiver.Person);
    }

    [Fact]
    public async Task A_consent_form_on_a_case_changed_meanwhile_shows_the_conflict_and_saves_nothing()
    {
        using var screener = system.As(ScreenerInItaly);
        var caseId = await RegisteredAsync(ScreenerInItaly, "IT");
        var page = await screener.OpenAsync($"/Cases/Case/{caseId}");
        var cases = system.IdentificationClient<VictimCases.VictimCasesClient>(ScreenerInItaly);
        await cases.RecordConsentAsync(new RecordConsentRequest
        {
            CaseId = caseId,
            Purpose = ConsentPurpose.Statistics,
            Recipient = new ConsentRecipient { Country = "IT" },
            GivenBy = ConsentGiver.Person,
        });

        var stale = await screener.SubmitAsync(page, "form#record-consent",
            ("Consent.Purpose", "ShelterReferral"), ("Consent.Recipient.Country", "IT"), ("Consent.GivenBy", "Person"));

        stale.RefusalKind.ShouldBe("Conflict");
        stale.Document.QuerySelector("[data-testid=reload]").ShouldNotBeNull();
        (await cases.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).Consents.Select(consent => consent.Purpose).ShouldBe([ConsentPurpose.Statistics]);
    }

    [Fact]
    public async Task A_guardian_for_a_child_is_appointed_through_the_page_and_a_withdrawn_consent_shows_withdrawn()
    {
        using var staff = system.As(ShelterStaffInItaly);
        var caseId = await RegisteredAsync(ShelterStaffInItaly, "IT", child: true);
        var page = await staff.OpenAsync($"/Cases/Case/{caseId}");

        page = await staff.SubmitAsync(page, "form#appoint-guardian",
            ("Guardian.Guardian.FullName", "Maria Rossi"), ("Guardian.Guardian.Organisation", "Tribunale per i minorenni"), ("Guardian.Guardian.Contact", "+39 011 000000"));
        page.Document.QuerySelector("[data-testid=guardian]")!.TextContent.ShouldContain("Maria Rossi");
        page = await staff.SubmitAsync(page, "form#record-consent",
            ("Consent.Purpose", "ShelterReferral"), ("Consent.Recipient.Country", "IT"), ("Consent.GivenBy", "Guardian"));
        var consentId = page.Document.QuerySelector("[data-testid=consent]")!.GetAttribute("data-consent-id");
        page = await staff.SubmitAsync(page, $"form#withdraw-{consentId}", ("Withdraw.Reason", "The guardian withdrew it"));

        page.Document.QuerySelector("[data-testid=consent-withdrawn]").ShouldNotBeNull();
        var stored = await system.IdentificationClient<VictimCases.VictimCasesClient>(ShelterStaffInItaly).GetCaseAsync(new GetCaseRequest { CaseId = caseId });
        stored.Guardian.FullName.ShouldBe("Maria Rossi");
        stored.Consents.Single().WithdrawnAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_broken_rule_shows_its_sentence()
    {
        using var staff = system.As(ShelterStaffInItaly);
        var caseId = await RegisteredAsync(ShelterStaffInItaly, "IT", child: true);
        var page = await staff.OpenAsync($"/Cases/Case/{caseId}");

        // A child consents through a guardian, and none is appointed yet.
        var refused = await staff.SubmitAsync(page, "form#record-consent",
            ("Consent.Purpose", "ShelterReferral"), ("Consent.Recipient.Country", "IT"), ("Consent.GivenBy", "Person"));

        refused.RefusalKind.ShouldBe("RuleBroken");
        refused.RefusalRule.ShouldBe("child-consent-by-guardian");
        refused.Text.ShouldContain("For a child, consent is given by the appointed guardian");
    }

    [Fact]
    public async Task A_case_of_nigeria_opened_by_italian_shelter_staff_is_refused_without_saying_whether_it_exists()
    {
        var nigerian = DemoUsers.For(Roles.Screener, "NG");
        var caseId = await RegisteredAsync(nigerian, "NG");
        using var staff = system.As(ShelterStaffInItaly);

        var page = await staff.OpenAsync($"/Cases/Case/{caseId}");
        var unknown = await staff.OpenAsync($"/Cases/Case/{Guid.CreateVersion7()}");

        page.RefusalKind.ShouldBe("NotAllowed");
        page.Status.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        page.Document.QuerySelector("[data-testid=person]").ShouldBeNull();
        page.Text.ShouldNotContain("NG-");
        unknown.RefusalKind.ShouldBe("NotAllowed");
        page.Document.QuerySelector("[data-testid=refusal]")!.TextContent.ShouldBe(unknown.Document.QuerySelector("[data-testid=refusal]")!.TextContent);
    }

    [Fact]
    public async Task Only_a_supervisor_sees_the_formal_identification_form_and_it_identifies_the_case()
    {
        var caseId = await RegisteredAsync(ScreenerInItaly, "IT");
        using var screener = system.As(ScreenerInItaly);
        using var supervisor = system.As(SupervisorInItaly);

        var screenersPage = await screener.OpenAsync($"/Cases/Case/{caseId}");
        var supervisorsPage = await supervisor.OpenAsync($"/Cases/Case/{caseId}");

        screenersPage.Document.QuerySelector("[data-testid=person]").ShouldNotBeNull();
        screenersPage.Document.QuerySelector("form#identify-formally").ShouldBeNull();
        supervisorsPage.Document.QuerySelector("form#identify-formally").ShouldNotBeNull();
        var identified = await supervisor.SubmitAsync(supervisorsPage, "form#identify-formally",
            ("Identify.Outcome", "IdentifiedAsVictim"), ("Identify.DecidingOrganisation.Name", "Commissione Territoriale di Torino"),
            ("Identify.DecidingOrganisation.Kind", "GovernmentAgency"), ("Identify.Reason", "Confirmed by interview"));
        identified.Document.QuerySelector("[data-testid=deciding-organisation]")!.TextContent.ShouldContain("Commissione Territoriale di Torino");
        (await system.IdentificationClient<VictimCases.VictimCasesClient>(SupervisorInItaly).GetCaseAsync(new GetCaseRequest { CaseId = caseId }))
            .TraffickingStatus.ShouldBe(TraffickingStatus.IdentifiedVictim);
    }

    private async Task<string> RegisteredAsync(DemoUser by, string country, bool child = false)
    {
        var person = new PersonDetails
        {
            GivenName = "Amina",
            FamilyName = CasePages.UniqueName("Lawal"),
            Gender = Gender.Female,
            Citizenships = { "NG" },
        };
        if (!child)
        {
            person.DateOfBirth = new Google.Type.Date { Year = 1997, Month = 2, Day = 3 };
        }

        var registered = await system.IdentificationClient<VictimCases.VictimCasesClient>(by).RegisterPresumedVictimAsync(new RegisterPresumedVictimRequest
        {
            Person = person,
            IdentifiedAt = new IdentificationPlace { Place = country == "IT" ? "Torino" : "Lagos", Country = country, IdentifyingAgency = by.Agency },
            FormsOfExploitation = { ExploitationType.ForcedLabour },
        });
        return registered.CaseId;
    }
}
