using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Repatriation.Tests.ReturnCases;
using TipReferral.Testing;

namespace TipReferral.Repatriation.Tests.EndToEnd;

/// <summary>The steps of a referral the end-to-end tests take on the way to what each is about, each side as itself.</summary>
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

    public static async Task<ReferralStatus> StatusOfAsync(RepatriationService service, string caseId) =>
        (await service.ReferralsFor(CaseWorker).GetReferralAsync(new GetReferralRequest { CaseId = caseId })).Status;

    /// <summary>The notices <paramref name="user"/> sees about <paramref name="caseId"/>.</summary>
    public static async Task<IReadOnlyList<Notice>> NoticesOfAsync(RepatriationService service, DemoUser user, string caseId)
    {
        var notices = await service.ReferralsFor(user).ListNoticesAsync(new ListNoticesRequest { Page = new() { PageSize = 100 } });
        return [.. notices.Notices.Where(n => n.CaseId == caseId)];
    }
}
