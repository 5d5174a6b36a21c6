using Grpc.Core;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.Testing;

namespace TipReferral.Legal.Tests.LegalFiles.ProtectingWitnesses;

public sealed class WitnessProtectionTests(RecordingLegalService service) : IClassFixture<RecordingLegalService>
{
    private static readonly DemoUser AuthorityInNigeria = DemoUsers.For(Roles.WitnessProtectionAuthority, "NG");

    private WitnessProtection.WitnessProtectionClient As(DemoUser user) => service.ClientFor<WitnessProtection.WitnessProtectionClient>(user);

    private Google.Type.Date InThreeMonths => DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime).AddMonths(3).ToProto();

    private static RequestWitnessProtectionRequest Request(string caseId, string legalCaseId, params ProtectionMeasure[] measures)
    {
        var request = new RequestWitnessProtectionRequest { CaseId = caseId, LegalCaseId = legalCaseId, ProposedPseudonym = "Testimone A", Reason = "Threats from the network" };
        request.Measures.AddRange(measures);
        return request;
    }

    private GrantWitnessProtectionRequest Grant(string caseId, string protectionId, params ProtectionMeasure[] measures)
    {
        var grant = new GrantWitnessProtectionRequest { CaseId = caseId, ProtectionId = protectionId, ReviewOn = InThreeMonths, Reason = "Serious and current danger" };
        grant.Measures.AddRange(measures);
        return grant;
    }

    [Fact]
    public async Task Identity_protection_granted_by_the_competent_authority_is_published_with_who_may_see_the_identity_and_so_is_its_lift()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();
        var requested = await As(LegalService.ProsecutorInItaly).RequestWitnessProtectionAsync(
            Request(caseId, legalCaseId, ProtectionMeasure.IdentityProtection, ProtectionMeasure.VideoLinkTestimony));

        await As(LegalService.AuthorityInItaly).GrantWitnessProtectionAsync(
            Grant(caseId, requested.ProtectionId, ProtectionMeasure.IdentityProtection, ProtectionMeasure.VideoLinkTestimony));

        var protectionId = Guid.Parse(requested.ProtectionId);
        var identity = await service.IdentityProtected.WaitForAsync(m => m.ProtectionId == protectionId);
        identity.CaseId.ShouldBe(Guid.Parse(caseId));
        identity.Country.ShouldBe("IT");
        identity.Pseudonym.ShouldBe("Testimone A");
        identity.SeenBy.ShouldBe([new ProsecutorsOffice("IT", "Procura di Torino")]);
        var granted = await service.ProtectionGranted.WaitForAsync(m => m.ProtectionId == protectionId);
        granted.Measures.ShouldBe(["IDENTITY_PROTECTION", "VIDEO_LINK_TESTIMONY"], ignoreOrder: true);

        await As(LegalService.AuthorityInItaly).LiftWitnessProtectionAsync(
            new LiftWitnessProtectionRequest { CaseId = caseId, ProtectionId = requested.ProtectionId, Reason = "Trial over" });

        await service.IdentityProtectionLifted.WaitForAsync(m => m.ProtectionId == protectionId);
        await service.ProtectionLifted.WaitForAsync(m => m.ProtectionId == protectionId);
        var situation = await service.LegalCasesFor(LegalService.AuthorityInItaly).GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = caseId });
        situation.WitnessProtection.Single().Status.ShouldBe(WitnessProtectionStatus.Lifted);
        situation.WitnessProtection.Single().DecisionReason.ShouldBe("Trial over");
        situation.Effects.IdentityProtected.ShouldBeFalse();
    }

    [Fact]
    public async Task The_authority_of_another_country_cannot_grant_and_nothing_is_stored()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();
        var requested = await As(LegalService.ProsecutorInItaly).RequestWitnessProtectionAsync(Request(caseId, legalCaseId, ProtectionMeasure.ClosedHearing));

        var denied = await Should.ThrowAsync<RpcException>(() => As(AuthorityInNigeria).GrantWitnessProtectionAsync(
            Grant(caseId, requested.ProtectionId, ProtectionMeasure.ClosedHearing)).ResponseAsync);

        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await service.LoadAsync(caseId))!.Version.ShouldBe(requested.Version);
    }

    [Fact]
    public async Task A_prosecutor_of_another_office_cannot_request_protection_in_the_legal_case()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();
        var version = (await service.LoadAsync(caseId))!.Version;

        var denied = await Should.ThrowAsync<RpcException>(() => As(DemoUsers.Named("prosecutor.palermo.it")).RequestWitnessProtectionAsync(
            Request(caseId, legalCaseId, ProtectionMeasure.PoliceProtection)).ResponseAsync);

        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        denied.Status.Detail.ShouldContain("Procura di Torino");
        (await service.LoadAsync(caseId))!.Version.ShouldBe(version);
    }

    [Fact]
    public async Task Only_the_authority_of_the_familys_country_sees_and_decides_the_request_to_protect_the_family_abroad_and_nothing_else_of_the_case()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();
        var request = Request(caseId, legalCaseId, ProtectionMeasure.FamilyProtectionAbroad);
        request.FamilyAbroad = new FamilyAbroad { Country = "NG", Members = "Mother and two younger brothers, Benin City" };
        var requested = await As(LegalService.ProsecutorInItaly).RequestWitnessProtectionAsync(request);
        requested.FamilyProtectionRequestId.ShouldNotBeNullOrEmpty();

        var listed = await As(AuthorityInNigeria).ListFamilyProtectionRequestsAsync(new ListFamilyProtectionRequestsRequest { Country = "NG" });
        var family = listed.Requests.Single(r => r.RequestId == requested.FamilyProtectionRequestId);
        family.Members.ShouldBe("Mother and two younger brothers, Benin City");
        family.RequestingCountry.ShouldBe("IT");
        family.RequestingAuthority.ShouldBe("Procura di Torino");
        family.Status.ShouldBe(FamilyProtectionStatus.Requested);

        var notTheirs = await Should.ThrowAsync<RpcException>(() => As(LegalService.AuthorityInItaly)
            .ListFamilyProtectionRequestsAsync(new ListFamilyProtectionRequestsRequest { Country = "NG" }).ResponseAsync);
        notTheirs.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var notTheirDecision = await Should.ThrowAsync<RpcException>(() => As(LegalService.AuthorityInItaly).DecideFamilyProtectionAsync(
            new DecideFamilyProtectionRequest { RequestId = requested.FamilyProtectionRequestId, Grant = false, Reason = "Not ours" }).ResponseAsync);
        notTheirDecision.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var nothingElse = await Should.ThrowAsync<RpcException>(() => service.LegalCasesFor(AuthorityInNigeria)
            .GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = caseId }).ResponseAsync);
        nothingElse.StatusCode.ShouldBe(StatusCode.PermissionDenied);

        var decide = new DecideFamilyProtectionRequest
        {
            RequestId = requested.FamilyProtectionRequestId,
            ExpectedVersion = family.Version,
            Grant = true,
            Reason = "Relocated within Edo State",
        };
        decide.Measures.AddRange([ProtectionMeasure.PoliceProtection, ProtectionMeasure.Relocation]);
        var decided = await As(AuthorityInNigeria).DecideFamilyProtectionAsync(decide);

        decided.Version.ShouldBe(family.Version + 1);
        var after = (await As(AuthorityInNigeria).ListFamilyProtectionRequestsAsync(new ListFamilyProtectionRequestsRequest { Country = "NG" }))
            .Requests.Single(r => r.RequestId == requested.FamilyProtectionRequestId);
        after.Status.ShouldBe(FamilyProtectionStatus.Granted);
        after.MeasuresGranted.ShouldBe([ProtectionMeasure.PoliceProtection, ProtectionMeasure.Relocation]);
        after.DecisionReason.ShouldBe("Relocated within Edo State");
        (await service.LoadAsync(caseId))!.Protections.Single().FamilyProtectionRequestId.ToString().ShouldBe(requested.FamilyProtectionRequestId);
    }

    [Fact]
    public async Task Bad_input_on_every_protection_rpc_names_the_field_and_stores_nothing()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();
        var requested = await As(LegalService.ProsecutorInItaly).RequestWitnessProtectionAsync(Request(caseId, legalCaseId, ProtectionMeasure.IdentityProtection));
        var protectionId = requested.ProtectionId;
        var prosecutor = As(LegalService.ProsecutorInItaly);
        var authority = As(LegalService.AuthorityInItaly);

        var noPseudonym = Request(caseId, legalCaseId, ProtectionMeasure.IdentityProtection);
        noPseudonym.ProposedPseudonym = "";
        var familyWithoutMeasure = Request(caseId, legalCaseId, ProtectionMeasure.PoliceProtection);
        familyWithoutMeasure.FamilyAbroad = new FamilyAbroad { Country = "NG", Members = "Mother" };
        var familyInNowhere = Request(caseId, legalCaseId, ProtectionMeasure.FamilyProtectionAbroad);
        familyInNowhere.FamilyAbroad = new FamilyAbroad { Country = "Nigeria", Members = "Mother" };
        var grantWithoutDate = Grant(caseId, protectionId, ProtectionMeasure.IdentityProtection);
        grantWithoutDate.ReviewOn = null;
        var changeWithoutMeasures = new ChangeWitnessProtectionMeasuresRequest { CaseId = caseId, ProtectionId = protectionId, ReviewOn = InThreeMonths, Reason = "Why" };

        (Func<Task> Call, string Field)[] calls =
        [
            (async () => await prosecutor.RequestWitnessProtectionAsync(noPseudonym), "proposed_pseudonym"),
            (async () => await prosecutor.RequestWitnessProtectionAsync(familyWithoutMeasure), "family_abroad"),
            (async () => await prosecutor.RequestWitnessProtectionAsync(familyInNowhere), "family_abroad.country"),
            (async () => await prosecutor.RequestWitnessProtectionAsync(Request(caseId, legalCaseId)), "measures"),
            (async () => await authority.GrantWitnessProtectionAsync(grantWithoutDate), "review_on"),
            (async () => await authority.RefuseWitnessProtectionAsync(new RefuseWitnessProtectionRequest { CaseId = caseId, ProtectionId = protectionId }), "reason"),
            (async () => await authority.ReviewWitnessProtectionAsync(
                new ReviewWitnessProtectionRequest { CaseId = caseId, ProtectionId = "p-1", NextReviewOn = InThreeMonths, Reason = "Why" }), "protection_id"),
            (async () => await authority.ChangeWitnessProtectionMeasuresAsync(changeWithoutMeasures), "measures"),
            (async () => await authority.LiftWitnessProtectionAsync(new LiftWitnessProtectionRequest { CaseId = caseId, ProtectionId = protectionId, Reason = " " }), "reason"),
            (async () => await As(AuthorityInNigeria).ListFamilyProtectionRequestsAsync(new ListFamilyProtectionRequestsRequest { Country = "ng" }), "country"),
            (async () => await As(AuthorityInNigeria).DecideFamilyProtectionAsync(
                new DecideFamilyProtectionRequest { RequestId = Guid.NewGuid().ToString(), Grant = true, Reason = "Why" }), "measures"),
        ];

        foreach (var (call, field) in calls)
        {
            var invalid = await Should.ThrowAsync<RpcException>(call);
            invalid.StatusCode.ShouldBe(StatusCode.InvalidArgument, field);
            invalid.Status.Detail.ShouldContain(field);
        }

        (await service.LoadAsync(caseId))!.Version.ShouldBe(requested.Version);
    }
}
