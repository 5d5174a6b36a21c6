using System.Diagnostics;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Repatriation.Tests;
using TipReferral.Repatriation.Tests.ReturnCases;
using TipReferral.Testing;

namespace TipReferral.Benchmarks;

/// <summary>
/// One adult's referral through the real gRPC API, from request to closure: thirteen calls by
/// both sides, each a decision on the case's stream (most with a signed document). The facts
/// other services own (case, consent, end of the reflection period) are published beforehand,
/// so the timing holds no waiting on the broker.
/// </summary>
public static class ReferralWorkflowBenchmark
{
    private const int Warmup = 3;
    private const int Runs = 20;

    private static readonly DemoUser CaseWorker = RepatriationService.CaseWorkerInItaly;
    private static readonly DemoUser Agency = RepatriationService.AgencyInNigeria;

    public static async Task RunAsync()
    {
        await using var service = new RepatriationService();
        await service.InitializeAsync();
        var agencyId = await service.AgencyIdOfAsync(Agency);

        for (var i = 0; i < Warmup; i++)
        {
            await RunOnceAsync(service, await ACaseReadyToReferAsync(service), agencyId);
        }

        var latencies = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var caseId = await ACaseReadyToReferAsync(service);
            var started = Stopwatch.GetTimestamp();
            await RunOnceAsync(service, caseId, agencyId);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Latencies.Print("[repatriation] referral workflow, request to closure", latencies, unit: "runs");
    }

    private static async Task<string> ACaseReadyToReferAsync(RepatriationService service)
    {
        var caseId = await service.AVictimCaseAsync("IT");
        await service.GiveConsentAsync(caseId, Agency);
        await service.EndReflectionPeriodAsync(caseId);
        return caseId;
    }

    private static async Task RunOnceAsync(RepatriationService service, string caseId, string agencyId)
    {
        var agency = service.ReferralsFor(Agency);
        await service.ReferralsFor(CaseWorker).RequestReferralAsync(RepatriationService.ReferralRequest(caseId, agencyId));
        await agency.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { CaseId = caseId, ContactPerson = "Hauwa Musa" });
        await agency.AcceptReferralAsync(new AcceptReferralRequest { CaseId = caseId, Note = "Shelter place in Abuja." });

        await service.ClientFor<RiskAssessments.RiskAssessmentsClient>(CaseWorker).ContributeRiskAssessmentAsync(ReferralSteps.Risk(caseId, RiskLevel.Medium));
        await service.ClientFor<RiskAssessments.RiskAssessmentsClient>(Agency).ContributeRiskAssessmentAsync(ReferralSteps.Risk(caseId, RiskLevel.Low));

        var travel = service.TravelFor(CaseWorker);
        await travel.RecordTravelDocumentAsync(ReferralSteps.TravelDocument(caseId));
        await travel.ScheduleTravelAsync(ReferralSteps.Schedule(caseId));
        await travel.RecordDepartureAsync(new RecordDepartureRequest { CaseId = caseId });
        await service.TravelFor(Agency).ConfirmHandoverAsync(ReferralSteps.Handover(caseId, service.Clock.GetUtcNow()));

        await ReferralSteps.ReintegrateAndCloseAsync(
            service.ClientFor<Reintegration.ReintegrationClient>(Agency), caseId, DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime));
    }
}
