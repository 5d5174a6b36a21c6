using Grpc.Core;
using TipReferral.Contracts.Repatriation.V1;
using ReturnGates = TipReferral.Repatriation.ReturnCases.ReturnGates;
using TipReferral.Testing;
using ReferralStatus = TipReferral.Contracts.Repatriation.V1.ReferralStatus;
using static TipReferral.Repatriation.Tests.ReturnCases.ReferralSteps;

namespace TipReferral.Repatriation.Tests.ReturnCases;

/// <summary>One adult's referral through the real gRPC API, from request to closure.</summary>
public sealed class ReferralFlowTests(RepatriationService service) : IClassFixture<RepatriationService>
{
    private static readonly DemoUser CaseWorker = RepatriationService.CaseWorkerInItaly;
    private static readonly DemoUser Agency = RepatriationService.AgencyInNigeria;

    [Fact]
    public async Task A_referral_goes_from_request_to_closure_once_every_gate_holds()
    {
        var caseId = await service.AVictimCaseAsync("IT");
        var agencyId = await service.AgencyIdOfAsync(Agency);
        await service.GiveConsentAsync(caseId, Agency);

        var referrals = service.ReferralsFor(CaseWorker);
        var requested = await referrals.RequestReferralAsync(RepatriationService.ReferralRequest(caseId, agencyId));

        var package = await service.ReferralsFor(Agency).GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId });
        package.Package.Identity.FamilyName.ShouldBe("Okoro");
        package.SignedByCountry.ShouldBe("IT");
        package.KeyId.ShouldBe(RepatriationService.KeyIdOf("IT"));

        var agencyReferrals = service.ReferralsFor(Agency);
        await agencyReferrals.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { CaseId = caseId, ContactPerson = "Hauwa Musa" });
        await agencyReferrals.AcceptReferralAsync(new AcceptReferralRequest { CaseId = caseId, Note = "Shelter place in Abuja." });

        var risks = service.ClientFor<RiskAssessments.RiskAssessmentsClient>(CaseWorker);
        await risks.ContributeRiskAssessmentAsync(Risk(caseId, RiskLevel.Medium));
        await service.ClientFor<RiskAssessments.RiskAssessmentsClient>(Agency).ContributeRiskAssessmentAsync(Risk(caseId, RiskLevel.Low));

        var travel = service.TravelFor(CaseWorker);
        await travel.RecordTravelDocumentAsync(TravelDocument(caseId));

        var refused = await Should.ThrowAsync<RpcException>(() => travel.ScheduleTravelAsync(Schedule(caseId)).ResponseAsync);
        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Status.Detail.ShouldContain(ReturnGates.ReflectionPeriod);

        await service.EndReflectionPeriodAsync(caseId);
        var readiness = await travel.GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = caseId });
        readiness.Ready.ShouldBeTrue(string.Join("; ", readiness.Gates.Select(g => $"{g.Name}={g.State} {g.Detail}")));
        readiness.Gates.Single(g => g.Name == ReturnGates.ReflectionPeriod).SetBy.Service.ShouldBe("shelter");

        await travel.ScheduleTravelAsync(Schedule(caseId));
        await travel.RecordDepartureAsync(new RecordDepartureRequest { CaseId = caseId });
        await service.TravelFor(Agency).ConfirmHandoverAsync(Handover(caseId, service.Clock.GetUtcNow()));

        await ReintegrateAndCloseAsync(service, caseId);

        var referral = await referrals.GetReferralAsync(new GetReferralRequest { CaseId = caseId });
        referral.Status.ShouldBe(ReferralStatus.Closed);
        referral.ReferralId.ShouldBe(requested.ReferralId);
    }
}
