using Grpc.Core;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.Testing;
using AccessDeniedException = TipReferral.ServiceDefaults.Access.AccessDeniedException;
using Proto = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Legal.Tests.Security;

/// <summary>
/// A legal file in Italy and one in Nigeria, each with a proceeding of its own country and all a
/// proceeding brings (protection, hold, lawyer, permit, claim), that every cell of the matrix is
/// tried against. The extra checks some RPCs make beyond role and country are met by the demo
/// user of each role of the file's country: its prosecutor opened the proceeding, its lawyer is
/// assigned, its authority is that of the proceeding's country.
/// </summary>
public sealed class LegalFilesInTwoCountries : LegalService
{
    /// <summary>The callers' own country (they all are Italian users) and the one out of their reach.</summary>
    public const string Own = "IT", Other = "NG";

    public LegalFileInCountry Italian { get; private set; } = null!;

    public LegalFileInCountry Nigerian { get; private set; } = null!;

    /// <summary>The request to protect a family living in the country: made by the other country's prosecutor for a witness there.</summary>
    public Dictionary<string, string> FamilyRequestIn { get; } = [];

    public LegalFileInCountry Of(bool own) => own ? Italian : Nigerian;

    public Google.Type.Date Day(int offset) => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(offset).ToProto();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Italian = await AFileWithAProceedingAsync(Own, familyIn: Other);
        Nigerian = await AFileWithAProceedingAsync(Other, familyIn: Own);
    }

    private async Task<LegalFileInCountry> AFileWithAProceedingAsync(string country, string familyIn)
    {
        var prosecutor = DemoUsers.For(Roles.Prosecutor, country);
        var (caseId, legalCaseId) = await AVictimCaseWithLegalCaseAsync(prosecutor);
        await ClientFor<Proto.LegalAid.LegalAidClient>(DemoUsers.For(Roles.CaseWorker, country)).AssignLegalAidLawyerAsync(Lawyer(caseId, country));

        var protection = new RequestWitnessProtectionRequest
        {
            CaseId = caseId,
            LegalCaseId = legalCaseId,
            Measures = { ProtectionMeasure.PoliceProtection, ProtectionMeasure.FamilyProtectionAbroad },
            FamilyAbroad = new FamilyAbroad { Country = familyIn, Members = "Mother and two younger brothers" },
            Reason = "Threats from the network",
        };
        var requested = await ClientFor<Proto.WitnessProtection.WitnessProtectionClient>(prosecutor).RequestWitnessProtectionAsync(protection);
        FamilyRequestIn[familyIn] = requested.FamilyProtectionRequestId;

        var hold = await ClientFor<Proto.LegalHolds.LegalHoldsClient>(prosecutor).PlaceLegalHoldAsync(
            new PlaceLegalHoldRequest { CaseId = caseId, LegalCaseId = legalCaseId, ReviewOn = Day(365), Reason = "Testimony needed" });
        var permit = await ClientFor<Proto.ResidencePermits.ResidencePermitsClient>(DemoUsers.For(Roles.CaseWorker, country)).RecordResidencePermitAsync(Permit(caseId));
        var claim = await ClientFor<Proto.Compensation.CompensationClient>(DemoUsers.For(Roles.Supervisor, country)).FileCompensationClaimAsync(Claim(caseId));

        // The file has been read in its country, so the read audit knows which country it belongs to.
        await LegalCasesFor(prosecutor).GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = caseId });
        return new LegalFileInCountry(caseId, legalCaseId, requested.ProtectionId, hold.HoldId, permit.PermitId, claim.ClaimId);
    }

    public static AssignLegalAidLawyerRequest Lawyer(string caseId, string country) =>
        new() { CaseId = caseId, LawyerUserId = DemoUsers.For(Roles.LegalAidLawyer, country).Username, LawyerName = "Elena Greco", BarOrAgency = "ASGI" };

    public RecordResidencePermitRequest Permit(string caseId) => new()
    {
        CaseId = caseId,
        Type = PermitType.Humanitarian,
        IssuingAuthority = "Questura di Torino",
        PermitNumber = "TO1234567",
        IssuedOn = Day(0),
        ExpiresOn = Day(365),
    };

    public FileCompensationClaimRequest Claim(string caseId) => new()
    {
        CaseId = caseId,
        Source = CompensationSource.StateFund,
        Claimed = new Money { AmountMinor = 1_500_000, Currency = "EUR" },
        FiledOn = Day(0),
    };
}

/// <summary>One legal file and what its calls name: its proceeding, protection, hold, permit and claim.</summary>
public sealed record LegalFileInCountry(string CaseId, string LegalCaseId, string ProtectionId, string HoldId, string PermitId, string ClaimId);

