using Grpc.Core;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Cases;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Portal.Tests.Legal;
using TipReferral.Portal.Tests.Returns;
using TipReferral.Portal.Tests.Shelter;
using TipReferral.Testing;
using RepatriationApi = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Portal.Tests.Browser;

/// <summary>
/// The walk the people of the system do in a real Chromium, each signed in at the identity
/// provider's login page: shelter staff register a woman, place her with her consent; the case
/// worker of Italy refers her to NAPTIP Abuja and reads the readiness board; the agency opens the
/// package after stating why and accepts; a prosecutor and the witness-protection authority
/// protect a witness's identity, after which shelter staff see only her pseudonym and the
/// data-protection officer sees their reads. Only what another role decides outside the walk
/// (formal identification, the end of the reflection period at her request) is arranged by API.
/// </summary>
[Collection(PortalSystemCollection.Name)]
public sealed class WalkInBrowserTests(PortalSystem system)
{
    private static readonly DemoUser Staff = DemoUsers.For(Roles.ShelterStaff, "IT");
    private static readonly DemoUser Supervisor = DemoUsers.For(Roles.Supervisor, "IT");
    private static readonly DemoUser CaseWorker = DemoUsers.For(Roles.CaseWorker, "IT");
    private static readonly DemoUser Agency = DemoUsers.For(Roles.ReceivingAgency, "NG");

