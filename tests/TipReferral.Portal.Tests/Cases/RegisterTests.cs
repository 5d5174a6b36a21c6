using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Cases;

[Collection(PortalSystemCollection.Name)]
public sealed class RegisterTests(PortalSystem system)
{
    private static readonly DemoUser ShelterStaffInItaly = DemoUsers.For(Roles.ShelterStaff, "IT");

    [Fact]
    public async Task A_registered_woman_opens_on_her_case_page_with_what_the_form_said()
    {
        using var staff = system.As(ShelterStaffInItaly);
        var family = CasePages.UniqueName("Adeyemi");

        var page = await staff.RegisterAsync(CasePages.AWoman(family));

        page.Url.AbsolutePath.ShouldStartWith("/Cases/Case/");
        page.Document.QuerySelector("[data-testid=done]").ShouldNotBeNull();
        page.Document.QuerySelector("[data-testid=person-family-name]")!.TextContent.ShouldBe(family);
        page.Document.QuerySelector("[data-testid=presumed-child]").ShouldBeNull();
        var stored = await system.IdentificationClient<VictimCases.VictimCasesClient>(ShelterStaffInItaly)
            .GetCaseAsync(new GetCaseRequest { CaseId = page.CaseId() });
        stored.Person.FamilyName.ShouldBe(family);
        stored.Person.Gender.ShouldBe(Gender.Female);
        stored.IdentifiedAt.IdentifyingAgency.ShouldBe(ShelterStaffInItaly.Agency);
        stored.IdentifiedAt.Country.ShouldBe("IT");
        stored.FormsOfExploitation.ShouldBe([ExploitationType.Sexual]);
        stored.IndicatorsObserved.ShouldBe([ControlIndicator.DebtBondage, ControlIndicator.WithholdsDocuments], ignoreOrder: true);
    }

    [Fact]
    public async Task The_identifying_agency_defaults_to_the_users_own()
    {
        using var staff = system.As(ShelterStaffInItaly);

        var form = await staff.GetAsync("/Cases/Register");

        form.InputValue("Input.IdentifiedAt.IdentifyingAgency").ShouldBe(ShelterStaffInItaly.Agency);
        form.Document.QuerySelectorAll("select[name='Input.Person.Gender'] option").Select(option => option.GetAttribute("value")).ShouldContain("Unknown");
    }

    [Fact]
    public async Task A_person_of_unknown_age_is_registered_as_a_presumed_child()
    {
        using var staff = system.As(ShelterStaffInItaly);

        var page = await staff.RegisterAsync(CasePages.AWoman(CasePages.UniqueName("Bello"), ("Input.Person.DateOfBirth", null)));

        page.Document.QuerySelector("[data-testid=presumed-child]").ShouldNotBeNull();
        page.Document.QuerySelector("[data-testid=presumed-child-note]").ShouldNotBeNull();
        (await system.IdentificationClient<VictimCases.VictimCasesClient>(ShelterStaffInItaly).GetCaseAsync(new GetCaseRequest { CaseId = page.CaseId() }))
            .IsPresumedChild.ShouldBeTrue();
    }

    [Fact]
    public async Task A_date_of_birth_in_the_future_is_shown_by_its_input_and_the_names_typed_are_kept()
    {
        using var staff = system.As(ShelterStaffInItaly);
        var family = CasePages.UniqueName("Okafor");
        var nextYear = DateTime.UtcNow.Year + 1;

        var page = await staff.RegisterAsync(CasePages.AWoman(family, ("Input.Person.DateOfBirth", $"{nextYear}-01-15")));

        page.Url.AbsolutePath.ShouldBe("/Cases/Register");
        page.RefusalKind.ShouldBe("InvalidInput");
        page.FieldError("Input.Person.DateOfBirth").ShouldNotBeNull();
        page.InputValue("Input.Person.FamilyName").ShouldBe(family);
        page.InputValue("Input.Person.GivenName").ShouldBe("Grace");
    }

    [Fact]
    public async Task No_gender_chosen_is_shown_by_the_gender_choice()
    {
        using var staff = system.As(ShelterStaffInItaly);
        var family = CasePages.UniqueName("Eze");

        var page = await staff.RegisterAsync(CasePages.AWoman(family, ("Input.Person.Gender", "Unspecified")));

        page.RefusalKind.ShouldBe("InvalidInput");
        page.FieldError("Input.Person.Gender").ShouldNotBeNull();
        page.InputValue("Input.Person.FamilyName").ShouldBe(family);
    }
}