/// <summary>
/// Every RPC × every role × own/other country, called on a real server with real tokens from
/// the development identity provider, must be allowed or denied exactly as the declared policy
/// (and so docs/access-matrix/legal-assistance.md) says.
/// </summary>
public sealed class AccessMatrixTests(LegalFilesInTwoCountries world) : IClassFixture<LegalFilesInTwoCountries>
{
    public static TheoryData<string> AllRoles => [.. Roles.All];

    private static readonly DemoUser NigerianProsecutor = DemoUsers.For(Roles.Prosecutor, LegalFilesInTwoCountries.Other);

    private static readonly DemoUser ItalianShelterStaff = DemoUsers.For(Roles.ShelterStaff, LegalFilesInTwoCountries.Own);

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_rpc_allows_or_denies_the_role_as_its_policy_declares(string role)
    {
        var mismatches = await AccessMatrix.MismatchesAsync(role, AccessMatrixDocumentTests.Services, Calls(DemoUsers.For(role, LegalFilesInTwoCountries.Own)));

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_prosecutor_of_another_country_sees_nothing_of_the_file_and_each_attempt_is_in_the_read_audit()
    {
        var italian = await AnItalianFileOnlyThisTestReadsAsync();
        var cases = world.LegalCasesFor(NigerianProsecutor);

        (await AccessMatrix.StatusOfAsync(() => cases.GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = italian }).ResponseAsync))
            .ShouldBe(StatusCode.PermissionDenied);
        (await AccessMatrix.StatusOfAsync(() => cases.GetCaseHistoryAsync(new GetLegalCaseHistoryRequest { CaseId = italian }).ResponseAsync))
            .ShouldBe(StatusCode.PermissionDenied);