    [Fact]
    public async Task A_woman_is_registered_placed_with_her_consent_referred_to_Nigeria_and_accepted_there_all_in_the_browser()
    {
        var shelterId = (await system.ShelterClient<Shelters.SheltersClient>(Supervisor).RegisterShelterAsync(new RegisterShelterRequest
        {
            Name = CasePages.UniqueName("Casa Walk "),
            Country = "IT",
            Agency = Staff.Agency,
            Area = "Torino",
            Capacity = 5,
            Accepts = { ResidentGroup.Women },
        })).ShelterId;
        var agencyId = await system.AgencyIdOfAsync(Agency);
        var familyName = CasePages.UniqueName("Edosa");

        // Shelter staff register her and record her consents.
        await using var staff = await BrowserSession.OpenAsync(system.Portal);
        await staff.SignInAsync(Staff, "/Cases/Register");
        await staff.SubmitAsync("form#register", CasePages.AWoman(familyName));
        await staff.StatePurposeIfAskedAsync("case-management");

        var casePath = new Uri(staff.Page.Url).AbsolutePath;
        casePath.ShouldStartWith("/Cases/Case/");
        var caseId = casePath.Split('/')[^1];
        (await staff.Page.GetByTestId("case-name").InnerTextAsync()).ShouldContain(familyName);
        await staff.SubmitAsync("form#record-consent", ("Consent.Purpose", "ShelterReferral"), ("Consent.Recipient.Country", "IT"), ("Consent.Recipient.Agency", Staff.Agency), ("Consent.GivenBy", "Person"));
        await staff.SubmitAsync("form#record-consent", ("Consent.Purpose", "CrossBorderReferral"), ("Consent.Recipient.Country", "NG"), ("Consent.Recipient.Agency", Agency.Agency), ("Consent.GivenBy", "Person"));
        (await staff.Page.GetByTestId("consent").CountAsync()).ShouldBe(2);

        // She appears awaiting placement, is referred (once her consent reached the shelter service) and admitted.
        await system.UntilPortalListsAwaitingAsync(caseId, async path =>
        {
            await staff.GotoAsync(path);
            return await staff.Page.Locator($"[data-testid=awaiting][data-case-id='{caseId}']").CountAsync() == 1;
        });
        await staff.OpenStatingPurposeAsync($"/Shelter/Case/{caseId}?group=Women", "placement");
        await Eventually.HoldsAsync(async () =>
        {
            await staff.GotoAsync($"/Shelter/Case/{caseId}?group=Women");
            await staff.SubmitAsync("form#refer-form", ("Refer.ShelterId", shelterId));
            return await staff.Page.GetByTestId("refusal").CountAsync() == 0;
        }, "The referral to a shelter once her consent arrived", AwaitingList.Patience);
        await staff.GotoAsync($"/Shelter/Case/{caseId}?group=Women");
        await staff.SubmitAsync("form#admit-form");
        (await staff.Page.GetByTestId("placement-status").InnerTextAsync()).ShouldBe("In a shelter");

        await IdentifiedAndReflectionPeriodEndedAtHerRequestAsync(caseId);

        // The case worker of Italy refers her to NAPTIP Abuja and reads which gates still stop travel.
        await using var caseWorker = await BrowserSession.OpenAsync(system.Portal);
        await caseWorker.SignInAsync(CaseWorker);
        await caseWorker.OpenStatingPurposeAsync($"/Returns/Case/{caseId}", "referral");
        await Eventually.HoldsAsync(async () =>
        {
            await caseWorker.GotoAsync($"/Returns/Case/{caseId}");
            await caseWorker.SubmitAsync("form#request", ReturnCaseTests.RequestFields(agencyId));
            return await caseWorker.Page.GetByTestId("refusal").CountAsync() == 0;
        }, "The referral once her consent and the end of her reflection period reached the repatriation service", AwaitingList.Patience);
        var travelDocument = caseWorker.Page.GetByTestId("gate-travel-document-valid");
        (await travelDocument.GetAttributeAsync("data-state")).ShouldBe("not-met");
        (await caseWorker.Page.GetByTestId("gate-receiving-agency-accepted").GetAttributeAsync("data-state")).ShouldBe("not-met");
        (await caseWorker.Page.GetByTestId("gate-consent-for-cross-border-referral").GetAttributeAsync("data-state")).ShouldBe("met");

        // NAPTIP Abuja finds it in its inbox, states why before the package opens, acknowledges and accepts.
        await using var agency = await BrowserSession.OpenAsync(system.Portal);
        await agency.SignInAsync(Agency, "/Referrals/Incoming");
        (await agency.Page.Locator($"a[href*='{caseId}']").CountAsync()).ShouldBeGreaterThan(0);
        (await agency.OpenStatingPurposeAsync($"/Referrals/Referral/{caseId}", "referral")).ShouldBeTrue("the package opens only after the agency said why");
        (await agency.Page.Locator("main").InnerTextAsync()).ShouldContain(familyName);
        await agency.SubmitAsync("form#acknowledge", ("Acknowledge.ContactPerson", "Hauwa Musa"));
        await agency.SubmitAsync("form#accept", ("Accept.Note", "A shelter place in Abuja is ready."));
        (await system.ReferralAsync(caseId)).Status.ShouldBe(RepatriationApi.ReferralStatus.Accepted);

        // Back on the board, the agency's acceptance now holds and names who gave it.
        await caseWorker.GotoAsync($"/Returns/Case/{caseId}");
        var accepted = caseWorker.Page.GetByTestId("gate-receiving-agency-accepted");
        (await accepted.GetAttributeAsync("data-state")).ShouldBe("met");
        (await accepted.InnerTextAsync()).ShouldContain(Agency.Agency);
    }

