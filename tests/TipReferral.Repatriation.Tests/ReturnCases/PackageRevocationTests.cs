using Grpc.Core;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Testing;
using static TipReferral.Repatriation.Tests.ReturnCases.ReferralSteps;
using ReferralsService = TipReferral.Repatriation.ReturnCases.ReferralsService;

namespace TipReferral.Repatriation.Tests.ReturnCases;

/// <summary>Consent withdrawn after departure: the return goes on, the receiving agency no longer holds the package.</summary>
public sealed class PackageRevocationTests(RepatriationService service) : IClassFixture<RepatriationService>
{
    private static readonly DemoUser CaseWorker = RepatriationService.CaseWorkerInItaly;
    private static readonly DemoUser Agency = RepatriationService.AgencyInNigeria;

    [Fact]
    public async Task Consent_withdrawn_after_departure_revokes_the_agencys_package_and_the_handover_still_goes_ahead()
    {
        var caseId = await service.AVictimCaseAsync("IT");
        var consentId = await service.GiveConsentAsync(caseId, Agency);
        await service.ReferralsFor(CaseWorker).RequestReferralAsync(RepatriationService.ReferralRequest(caseId, await service.AgencyIdOfAsync(Agency)));
        await AcceptAndScheduleTravelAsync(service, caseId);
        await service.TravelFor(CaseWorker).RecordDepartureAsync(new RecordDepartureRequest { CaseId = caseId });
        var agency = service.ReferralsFor(Agency);
        (await agency.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId })).Package.Identity.FamilyName.ShouldBe("Okoro");

        await service.WithdrawConsentAsync(caseId, consentId, Agency);

        var denied = await Should.ThrowAsync<RpcException>(() => agency.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId }).ResponseAsync);
        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        Refusals.RuleOf(denied).ShouldBe(ReferralsService.PackageWithdrawnRule);
        denied.Status.Detail.ShouldNotContain("Okoro");
        (await StatusOfAsync(service, caseId)).ShouldBe(ReferralStatus.Departed);
        (await NoticesOfAsync(service, Agency, caseId)).ShouldContain(n => n.Kind == NoticeKind.PackageRevoked);
        (await NoticesOfAsync(service, CaseWorker, caseId)).ShouldContain(n => n.Kind == NoticeKind.PackageRevoked);

        await service.TravelFor(Agency).ConfirmHandoverAsync(Handover(caseId, service.Clock.GetUtcNow()));
        (await StatusOfAsync(service, caseId)).ShouldBe(ReferralStatus.HandedOver);
    }
}