        // The read audit answers a data protection officer for the users of their country, and for the cases of it.
        var tried = await world.AuditClientFor(DemoUsers.For(Roles.DataProtectionOfficer, LegalFilesInTwoCountries.Other))
            .WhatDidUserViewAsync(new WhatDidUserViewRequest { UserId = NigerianProsecutor.Username, IncludeDenied = true });
        ShouldBeRefusedAsOtherCountry(tried.Records.Where(r => r.CaseId == italian).ToList());
        var viewed = await world.AuditClientFor(DemoUsers.For(Roles.DataProtectionOfficer, LegalFilesInTwoCountries.Own))
            .WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = italian, IncludeDenied = true });
        ShouldBeRefusedAsOtherCountry(viewed.Records.Where(r => r.Actor.UserId == NigerianProsecutor.Username).ToList());
    }

    [Fact]
    public async Task Shelter_staff_learn_only_the_effects_of_the_proceedings_and_cannot_read_their_history()
    {
        var italian = await AnItalianFileOnlyThisTestReadsAsync();
        var cases = world.LegalCasesFor(ItalianShelterStaff);

        var situation = await cases.GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = italian });
        situation.DetailsVisible.ShouldBeFalse();
        situation.LegalCases.ShouldBeEmpty();
        situation.Cooperation.ShouldBeNull();
        situation.Effects.RemovalOnHold.ShouldBeTrue();
        (await AccessMatrix.StatusOfAsync(() => cases.GetCaseHistoryAsync(new GetLegalCaseHistoryRequest { CaseId = italian }).ResponseAsync))
            .ShouldBe(StatusCode.PermissionDenied);

        var tried = await world.AuditClientFor(DemoUsers.For(Roles.DataProtectionOfficer, LegalFilesInTwoCountries.Own))
            .WhatDidUserViewAsync(new WhatDidUserViewRequest { UserId = ItalianShelterStaff.Username, IncludeDenied = true });
        var refused = tried.Records.Where(r => r.CaseId == italian && r.Outcome == AccessOutcome.Denied).ShouldHaveSingleItem();
        refused.Operation.ShouldBe("GetCaseHistory");
        refused.DenialReason.ShouldBe(AccessDeniedException.RoleNotPermittedRule);
    }

    /// <summary>
    /// A file with a proceeding, a hold and a cooperation decision that the matrix never calls on:
    /// its read audit is this test's alone, not paged away behind the matrix's attempts.
    /// </summary>
    private async Task<string> AnItalianFileOnlyThisTestReadsAsync()
    {
        var (caseId, legalCaseId) = await world.AVictimCaseWithLegalCaseAsync(LegalService.ProsecutorInItaly);
        await world.ClientFor<Proto.LegalHolds.LegalHoldsClient>(LegalService.ProsecutorInItaly).PlaceLegalHoldAsync(
            new PlaceLegalHoldRequest { CaseId = caseId, LegalCaseId = legalCaseId, ReviewOn = world.Day(365), Reason = "Testimony needed" });
        await world.ClientFor<Proto.Cooperation.CooperationClient>(LegalService.ProsecutorInItaly).RecordCooperationDecisionAsync(Cooperating(caseId));
        var seen = await world.LegalCasesFor(LegalService.ProsecutorInItaly).GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = caseId });
        seen.ShouldSatisfyAllConditions(s => s.LegalCases.ShouldNotBeEmpty(), s => s.Cooperation.ShouldNotBeNull());
        return caseId;
    }

    private RecordCooperationDecisionRequest Cooperating(string caseId) => new()
    {
        CaseId = caseId,
        Decision = CooperationDecision.Cooperate,
        DecidedOn = world.Day(0),
        InformedBy = new InformedBy { Name = "Avv. Chiara Rossi", Role = "Legal aid lawyer", Agency = "Foro di Torino" },
    };

    private static void ShouldBeRefusedAsOtherCountry(IReadOnlyList<AccessRecord> records)
    {
        records.ShouldAllBe(r => r.Outcome == AccessOutcome.Denied && r.DenialReason == AccessDeniedException.OtherCountryRule);
        records.Select(r => r.Operation).ShouldBe(["GetLegalSituation", "GetCaseHistory"], ignoreOrder: true);
    }

    private Dictionary<string, Func<bool, Task>> Calls(DemoUser user)
    {
        var cases = world.ClientFor<Proto.LegalCases.LegalCasesClient>(user);
        var cooperation = world.ClientFor<Proto.Cooperation.CooperationClient>(user);
        var protection = world.ClientFor<Proto.WitnessProtection.WitnessProtectionClient>(user);
        var holds = world.ClientFor<Proto.LegalHolds.LegalHoldsClient>(user);
        var legalAid = world.ClientFor<Proto.LegalAid.LegalAidClient>(user);
        var permits = world.ClientFor<Proto.ResidencePermits.ResidencePermitsClient>(user);
        var compensation = world.ClientFor<Proto.Compensation.CompensationClient>(user);
        var audit = world.AuditClientFor(user);
        string Country(bool own) => own ? LegalFilesInTwoCountries.Own : LegalFilesInTwoCountries.Other;
        string Case(bool own) => world.Of(own).CaseId;
        return new()
        {
            ["OpenLegalCase"] = own => cases.OpenLegalCaseAsync(LegalService.OpenLegalCaseRequest(Case(own), Country(own), "RG 9999/2026")).ResponseAsync,
            ["ChangeLegalCaseStage"] = own => cases.ChangeLegalCaseStageAsync(new ChangeLegalCaseStageRequest
            {
                CaseId = Case(own),
                LegalCaseId = world.Of(own).LegalCaseId,
                Stage = LegalCaseStage.Prosecution,
                Reason = "Matrix",
            }).ResponseAsync,
            ["GetLegalSituation"] = own => cases.GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = Case(own) }).ResponseAsync,
            ["GetCaseHistory"] = own => cases.GetCaseHistoryAsync(new GetLegalCaseHistoryRequest { CaseId = Case(own) }).ResponseAsync,
            ["RecordCooperationDecision"] = own => cooperation.RecordCooperationDecisionAsync(Cooperating(Case(own))).ResponseAsync,
            ["RequestWitnessProtection"] = own => protection.RequestWitnessProtectionAsync(new RequestWitnessProtectionRequest
            {
                CaseId = Case(own),
                LegalCaseId = world.Of(own).LegalCaseId,
                Measures = { ProtectionMeasure.ClosedHearing },
                Reason = "Matrix",
            }).ResponseAsync,
            ["GrantWitnessProtection"] = own => protection.GrantWitnessProtectionAsync(new GrantWitnessProtectionRequest
            {
                CaseId = Case(own),
                ProtectionId = world.Of(own).ProtectionId,
                Measures = { ProtectionMeasure.PoliceProtection },
                ReviewOn = world.Day(90),
                Reason = "Matrix",
            }).ResponseAsync,
            ["RefuseWitnessProtection"] = own => protection.RefuseWitnessProtectionAsync(new RefuseWitnessProtectionRequest
            {
                CaseId = Case(own),
                ProtectionId = world.Of(own).ProtectionId,
                Reason = "Matrix",
            }).ResponseAsync,
            ["ReviewWitnessProtection"] = own => protection.ReviewWitnessProtectionAsync(new ReviewWitnessProtectionRequest
            {
                CaseId = Case(own),
                ProtectionId = world.Of(own).ProtectionId,
                NextReviewOn = world.Day(120),
                Reason = "Matrix",
            }).ResponseAsync,
            ["ChangeWitnessProtectionMeasures"] = own => protection.ChangeWitnessProtectionMeasuresAsync(new ChangeWitnessProtectionMeasuresRequest
            {
                CaseId = Case(own),
                ProtectionId = world.Of(own).ProtectionId,
                Measures = { ProtectionMeasure.PoliceProtection },
                ReviewOn = world.Day(120),
                Reason = "Matrix",
            }).ResponseAsync,
            ["LiftWitnessProtection"] = own => protection.LiftWitnessProtectionAsync(new LiftWitnessProtectionRequest
            {
                CaseId = Case(own),
                ProtectionId = world.Of(own).ProtectionId,
                Reason = "Matrix",
            }).ResponseAsync,
            ["ListFamilyProtectionRequests"] = own => protection.ListFamilyProtectionRequestsAsync(new ListFamilyProtectionRequestsRequest { Country = Country(own) }).ResponseAsync,
            ["DecideFamilyProtection"] = own => protection.DecideFamilyProtectionAsync(new DecideFamilyProtectionRequest
            {
                RequestId = world.FamilyRequestIn[Country(own)],
                Grant = false,
                Reason = "Matrix",
            }).ResponseAsync,
            ["PlaceLegalHold"] = own => holds.PlaceLegalHoldAsync(new PlaceLegalHoldRequest
            {
                CaseId = Case(own),
                LegalCaseId = world.Of(own).LegalCaseId,
                ReviewOn = world.Day(180),
                Reason = "Matrix",
            }).ResponseAsync,
            ["ReleaseLegalHold"] = own => holds.ReleaseLegalHoldAsync(new ReleaseLegalHoldRequest { CaseId = Case(own), HoldId = world.Of(own).HoldId, Reason = "Matrix" }).ResponseAsync,
            ["ArrangeVideoLinkTestimony"] = own => holds.ArrangeVideoLinkTestimonyAsync(new ArrangeVideoLinkTestimonyRequest
            {
                CaseId = Case(own),
                LegalCaseId = world.Of(own).LegalCaseId,
                TestimonyOn = world.Day(30),
                Reason = "Matrix",
            }).ResponseAsync,
            ["AssignLegalAidLawyer"] = own => legalAid.AssignLegalAidLawyerAsync(LegalFilesInTwoCountries.Lawyer(Case(own), Country(own))).ResponseAsync,
            ["RecordResidencePermit"] = own => permits.RecordResidencePermitAsync(world.Permit(Case(own))).ResponseAsync,
            ["RenewResidencePermit"] = own => permits.RenewResidencePermitAsync(new RenewResidencePermitRequest
            {
                CaseId = Case(own),
                PermitId = world.Of(own).PermitId,
                RenewedOn = world.Day(0),
                ExpiresOn = world.Day(730),
            }).ResponseAsync,
            ["RecordResidencePermitRefusal"] = own => permits.RecordResidencePermitRefusalAsync(new RecordResidencePermitRefusalRequest
            {
                CaseId = Case(own),
                Type = PermitType.Cooperation,
                IssuingAuthority = "Questura di Torino",
                RefusedOn = world.Day(0),
                Reason = "Matrix",
            }).ResponseAsync,
            ["ListExpiringPermits"] = own => permits.ListExpiringPermitsAsync(new ListExpiringPermitsRequest { Country = Country(own), WithinDays = 30 }).ResponseAsync,
            ["ListPermitExpiryAlerts"] = own => permits.ListPermitExpiryAlertsAsync(new ListPermitExpiryAlertsRequest { Country = Country(own) }).ResponseAsync,
            ["FileCompensationClaim"] = own => compensation.FileCompensationClaimAsync(world.Claim(Case(own))).ResponseAsync,
            ["RecordCompensationDecision"] = own => compensation.RecordCompensationDecisionAsync(new RecordCompensationDecisionRequest
            {
                CaseId = Case(own),
                ClaimId = world.Of(own).ClaimId,
                Decision = CompensationDecision.Rejected,
                DecidedOn = world.Day(0),
                Reason = "Matrix",
            }).ResponseAsync,
            ["RecordCompensationPayment"] = own => compensation.RecordCompensationPaymentAsync(new RecordCompensationPaymentRequest
            {
                CaseId = Case(own),
                ClaimId = world.Of(own).ClaimId,
                Paid = new Money { AmountMinor = 1_000, Currency = "EUR" },
                ReceivedOn = world.Day(0),
            }).ResponseAsync,
            ["WhoViewedCase"] = own => audit.WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = Case(own) }).ResponseAsync,
            ["WhatDidUserView"] = own => audit.WhatDidUserViewAsync(new WhatDidUserViewRequest
            {
                UserId = DemoUsers.For(Roles.Prosecutor, Country(own)).Username,
            }).ResponseAsync,
            ["ListDataProtectionNotifications"] = own => audit.ListDataProtectionNotificationsAsync(new ListDataProtectionNotificationsRequest
            {
                Country = Country(own),
            }).ResponseAsync,
        };
    }
}