    [Fact]
    public async Task A_witness_protected_by_prosecutor_and_authority_shows_only_her_pseudonym_to_shelter_staff_and_the_officer_sees_their_reads()
    {
        var steps = new LegalSteps(system);
        var person = await steps.ACaseInItalyAsync();
        await steps.OpenLegalCaseAsync(person.CaseId);
        var pseudonym = "Testimone " + Guid.NewGuid().ToString("N")[..4];

        await using var prosecutor = await BrowserSession.OpenAsync(system.Portal);
        await prosecutor.SignInAsync(LegalSteps.Prosecutor);
        await prosecutor.OpenStatingPurposeAsync($"/Legal/Case/{person.CaseId}", "proceedings");
        await prosecutor.SubmitAsync("#request-protection-form",
            ("ProtectionRequest.Measures", nameof(ProtectionMeasure.IdentityProtection)),
            ("ProtectionRequest.ProposedPseudonym", pseudonym),
            ("ProtectionRequest.Reason", "She testifies against the network that brought her to Torino."));
        (await prosecutor.Page.GetByTestId("protection-status").InnerTextAsync()).ShouldBe("Requested");

        await using var authority = await BrowserSession.OpenAsync(system.Portal);
        await authority.SignInAsync(LegalSteps.Authority);
        await authority.OpenStatingPurposeAsync($"/Legal/Case/{person.CaseId}", "proceedings");
        await authority.SubmitAsync("[data-testid=grant-protection-form]", ("ProtectionGrant.ReviewOn", LegalSteps.InDays(90)), ("ProtectionGrant.Reason", "Credible threats against her."));
        (await authority.Page.GetByTestId("protection-status").InnerTextAsync()).ShouldBe("Granted");

        var cases = system.IdentificationClient<VictimCases.VictimCasesClient>(LegalSteps.Staff);
        await Eventually.HoldsAsync(
            async () => (await cases.GetCaseAsync(new GetCaseRequest { CaseId = person.CaseId })).PersonalDataState == Contracts.Common.V1.PersonalDataState.Masked,
            "The identity protection reaching the identification service",
            AwaitingList.Patience);

        await using var staff = await BrowserSession.OpenAsync(system.Portal);
        await staff.SignInAsync(LegalSteps.Staff);
        foreach (var page in new[] { $"/Cases/Case/{person.CaseId}", $"/Shelter/Case/{person.CaseId}", $"/Legal/Case/{person.CaseId}", $"/Cases?Reference={person.Reference}" })
        {
            await staff.OpenStatingPurposeAsync(page, "placement");

            var text = await staff.Page.Locator("main").InnerTextAsync();
            text.ShouldNotContain(person.FamilyName, Case.Sensitive, $"{page} shows her real name");
            text.ShouldNotContain(person.GivenName, Case.Sensitive, $"{page} shows her real name");
            if (page.StartsWith("/Cases", StringComparison.Ordinal))
            {
                text.ShouldContain(pseudonym, Case.Sensitive, $"{page} shows her pseudonym");
            }
        }

        await using var officer = await BrowserSession.OpenAsync(system.Portal);
        await officer.SignInAsync(LegalSteps.Officer);
        await officer.OpenStatingPurposeAsync($"/Audit/Case/{person.CaseId}", "audit");
        (await officer.Page.Locator($"[data-testid=access-record][data-user='{LegalSteps.Staff.Username}'][data-outcome=Allowed]").CountAsync()).ShouldBeGreaterThan(0);
    }

    /// <summary>What two other roles decide outside the walk: the Supervisor identifies her formally, and she asks to end her reflection period.</summary>
    private async Task IdentifiedAndReflectionPeriodEndedAtHerRequestAsync(string caseId)
    {
        await system.IdentificationClient<VictimCases.VictimCasesClient>(Supervisor).IdentifyFormallyAsync(new IdentifyFormallyRequest
        {
            CaseId = caseId,
            Outcome = IdentificationOutcome.IdentifiedAsVictim,
            DecidingOrganisation = new Organisation { Name = "Commissione Territoriale di Torino", Kind = OrganisationKind.GovernmentAgency },
            Reason = "Confirmed by interview",
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await system.ShelterClient<ShelterCases.ShelterCasesClient>(Staff).EndReflectionPeriodEarlyAsync(new EndReflectionPeriodEarlyRequest
        {
            CaseId = caseId,
            RequestedByPerson = true,
            RequestedOn = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day },
            RequestStatement = "I have decided; I want to go home now.",
        });
    }
}
