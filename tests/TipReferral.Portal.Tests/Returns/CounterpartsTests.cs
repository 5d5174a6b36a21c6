using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Returns;

[Collection(PortalSystemCollection.Name)]
public sealed class CounterpartsTests(PortalSystem system)
{
    private static readonly DemoUser AdministratorInGhana = DemoUsers.For(Roles.Administrator, "GH");

    [Fact]
    public async Task An_administrator_lists_an_agency_of_their_country_and_a_case_worker_finds_it_by_country()
    {
        using var administrator = system.As(AdministratorInGhana);
        var page = await administrator.GetAsync("/Returns/Counterparts");
        var name = "Ghana Refugee Board " + Guid.NewGuid().ToString("N")[..6];

        var listed = await administrator.SubmitAsync(page, "form#register-agency",
            ("Input.Name", name), ("Input.Kind", "GovernmentAgency"), ("Input.Languages", "en, tw"),
            ("Input.Services", "Shelter"), ("Input.Services", "Reintegration"),
            ("Input.ContactPoints[0].Name", "Ama Mensah"), ("Input.ContactPoints[0].Phone", "+233 30 000 0000"));

        listed.Document.QuerySelector("[data-testid=done]").ShouldNotBeNull(listed.Text);
        var entry = (await system.RepatriationClient<Counterparts.CounterpartsClient>(AdministratorInGhana)
            .ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = "GH" })).Agencies.Single(a => a.Name == name);
        entry.Services.ShouldBe([AgencyService.Shelter, AgencyService.Reintegration], ignoreOrder: true);
        entry.Languages.ShouldBe(["en", "tw"]);

        using var caseWorker = system.As(ReturnArrangements.CaseWorkerInItaly);
        var directory = await caseWorker.GetAsync("/Returns/Counterparts?Country=GH&Provides=Shelter");
        var row = directory.Document.QuerySelectorAll("[data-testid=agency]").Single(r => r.GetAttribute("data-agency-id") == entry.AgencyId);
        row.TextContent.ShouldContain("Ama Mensah");
        row.TextContent.ShouldContain("Shelter");
        directory.Document.QuerySelector("form#register-agency").ShouldBeNull("Only an Administrator lists agencies");
        row.QuerySelector("a[href*='edit=']").ShouldBeNull("A case worker does not edit the directory");
    }

    [Fact]
    public async Task An_administrator_stops_referrals_to_an_agency_and_a_stale_entry_shows_the_conflict()
    {
        using var administrator = system.As(AdministratorInGhana);
        var name = "Accra Shelter " + Guid.NewGuid().ToString("N")[..6];
        var agency = await system.RepatriationClient<Counterparts.CounterpartsClient>(AdministratorInGhana)
            .RegisterReceivingAgencyAsync(new RegisterReceivingAgencyRequest { Name = name, Kind = AgencyKind.NonGovernmentalOrganisation, Languages = { "en" } });
        var page = await administrator.GetAsync($"/Returns/Counterparts?Country=GH&edit={agency.AgencyId}");

        var stale = await administrator.SubmitAsync(page, "form#update-agency", ("Update.ExpectedVersion", (agency.Version - 1).ToString()), ("Update.AcceptsReferrals", "false"));
        stale.RefusalKind.ShouldBe("Conflict");

        var updated = await administrator.SubmitAsync(page, "form#update-agency", ("Update.AcceptsReferrals", "false"));
        updated.Document.QuerySelector("[data-testid=done]").ShouldNotBeNull(updated.Text);
        (await system.RepatriationClient<Counterparts.CounterpartsClient>(AdministratorInGhana)
            .ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = "GH" })).Agencies.Single(a => a.AgencyId == agency.AgencyId).AcceptsReferrals.ShouldBeFalse();
    }

    [Fact]
    public async Task Bad_input_in_a_new_entry_shows_the_field_error_and_keeps_the_input()
    {
        using var administrator = system.As(AdministratorInGhana);
        var page = await administrator.GetAsync("/Returns/Counterparts");

        var refused = await administrator.SubmitAsync(page, "form#register-agency", ("Input.Name", "Tema Office"), ("Input.Kind", "Consulate"), ("Input.Languages", "english"));

        refused.RefusalKind.ShouldBe("InvalidInput");
        refused.FieldError("Input.Languages[0]").ShouldNotBeNullOrEmpty();
        refused.InputValue("Input.Name").ShouldBe("Tema Office");
    }
}
