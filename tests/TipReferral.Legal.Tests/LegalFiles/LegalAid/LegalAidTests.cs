using Grpc.Core;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.Testing;

namespace TipReferral.Legal.Tests.LegalFiles.LegalAid;

public sealed class LegalAidTests(LegalService service) : IClassFixture<LegalService>
{
    private static readonly DemoUser Lawyer = DemoUsers.For(Roles.LegalAidLawyer, "IT");

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private Contracts.Legal.V1.ResidencePermits.ResidencePermitsClient PermitsFor(DemoUser user) => service.ClientFor<Contracts.Legal.V1.ResidencePermits.ResidencePermitsClient>(user);

    private static RecordResidencePermitRequest Permit(string caseId, string number, int daysLeft) => new()
    {
        CaseId = caseId,
        Type = PermitType.Humanitarian,
        IssuingAuthority = "Questura di Torino",
        PermitNumber = number,
        IssuedOn = Today.AddDays(-100).ToProto(),
        ExpiresOn = Today.AddDays(daysLeft).ToProto(),
    };

    [Fact]
    public async Task A_case_worker_assigns_a_lawyer_who_then_reads_the_situation_and_acts_for_the_person()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();
        var denied = await Should.ThrowAsync<RpcException>(() => PermitsFor(Lawyer).RecordResidencePermitAsync(Permit(caseId, "TO1", 200)).ResponseAsync);
        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var prosecutor = await Should.ThrowAsync<RpcException>(() => service.ClientFor<Contracts.Legal.V1.LegalAid.LegalAidClient>(LegalService.ProsecutorInItaly)
            .AssignLegalAidLawyerAsync(new AssignLegalAidLawyerRequest { CaseId = caseId, LawyerUserId = Lawyer.Username, LawyerName = "Elena Greco", BarOrAgency = "ASGI" })
            .ResponseAsync);
        prosecutor.StatusCode.ShouldBe(StatusCode.PermissionDenied);

        await service.ClientFor<Contracts.Legal.V1.LegalAid.LegalAidClient>(DemoUsers.For(Roles.CaseWorker, "IT")).AssignLegalAidLawyerAsync(new AssignLegalAidLawyerRequest
        {
            CaseId = caseId,
            LawyerUserId = Lawyer.Username,
            LawyerName = "Elena Greco",
            BarOrAgency = "ASGI",
            LegalCaseId = legalCaseId,
        });

        await PermitsFor(Lawyer).RecordResidencePermitAsync(Permit(caseId, "TO1", 200));
        var claim = await service.ClientFor<Contracts.Legal.V1.Compensation.CompensationClient>(Lawyer).FileCompensationClaimAsync(new FileCompensationClaimRequest
        {
            CaseId = caseId,
            Source = CompensationSource.StateFund,
            Claimed = new Money { AmountMinor = 1_500_000, Currency = "EUR" },
            FiledOn = Today.ToProto(),
        });
        var situation = await service.LegalCasesFor(Lawyer).GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = caseId });
        situation.LegalAid.ShouldHaveSingleItem().LawyerUserId.ShouldBe(Lawyer.Username);
        situation.Permits.ShouldHaveSingleItem().PermitNumber.ShouldBe("TO1");
        situation.CompensationClaims.ShouldHaveSingleItem().ClaimId.ShouldBe(claim.ClaimId);
    }

    [Fact]
    public async Task Expiring_permits_of_a_country_are_listed_soonest_first_within_the_days_asked()
    {
        var caseId = await service.AVictimCaseAsync();
        var caseWorker = DemoUsers.For(Roles.CaseWorker, "IT");
        var late = await PermitsFor(caseWorker).RecordResidencePermitAsync(Permit(caseId, "TO-LATE", 100));
        var soon = await PermitsFor(caseWorker).RecordResidencePermitAsync(Permit(caseId, "TO-SOON", 10));

        var within30 = await PermitsFor(caseWorker).ListExpiringPermitsAsync(new ListExpiringPermitsRequest { Country = "IT", WithinDays = 30, Page = new() { PageSize = 100 } });
        var within366 = await PermitsFor(caseWorker).ListExpiringPermitsAsync(new ListExpiringPermitsRequest { Country = "IT", WithinDays = 366, Page = new() { PageSize = 100 } });

        within30.Permits.Where(p => p.CaseId == caseId).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.PermitId.ShouldBe(soon.PermitId), p => p.DaysLeft.ShouldBe(10));
        within366.Permits.Where(p => p.CaseId == caseId).Select(p => p.PermitId).ShouldBe([soon.PermitId, late.PermitId]);
        within366.Permits.Select(p => p.ExpiresOn.ToDateTime()).ShouldBeInOrder();
        var abroad = await Should.ThrowAsync<RpcException>(() => PermitsFor(DemoUsers.For(Roles.CaseWorker, "NG"))
            .ListExpiringPermitsAsync(new ListExpiringPermitsRequest { Country = "IT", WithinDays = 30 }).ResponseAsync);
        abroad.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }
}
