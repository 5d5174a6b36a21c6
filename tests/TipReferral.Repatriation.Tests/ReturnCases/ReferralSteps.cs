using TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Repatriation.Tests.ReturnCases;

/// <summary>The requests of an adult's referral that every walk through the API makes alike (the flow test, the workflow benchmark).</summary>
public static class ReferralSteps
{
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
