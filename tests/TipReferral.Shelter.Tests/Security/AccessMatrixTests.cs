using TipReferral.ServiceDefaults.Grpc;
using Grpc.Core;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using AccessDeniedException = TipReferral.ServiceDefaults.Access.AccessDeniedException;
using TipReferral.Testing;

namespace TipReferral.Shelter.Tests.Security;

/// <summary>A shelter and a case awaiting placement in Nigeria and in Italy, that every cell of the matrix is tried against.</summary>
public sealed class SheltersInTwoCountries : ShelterService
{
    /// <summary>The callers' own country (they all are Nigerian users) and the one out of their reach.</summary>
    public const string Own = "NG", Other = "IT";

    public string NigerianShelter { get; private set; } = "";

    public string ItalianShelter { get; private set; } = "";

    public string NigerianCase { get; private set; } = "";

    public string ItalianCase { get; private set; } = "";

    public static DemoUser ItalianStaff => DemoUsers.For(Roles.ShelterStaff, Other);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        NigerianShelter = await RegisterShelterAsync(capacity: 10, Own, agency: "NAPTIP Shelter Lagos");
        ItalianShelter = await RegisterShelterAsync(capacity: 10, Other, agency: "Associazione Tampep Onlus");
        NigerianCase = await ACaseAwaitingPlacementAsync(Own);
        ItalianCase = await ACaseAwaitingPlacementAsync(Other);
        // The Italian case has been read in Italy, so the read audit knows which country it belongs to.
        await CasesFor(ItalianStaff).GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = ItalianCase });
    }
}

/// <summary>
/// Every RPC × every role × own/other country, called on a real server with real tokens from
/// the development identity provider, must be allowed or denied exactly as the declared policy
/// (and so docs/access-matrix/shelter.md) says.
/// </summary>
public sealed class AccessMatrixTests(SheltersInTwoCountries world) : IClassFixture<SheltersInTwoCountries>
{
    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_rpc_allows_or_denies_the_role_as_its_policy_declares(string role)
    {
        var user = DemoUsers.For(role, SheltersInTwoCountries.Own);

        var mismatches = await AccessMatrix.MismatchesAsync(
            role, AccessMatrixDocumentTests.Services, Calls(world.SheltersFor(user), world.CasesFor(user), world.AuditClientFor(user)));

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public async Task Shelter_staff_of_Italy_reach_no_Nigerian_case_and_see_no_Nigerian_shelter()
    {
        var cases = world.CasesFor(SheltersInTwoCountries.ItalianStaff);
        var shelters = world.SheltersFor(SheltersInTwoCountries.ItalianStaff);
        var nigerian = world.NigerianCase;

        (await AccessMatrix.StatusOfAsync(() => cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = nigerian }).ResponseAsync))
            .ShouldBe(StatusCode.PermissionDenied);
        (await AccessMatrix.StatusOfAsync(() => cases.GetPlacementHistoryAsync(new GetPlacementHistoryRequest { CaseId = nigerian }).ResponseAsync))
            .ShouldBe(StatusCode.PermissionDenied);
        (await AccessMatrix.StatusOfAsync(() => cases.GetCaseHistoryAsync(new GetShelterCaseHistoryRequest { CaseId = nigerian }).ResponseAsync))
            .ShouldBe(StatusCode.PermissionDenied);
        (await AccessMatrix.StatusOfAsync(() => shelters.GetOccupancyAsync(new GetOccupancyRequest { Country = SheltersInTwoCountries.Own }).ResponseAsync))
            .ShouldBe(StatusCode.PermissionDenied);
        (await AccessMatrix.StatusOfAsync(() => shelters.FindSuitableSheltersAsync(Suitable(SheltersInTwoCountries.Own)).ResponseAsync))
            .ShouldBe(StatusCode.PermissionDenied);

        var occupancy = await shelters.GetOccupancyAsync(new GetOccupancyRequest { Country = SheltersInTwoCountries.Other });
        occupancy.Shelters.ShouldContain(s => s.ShelterId == world.ItalianShelter);
        occupancy.Shelters.ShouldAllBe(s => s.Country == SheltersInTwoCountries.Other && s.ShelterId != world.NigerianShelter);
        var suitable = await shelters.FindSuitableSheltersAsync(Suitable(SheltersInTwoCountries.Other));
        suitable.Shelters.ShouldAllBe(s => s.Country == SheltersInTwoCountries.Other && s.ShelterId != world.NigerianShelter);

