using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Purposes;

[Collection(PortalSystemCollection.Name)]
public sealed class PurposeTests(PortalSystem system)
{
    [Fact]
    public async Task A_search_first_asks_why_and_the_service_records_the_stated_purpose_with_the_read()
    {
        var screener = DemoUsers.For(Roles.Screener, "IT");
        var familyName = "Purposeful" + Guid.NewGuid().ToString("N")[..6];
        var registered = await system.IdentificationClient<VictimCases.VictimCasesClient>(screener).RegisterPresumedVictimAsync(new RegisterPresumedVictimRequest
        {
            Person = new PersonDetails { GivenName = "Grace", FamilyName = familyName, Gender = Gender.Female, Citizenships = { "NG" }, Languages = { "en" } },
            IdentifiedAt = new IdentificationPlace { Place = "Torino", Country = "IT", IdentifyingAgency = screener.Agency },
            FormsOfExploitation = { ExploitationType.Sexual },
        });
        using var staff = system.As(DemoUsers.For(Roles.ShelterStaff, "IT"));

        var asked = await staff.GetAsync($"/Cases?name=Grace+{familyName}");
        asked.Url.AbsolutePath.ShouldBe("/Purpose");
        var refusedEmpty = await staff.SubmitAsync(asked, "main form");
        refusedEmpty.Url.AbsolutePath.ShouldBe("/Purpose");
        refusedEmpty.FieldError("Statement").ShouldNotBeNull();

        var statement = "Finding her placement " + Guid.NewGuid().ToString("N")[..6];
        var results = await staff.SubmitAsync(refusedEmpty, "main form", ("Statement", statement));

        results.Url.PathAndQuery.ShouldBe($"/Cases?name=Grace+{familyName}");
        results.Document.QuerySelector("[data-testid=search-results]")!.TextContent.ShouldContain(familyName);
        var officer = DemoUsers.For(Roles.DataProtectionOfficer, "IT");
        var reads = await system.IdentificationClient<ReadAudit.ReadAuditClient>(officer).WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = registered.CaseId });
        reads.Records.ShouldContain(record => record.Purpose == statement && record.Actor.UserId == DemoUsers.For(Roles.ShelterStaff, "IT").Username);
    }

    [Fact]
    public async Task A_purpose_page_never_sends_the_person_to_another_site()
    {
        using var staff = system.As(DemoUsers.For(Roles.ShelterStaff, "IT"));
        var asked = await staff.GetAsync("/Purpose?scope=search&returnUrl=https%3A%2F%2Fevil.example%2F");

        var after = await staff.SubmitAsync(asked, "main form", ("Choice", "placement"));

        after.Url.Host.ShouldBe("127.0.0.1");
        after.Url.AbsolutePath.ShouldBe("/");
    }
}
