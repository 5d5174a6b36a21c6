using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Legal;

[Collection(PortalSystemCollection.Name)]
public sealed class LegalListsTests(PortalSystem system)
{
    private static readonly DemoUser CaseWorker = DemoUsers.For(Roles.CaseWorker, "IT");
    private static readonly DemoUser AuthorityInNigeria = DemoUsers.For(Roles.WitnessProtectionAuthority, "NG");

    private readonly LegalSteps steps = new(system);

    [Fact]
    public async Task A_permit_expiring_within_the_days_asked_is_listed_and_a_bad_number_of_days_is_refused_next_to_its_input()
    {
        var person = await steps.ACaseInItalyAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await system.LegalClient<ResidencePermits.ResidencePermitsClient>(CaseWorker).RecordResidencePermitAsync(new RecordResidencePermitRequest
        {
            CaseId = person.CaseId,
            Type = PermitType.Humanitarian,
            IssuingAuthority = "Questura di Torino",
            PermitNumber = "TO-" + Guid.NewGuid().ToString("N")[..8],
            IssuedOn = Day(today.AddDays(-300)),
            ExpiresOn = Day(today.AddDays(20)),
        });
        using var caseWorker = system.As(CaseWorker);

        var listed = await caseWorker.GetAsync("/Legal/ExpiringPermits?Input.WithinDays=30");
        var bad = await caseWorker.GetAsync("/Legal/ExpiringPermits?Input.WithinDays=0");

        listed.RefusalKind.ShouldBeNull(listed.Text);
        listed.Document.QuerySelector($"[data-testid=expiring-permit][data-case-id='{person.CaseId}']").ShouldNotBeNull(listed.Text);
        bad.RefusalKind.ShouldBe("InvalidInput");
        bad.FieldError("Input.WithinDays").ShouldNotBeNull(bad.Text);
        bad.InputValue("Input.WithinDays").ShouldBe("0");
    }

    [Fact]
    public async Task The_authority_of_the_familys_country_sees_the_request_and_grants_it_through_the_page()
    {
        var person = await steps.ACaseInItalyAsync();
        var legalCaseId = await steps.OpenLegalCaseAsync(person.CaseId);
        var members = "Her mother and two brothers " + Guid.NewGuid().ToString("N")[..4];
        var requested = await system.LegalClient<WitnessProtection.WitnessProtectionClient>(LegalSteps.Prosecutor).RequestWitnessProtectionAsync(new RequestWitnessProtectionRequest
        {
            CaseId = person.CaseId,
            LegalCaseId = legalCaseId,
            Measures = { ProtectionMeasure.FamilyProtectionAbroad },
            FamilyAbroad = new FamilyAbroad { Country = "NG", Members = members },
            Reason = "The network threatens her family in Benin City.",
        });
        using var authority = system.As(AuthorityInNigeria);
        var list = await LegalSteps.OpenAsync(authority, "/Legal/FamilyProtection");
        var selector = $"[data-testid=family-request][data-request-id='{requested.FamilyProtectionRequestId}']";
        await Eventually.HoldsAsync(async () =>
        {
            list = await authority.GetAsync("/Legal/FamilyProtection");
            return list.Document.QuerySelector(selector) is not null;
        }, "The request reaching the family's country");
        list.Document.QuerySelector(selector)!.TextContent.ShouldContain(members);

        var decided = await authority.SubmitAsync(list, $"{selector} form",
            ("Decision.Grant", "true"),
            ("Decision.Measures", nameof(ProtectionMeasure.PoliceProtection)),
            ("Decision.Reason", "Police protection in Benin City."));

        decided.RefusalKind.ShouldBeNull(decided.Text);
        decided.Document.QuerySelector(selector + " [data-testid=family-status]")!.TextContent.ShouldBe("Granted");
        var stored = (await system.LegalClient<WitnessProtection.WitnessProtectionClient>(AuthorityInNigeria).ListFamilyProtectionRequestsAsync(
            new ListFamilyProtectionRequestsRequest { Country = "NG", Page = new() { PageSize = 100 } })).Requests.Single(r => r.RequestId == requested.FamilyProtectionRequestId);
        stored.Status.ShouldBe(FamilyProtectionStatus.Granted);
        stored.MeasuresGranted.ShouldBe([ProtectionMeasure.PoliceProtection]);
    }

    private static Google.Type.Date Day(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