        // Each refusal is in the read audit, where Italy's data protection officer sees what the staff member tried.
        var tried = await world.AuditClientFor(DemoUsers.For(Roles.DataProtectionOfficer, SheltersInTwoCountries.Other))
            .WhatDidUserViewAsync(new WhatDidUserViewRequest { UserId = SheltersInTwoCountries.ItalianStaff.Username, IncludeDenied = true });
        var refused = tried.Records.Where(r => r.CaseId == nigerian).ToList();
        refused.ShouldAllBe(r => r.Outcome == AccessOutcome.Denied && r.DenialReason == AccessDeniedException.OtherCountryRule);
        refused.Select(r => r.Operation).ShouldBe(["GetShelterCase", "GetPlacementHistory", "GetCaseHistory"], ignoreOrder: true);
    }

    /// <summary>A stale version on a case or shelter out of reach is refused as out of reach: its version is not told.</summary>
    [Fact]
    public async Task A_stale_expected_version_on_another_countrys_case_or_shelter_is_refused_as_out_of_reach()
    {
        var supervisor = DemoUsers.For(Roles.Supervisor, SheltersInTwoCountries.Own);
        var today = world.Clock.GetUtcNow();

        (await AccessMatrix.StatusOfAsync(() => world.CasesFor(supervisor).RecordNeedsAssessmentAsync(new RecordNeedsAssessmentRequest
        {
            CaseId = world.ItalianCase,
            ExpectedVersion = 999,
            AssessedOn = DateOnly.FromDateTime(today.UtcDateTime).ToProto(),
            Needs = { NeedArea.Safety },
            Notes = "Probe",
        }).ResponseAsync)).ShouldBe(StatusCode.PermissionDenied);
        (await AccessMatrix.StatusOfAsync(() => world.SheltersFor(supervisor).ChangeShelterCapacityAsync(new ChangeShelterCapacityRequest
        {
            ShelterId = world.ItalianShelter,
            ExpectedVersion = 999,
            Capacity = 5,
            Reason = "Probe",
        }).ResponseAsync)).ShouldBe(StatusCode.PermissionDenied);
    }

    private static FindSuitableSheltersRequest Suitable(string country) => new() { Country = country, Group = ResidentGroup.Women };

    private Dictionary<string, Func<bool, Task>> Calls(
        Contracts.Shelter.V1.Shelters.SheltersClient shelters, Contracts.Shelter.V1.ShelterCases.ShelterCasesClient cases, ReadAudit.ReadAuditClient audit)
    {
        string Country(bool own) => own ? SheltersInTwoCountries.Own : SheltersInTwoCountries.Other;
        string Shelter(bool own) => own ? world.NigerianShelter : world.ItalianShelter;
        string Case(bool own) => own ? world.NigerianCase : world.ItalianCase;
        var today = world.Clock.GetUtcNow();
        Google.Type.Date Day(int offset) => new() { Year = today.AddDays(offset).Year, Month = today.AddDays(offset).Month, Day = today.AddDays(offset).Day };
        return new()
        {
            ["RegisterShelter"] = own => shelters.RegisterShelterAsync(new RegisterShelterRequest
            {
                Name = "Matrix shelter",
                Country = Country(own),
                Agency = "Matrix agency",
                Area = "Matrix area",
                Capacity = 3,
                Accepts = { ResidentGroup.Women },
            }).ResponseAsync,
            ["ChangeShelterCapacity"] = own => shelters.ChangeShelterCapacityAsync(new ChangeShelterCapacityRequest
            {
                ShelterId = Shelter(own),
                Capacity = 20,
                Reason = "Matrix",
            }).ResponseAsync,
            ["CloseShelter"] = own => shelters.CloseShelterAsync(new CloseShelterRequest { ShelterId = Shelter(own), Reason = "Matrix" }).ResponseAsync,
            ["ReopenShelter"] = own => shelters.ReopenShelterAsync(new ReopenShelterRequest { ShelterId = Shelter(own), Reason = "Matrix" }).ResponseAsync,
            ["GetOccupancy"] = own => shelters.GetOccupancyAsync(new GetOccupancyRequest { Country = Country(own) }).ResponseAsync,
            ["FindSuitableShelters"] = own => shelters.FindSuitableSheltersAsync(Suitable(Country(own))).ResponseAsync,
            ["ListAwaitingPlacement"] = own => cases.ListAwaitingPlacementAsync(new ListAwaitingPlacementRequest { Country = Country(own) }).ResponseAsync,
            ["ReferToShelter"] = own => cases.ReferToShelterAsync(new ReferToShelterRequest
            {
                CaseId = Case(own),
                ShelterId = Shelter(own),
                Reason = "Matrix",
            }).ResponseAsync,
            ["AdmitToShelter"] = own => cases.AdmitToShelterAsync(new AdmitToShelterRequest
            {
                CaseId = Case(own),
                ShelterId = Shelter(own),
                Group = ResidentGroup.Women,
            }).ResponseAsync,
            ["TransferToShelter"] = own => cases.TransferToShelterAsync(new TransferToShelterRequest
            {
                CaseId = Case(own),
                ToShelterId = Shelter(own),
                Reason = "Matrix",
            }).ResponseAsync,
            ["DischargeFromShelter"] = own => cases.DischargeFromShelterAsync(new DischargeFromShelterRequest
            {
                CaseId = Case(own),
                DischargeReason = DischargeReason.IndependentLiving,
            }).ResponseAsync,
            ["RecordNeedsAssessment"] = own => cases.RecordNeedsAssessmentAsync(new RecordNeedsAssessmentRequest
            {
                CaseId = Case(own),
                AssessedOn = Day(0),
                Needs = { NeedArea.Safety },
                Notes = "Matrix",
            }).ResponseAsync,
            ["RecordSafetyPlan"] = own => cases.RecordSafetyPlanAsync(new RecordSafetyPlanRequest
            {
                CaseId = Case(own),
                AgreedOn = Day(0),
                ReviewBy = Day(30),
                Measures = "Matrix",
            }).ResponseAsync,
            ["RecordServiceDelivered"] = own => cases.RecordServiceDeliveredAsync(new RecordServiceDeliveredRequest
            {
                CaseId = Case(own),
                Kind = ServiceKind.Medical,
                DeliveredOn = Day(0),
                Provider = "Matrix clinic",
            }).ResponseAsync,
            ["ExtendReflectionPeriod"] = own => cases.ExtendReflectionPeriodAsync(new ExtendReflectionPeriodRequest
            {
                CaseId = Case(own),
                AdditionalDays = 10,
                Reason = "Matrix",
            }).ResponseAsync,
            ["EndReflectionPeriodEarly"] = own => cases.EndReflectionPeriodEarlyAsync(new EndReflectionPeriodEarlyRequest
            {
                CaseId = Case(own),
                RequestedByPerson = true,
                RequestedOn = Day(0),
                RequestStatement = "Matrix",
            }).ResponseAsync,
            ["GetShelterCase"] = own => cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = Case(own) }).ResponseAsync,
            ["GetPlacementHistory"] = own => cases.GetPlacementHistoryAsync(new GetPlacementHistoryRequest { CaseId = Case(own) }).ResponseAsync,
            ["GetCaseHistory"] = own => cases.GetCaseHistoryAsync(new GetShelterCaseHistoryRequest { CaseId = Case(own) }).ResponseAsync,
            ["WhoViewedCase"] = own => audit.WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = Case(own) }).ResponseAsync,
            ["WhatDidUserView"] = own => audit.WhatDidUserViewAsync(new WhatDidUserViewRequest
            {
                UserId = DemoUsers.For(Roles.ShelterStaff, Country(own)).Username,
            }).ResponseAsync,
            ["ListDataProtectionNotifications"] = own => audit.ListDataProtectionNotificationsAsync(new ListDataProtectionNotificationsRequest
            {
                Country = Country(own),
            }).ResponseAsync,
        };
    }
}
