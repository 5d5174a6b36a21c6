using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Repatriation.Tests.ReturnCases;
using TipReferral.Testing;

namespace TipReferral.Repatriation.Tests;

/// <summary>The steps of a referral that tests take on the way to what each is about, each side as itself.</summary>
internal static class ReferralSteps
{
    private static DemoUser CaseWorker => RepatriationService.CaseWorkerInItaly;

    private static DemoUser Agency => RepatriationService.AgencyInNigeria;

    /// <summary>The Nigerian agency acknowledges, naming its contact person, and accepts.</summary>
    public static async Task AcknowledgeAndAcceptAsync(RepatriationService service, string caseId)
    {
        var agency = service.ReferralsFor(Agency);
        await agency.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { CaseId = caseId, ContactPerson = "Hauwa Musa" });
        await agency.AcceptReferralAsync(new AcceptReferralRequest { CaseId = caseId, Note = "Shelter place in Abuja." });
    }

    /// <summary>Both sides assess the risk (neither finds it unacceptable) and the Italian side records a travel document.</summary>
    public static async Task AssessRiskAndRecordTravelDocumentAsync(RepatriationService service, string caseId)
    {
        await service.ClientFor<RiskAssessments.RiskAssessmentsClient>(CaseWorker).ContributeRiskAssessmentAsync(ReferralFlowTests.Risk(caseId, RiskLevel.Medium));
        await service.ClientFor<RiskAssessments.RiskAssessmentsClient>(Agency).ContributeRiskAssessmentAsync(ReferralFlowTests.Risk(caseId, RiskLevel.Low));
        await service.TravelFor(CaseWorker).RecordTravelDocumentAsync(new RecordTravelDocumentRequest
        {
            CaseId = caseId,
            Type = TravelDocumentType.EmergencyTravelCertificate,
            Number = "ETC-123",
            IssuedBy = "Consulate of Nigeria, Milan",
            ExpiresOn = new Google.Type.Date { Year = 2099, Month = 1, Day = 1 },
        });
    }

    /// <summary>After the handover: the Nigerian agency records a reintegration plan and one follow-up visit, then closes the case as reintegrated.</summary>
    public static async Task ReintegrateAndCloseAsync(RepatriationService service, string caseId)
    {
        var reintegration = service.ClientFor<Reintegration.ReintegrationClient>(Agency);
        var plan = new RecordReintegrationPlanRequest { CaseId = caseId };
        plan.Goals.Add(new ReintegrationGoal { Area = ReintegrationArea.EducationOrWork, Support = "Tailoring apprenticeship." });
        plan.Goals.Add(new ReintegrationGoal { Area = ReintegrationArea.Psychosocial, Support = "Counselling twice a month." });
        await reintegration.RecordReintegrationPlanAsync(plan);
        var today = DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime);
        var visit = await reintegration.ScheduleFollowUpVisitAsync(new ScheduleFollowUpVisitRequest
        {
            CaseId = caseId,
            DueOn = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day },
        });
        await reintegration.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest
        {
            CaseId = caseId,
            VisitId = visit.VisitId,
            VisitedOn = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day },
            Notes = "Settled, attending.",
        });
        await reintegration.CloseReturnCaseAsync(new CloseReturnCaseRequest { CaseId = caseId, Outcome = ReturnOutcome.Reintegrated, Reason = "Plan completed." });
    }

    public static async Task<ReferralStatus> StatusOfAsync(RepatriationService service, string caseId) =>
        (await service.ReferralsFor(CaseWorker).GetReferralAsync(new GetReferralRequest { CaseId = caseId })).Status;

    /// <summary>The notices <paramref name="user"/> sees about <paramref name="caseId"/>.</summary>
    public static async Task<IReadOnlyList<Notice>> NoticesOfAsync(RepatriationService service, DemoUser user, string caseId)
    {
        var notices = await service.ReferralsFor(user).ListNoticesAsync(new ListNoticesRequest { Page = new() { PageSize = 100 } });
        return [.. notices.Notices.Where(n => n.CaseId == caseId)];
    }
}
