using Grpc.Core;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.Testing;
using AccessDeniedException = TipReferral.ServiceDefaults.Access.AccessDeniedException;

namespace TipReferral.Shelter.Tests.Security;

/// <summary>
/// The separation of proceedings from care, seen from the shelter: those who work on the
/// proceedings read nothing of the person's life in care (shelter notes, needs assessments,
/// services), and each attempt is in the shelter service's read audit.
/// </summary>
public sealed class LegalRolesReadNoShelterNotesTests(ShelterService world) : IClassFixture<ShelterService>
{
    private const string Country = "NG";

    public static TheoryData<string> LegalRoles => [Roles.Prosecutor, Roles.LegalAidLawyer];

    [Theory]
    [MemberData(nameof(LegalRoles))]
    public async Task A_legal_role_is_refused_the_shelter_case_and_its_history_and_the_attempts_are_audited(string role)
    {
        var caseId = await ACaseWithNotesAsync();
        var user = DemoUsers.For(role, Country);
        var cases = world.CasesFor(user);

        (await AccessMatrix.StatusOfAsync(() => cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId }).ResponseAsync))
            .ShouldBe(StatusCode.PermissionDenied);
        (await AccessMatrix.StatusOfAsync(() => cases.GetCaseHistoryAsync(new GetShelterCaseHistoryRequest { CaseId = caseId }).ResponseAsync))
            .ShouldBe(StatusCode.PermissionDenied);

        var tried = await world.AuditClientFor(DemoUsers.For(Roles.DataProtectionOfficer, Country))
            .WhatDidUserViewAsync(new WhatDidUserViewRequest { UserId = user.Username, IncludeDenied = true });
        var refused = tried.Records.Where(r => r.CaseId == caseId).ToList();
        refused.ShouldAllBe(r => r.Outcome == AccessOutcome.Denied && r.DenialReason == AccessDeniedException.RoleNotPermittedRule);
        refused.Select(r => r.Operation).ShouldBe(["GetShelterCase", "GetCaseHistory"], ignoreOrder: true);
    }

    /// <summary>A case whose file holds what only care may read: a needs assessment with its notes, and a service delivered.</summary>
    private async Task<string> ACaseWithNotesAsync()
    {
        var caseId = await world.ACaseAwaitingPlacementAsync(Country);
        var supervisor = world.CasesFor(ShelterService.SupervisorInNigeria);
        var today = DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime).ToProto();
        await supervisor.RecordNeedsAssessmentAsync(new RecordNeedsAssessmentRequest
        {
            CaseId = caseId,
            AssessedOn = today,
            Needs = { NeedArea.Safety, NeedArea.Medical },
            Notes = "Nightmares since the journey; asks for a female doctor",
        });
        await supervisor.RecordServiceDeliveredAsync(new RecordServiceDeliveredRequest
        {
            CaseId = caseId,
            Kind = ServiceKind.Medical,
            DeliveredOn = today,
            Provider = "Lagos clinic",
        });
        var history = await supervisor.GetCaseHistoryAsync(new GetShelterCaseHistoryRequest { CaseId = caseId });
        history.Entries.ShouldNotBeEmpty();
        return caseId;
    }
}
