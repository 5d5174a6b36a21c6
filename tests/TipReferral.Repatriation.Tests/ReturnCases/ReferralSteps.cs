using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Testing;

namespace TipReferral.Repatriation.Tests.ReturnCases;

/// <summary>
/// The requests and steps of an adult's referral that every walk through the API makes alike
/// (the flow and end-to-end tests, the workflow benchmark), each side as itself.
/// </summary>
public static class ReferralSteps
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
        await service.ClientFor<RiskAssessments.RiskAssessmentsClient>(CaseWorker).ContributeRiskAssessmentAsync(Risk(caseId, RiskLevel.Medium));
        await service.ClientFor<RiskAssessments.RiskAssessmentsClient>(Agency).ContributeRiskAssessmentAsync(Risk(caseId, RiskLevel.Low));
        await service.TravelFor(CaseWorker).RecordTravelDocumentAsync(TravelDocument(caseId));
    }

    /// <summary>From a referral just requested to its travel scheduled: accepted, risk assessed, a travel document, the reflection period ended.</summary>
    public static async Task AcceptAndScheduleTravelAsync(RepatriationService service, string caseId)
    {
        await AcknowledgeAndAcceptAsync(service, caseId);
        await AssessRiskAndRecordTravelDocumentAsync(service, caseId);
        await service.EndReflectionPeriodAsync(caseId);
        await service.TravelFor(CaseWorker).ScheduleTravelAsync(Schedule(caseId));
    }

    /// <summary>After the handover, the Nigerian agency's part on the service's own clock.</summary>
    public static Task ReintegrateAndCloseAsync(RepatriationService service, string caseId) =>
        ReintegrateAndCloseAsync(service.ClientFor<Reintegration.ReintegrationClient>(Agency), caseId, DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime));

    public static async Task<ReferralStatus> StatusOfAsync(RepatriationService service, string caseId) =>
        (await service.ReferralsFor(CaseWorker).GetReferralAsync(new GetReferralRequest { CaseId = caseId })).Status;

    /// <summary>The notices <paramref name="user"/> sees about <paramref name="caseId"/>.</summary>
    public static async Task<IReadOnlyList<Notice>> NoticesOfAsync(RepatriationService service, DemoUser user, string caseId)
    {
        var notices = await service.ReferralsFor(user).ListNoticesAsync(new ListNoticesRequest { Page = new() { PageSize = 100 } });
        return [.. notices.Notices.Where(n => n.CaseId == caseId)];
    }

    /// <summary>The receiving agency's part after handover: a plan, one visit made on <paramref name="today"/>, closure as reintegrated.</summary>
    public static async Task ReintegrateAndCloseAsync(Reintegration.ReintegrationClient reintegration, string caseId, DateOnly today)
    {
        await reintegration.RecordReintegrationPlanAsync(Plan(caseId));
        var visit = await reintegration.ScheduleFollowUpVisitAsync(new ScheduleFollowUpVisitRequest { CaseId = caseId, DueOn = DateOf(today) });
        await reintegration.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest { CaseId = caseId, VisitId = visit.VisitId, VisitedOn = DateOf(today), Notes = "Settled, attending." });
        await reintegration.CloseReturnCaseAsync(new CloseReturnCaseRequest { CaseId = caseId, Outcome = ReturnOutcome.Reintegrated, Reason = "Plan completed." });
    }

    public static ContributeRiskAssessmentRequest Risk(string caseId, RiskLevel level) => new()
    {
        CaseId = caseId,
        RiskToPersonAndFamily = level,
        RiskOfReTrafficking = level,
        Level = level,
        NeedsOnArrival = "Safe accommodation for the first weeks.",
        Reasons = "Recruiters still active in the area.",
    };

    public static ScheduleTravelRequest Schedule(string caseId) => new()
    {
        CaseId = caseId,
        TravelOn = Tomorrow(),
        Itinerary = "MXP–ABV via CMN",
    };

    public static RecordTravelDocumentRequest TravelDocument(string caseId) => new()
    {
        CaseId = caseId,
        Type = TravelDocumentType.EmergencyTravelCertificate,
        Number = "ETC-123",
        IssuedBy = "Consulate of Nigeria, Milan",
        ExpiresOn = new Google.Type.Date { Year = 2099, Month = 1, Day = 1 },
    };

    public static ConfirmHandoverRequest Handover(string caseId, DateTimeOffset at) => new()
    {
        CaseId = caseId,
        ReceivedBy = "Hauwa Musa",
        Place = "Nnamdi Azikiwe Airport, Abuja",
        HandedOverAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at),
    };

    public static RecordReintegrationPlanRequest Plan(string caseId)
    {
        var plan = new RecordReintegrationPlanRequest { CaseId = caseId };
        plan.Goals.Add(new ReintegrationGoal { Area = ReintegrationArea.EducationOrWork, Support = "Tailoring apprenticeship." });
        return plan;
    }

    public static Google.Type.Date DateOf(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    private static Google.Type.Date Tomorrow() => DateOf(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));
}
