using Grpc.Core;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Security;

public sealed class ReadAuditTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    private static readonly DemoUser Screener = DemoUsers.For(Roles.Screener, "NG");
    private static readonly DemoUser Supervisor = DemoUsers.For(Roles.Supervisor, "NG");
    private static readonly DemoUser ShelterStaff = DemoUsers.For(Roles.ShelterStaff, "NG");
    private static readonly DemoUser Officer = DemoUsers.For(Roles.DataProtectionOfficer, "NG");

    [Fact]
    public async Task Who_viewed_this_case_lists_exactly_the_reads_that_happened_with_who_when_and_why()
    {
        var familyName = $"Audit{Guid.NewGuid():N}"[..16];
        var registered = await service.ClientFor(Screener).RegisterPresumedVictimAsync(ARegistration(familyName: familyName));
        var caseId = new GetCaseRequest { CaseId = registered.CaseId };

        await service.ClientFor(Screener, purpose: "Arranging an interpreter").GetCaseAsync(caseId);
        await service.ClientFor(Supervisor, purpose: "Quality review").GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = registered.CaseId });
        var hits = await service.ClientFor(ShelterStaff, purpose: "Finding the person's file").SearchCasesAsync(new SearchCasesRequest { Name = $"Amina {familyName}" });
        hits.Cases.ShouldContain(hit => hit.CaseId == registered.CaseId);
        // Registration and a refused read are not reads of the person's data.
        await RpcAssert.Refused(StatusCode.PermissionDenied, () => service.ClientFor(DemoUsers.For(Roles.Administrator, "NG")).GetCaseAsync(caseId).ResponseAsync);

        var reads = await service.AuditClientFor(Officer).WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = registered.CaseId });

        reads.Records.Select(r => (r.Operation, r.Actor.UserId, r.Actor.Role, r.Actor.Agency, r.Actor.Country, r.Purpose)).ShouldBe(
        [
            ("GetCase", Screener.Username, Screener.Role, Screener.Agency, "NG", "Arranging an interpreter"),
            ("GetCaseHistory", Supervisor.Username, Supervisor.Role, Supervisor.Agency, "NG", "Quality review"),
            ("SearchCases", ShelterStaff.Username, ShelterStaff.Role, ShelterStaff.Agency, "NG", "Finding the person's file"),
        ]);
        reads.Records.ShouldAllBe(r => r.Outcome == AccessOutcome.Allowed && r.Service == "identification" && r.CaseId == registered.CaseId);
        reads.Records.Select(r => r.At.ToDateTimeOffset()).ShouldBeInOrder();
        reads.Page.TotalItems.ShouldBe(3);
    }

    [Fact]
    public async Task A_role_without_permission_is_refused_and_the_denial_is_in_the_audit()
    {
        var registered = await service.ClientFor(Screener).RegisterPresumedVictimAsync(ARegistration());
        var statistician = DemoUsers.For(Roles.Statistician, "NG");

        var refusal = await RpcAssert.Refused(StatusCode.PermissionDenied,
            () => service.ClientFor(statistician, purpose: "Curiosity").GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }).ResponseAsync);
        refusal.Status.Detail.ShouldContain("Statistician");

        var audit = service.AuditClientFor(Officer);
        var withDenials = await audit.WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = registered.CaseId, IncludeDenied = true });
        var denial = withDenials.Records.ShouldHaveSingleItem();
        (denial.Outcome, denial.Operation, denial.Actor.UserId, denial.Actor.Role, denial.Purpose, denial.DenialReason)
            .ShouldBe((AccessOutcome.Denied, "GetCase", statistician.Username, Roles.Statistician, "Curiosity", "role-not-permitted"));
        (await audit.WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = registered.CaseId })).Records.ShouldBeEmpty();

        var byUser = await audit.WhatDidUserViewAsync(new WhatDidUserViewRequest { UserId = statistician.Username, IncludeDenied = true });
        byUser.Records.ShouldContain(r => r.CaseId == registered.CaseId && r.Outcome == AccessOutcome.Denied);
    }

    [Fact]
    public async Task A_user_of_another_country_is_refused_the_case_and_the_attempt_is_recorded()
    {
        var registered = await service.ClientFor(Screener).RegisterPresumedVictimAsync(ARegistration());
        await service.ClientFor(Screener).GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId });
        var italian = DemoUsers.For(Roles.Supervisor, "IT");

        await RpcAssert.Refused(StatusCode.PermissionDenied, () => service.ClientFor(italian).GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }).ResponseAsync);
        await RpcAssert.Refused(StatusCode.PermissionDenied, () => service.ClientFor(italian).SearchCasesAsync(new SearchCasesRequest { Country = "NG" }).ResponseAsync);
        (await service.ClientFor(italian).SearchCasesAsync(new SearchCasesRequest { Name = "Amina Bello" })).Cases.ShouldAllBe(hit => hit.Country == "IT");

        var records = await service.AuditClientFor(Officer).WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = registered.CaseId, IncludeDenied = true });
        var denial = records.Records.Where(r => r.Outcome == AccessOutcome.Denied).ShouldHaveSingleItem();
        (denial.Actor.UserId, denial.Actor.Country, denial.DenialReason).ShouldBe((italian.Username, "IT", "other-country"));
        // Nigeria's officer answers for Nigerian cases, not for what an Italian user did elsewhere.
        await RpcAssert.Refused(StatusCode.PermissionDenied,
            () => service.AuditClientFor(Officer).WhatDidUserViewAsync(new WhatDidUserViewRequest { UserId = italian.Username, IncludeDenied = true }).ResponseAsync);
    }

    [Fact]
    public async Task Reading_personal_data_without_a_stated_purpose_is_refused_naming_the_header()
    {
        var registered = await service.ClientFor(Screener).RegisterPresumedVictimAsync(ARegistration());

        var refusal = await RpcAssert.Refused(StatusCode.InvalidArgument,
            () => service.ClientFor(Screener, purpose: null).GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId }).ResponseAsync);

        refusal.Status.Detail.ShouldContain("x-purpose");
    }
}
