using TipReferral.Domain;

namespace TipReferral.Repatriation.ReturnCases;

public enum GateState
{
    Met,
    NotMet,
    NotApplicable,
}

public sealed record GateResult(string Gate, GateState State, string Detail);

/// <summary>
/// The hard gates before travel (DOMAIN.md, phase 4), each judged on its own from the return
/// case: nobody travels unless every one that applies is met.
/// </summary>
public static class ReturnGates
{
    public const string Consent = "consent-for-cross-border-referral";
    public const string ReturnDecision = "return-decision-current";
    public const string Accepted = "receiving-agency-accepted";
    public const string Risk = "risk-not-unacceptable";
    public const string ChildBestInterests = "child-best-interests";
    public const string ChildCareOnArrival = "child-care-on-arrival";
    public const string ChildEscort = "child-escort";
    public const string ReflectionPeriod = "reflection-period-ended";
    public const string NoLegalHold = "no-active-legal-hold";
    public const string TravelDocument = "travel-document-valid";

    public const string GatesNotMetRule = "return-gates-not-met";

    public static readonly IReadOnlyList<string> All =
        [Consent, ReturnDecision, Accepted, Risk, ChildBestInterests, ChildCareOnArrival, ChildEscort, ReflectionPeriod, NoLegalHold, TravelDocument];

    /// <summary>
    /// Every gate's state for travel on <paramref name="travelOn"/>. <paramref name="consent"/> is
    /// the valid consent the identification service holds for the referral's recipient (null: none);
    /// <paramref name="checkConsent"/> false leaves the consent gate out (a decision that does not
    /// read the consent ledger: its withdrawal stops the referral on its own).
    /// </summary>
    public static IReadOnlyList<GateResult> Evaluate(ReturnCase state, DateOnly travelOn, bool escorted, Consent? consent, bool checkConsent = true)
    {
        var referral = state.ActiveReferral;
        var child = state.IsChild;
        var results = new List<GateResult>
        {
            checkConsent
                ? consent is not null
                    ? Met(Consent, $"Consent given by the {consent.GivenBy.ToString().ToLowerInvariant()} on {consent.GivenAt:yyyy-MM-dd}{(consent.ExpiresAt is { } expires ? $", valid until {expires:yyyy-MM-dd}" : "")}.")
                    : NotMet(Consent, referral is null ? "No referral names a recipient." : $"No valid consent for cross-border referral to {referral.ReceivingAgency} ({referral.ReceivingCountry}).")
                : Met(Consent, "Not re-read here: a withdrawal stops the referral."),
            referral is not null
                ? Met(ReturnDecision, "The person's decision to return stands.")
                : NotMet(ReturnDecision, state.Referral is { Status: ReferralStatus.Withdrawn } ? "The person withdrew their decision or consent." : "No active referral records a decision to return."),
            referral is { IsAccepted: true }
                ? Met(Accepted, $"{referral.ReceivingAgency} accepted the referral.")
                : NotMet(Accepted, referral is null ? "No active referral." : $"{referral.ReceivingAgency} has not accepted ({referral.Status})."),
            RiskGate(referral),
            !child ? NotApplicable(ChildBestInterests)
                : referral?.BestInterests is { ReturnInBestInterests: true } bid ? Met(ChildBestInterests, $"{bid.Authority} determined on {bid.DeterminedOn:yyyy-MM-dd} that return is in the child's best interests.")
                : NotMet(ChildBestInterests, referral?.BestInterests is null ? "No best-interests determination." : "The best-interests determination does not support return."),
            !child ? NotApplicable(ChildCareOnArrival)
                : referral?.FamilyTracing?.Outcome == FamilyTracingOutcome.FoundSuitable ? Met(ChildCareOnArrival, "Family tracing found the family, and suitable.")
                : referral?.AlternativeCare is not null ? Met(ChildCareOnArrival, "An alternative care arrangement is recorded.")
                : NotMet(ChildCareOnArrival, "Neither a suitable family (tracing) nor an alternative care arrangement is recorded."),
            !child ? NotApplicable(ChildEscort)
                : escorted ? Met(ChildEscort, "An escort travels with the child.") : NotMet(ChildEscort, "A child travels with an escort."),
            state.ReflectionPeriod == ReflectionPeriodState.Ended
                ? Met(ReflectionPeriod, "The reflection and recovery period ended.")
                : NotMet(ReflectionPeriod, state.ReflectionPeriod == ReflectionPeriodState.Running ? "The reflection and recovery period is still running." : "The shelter service has recorded no reflection period yet."),
            state.ActiveHolds.Count == 0
                ? Met(NoLegalHold, "No legal hold is active.")
                : NotMet(NoLegalHold, $"{state.ActiveHolds.Count} legal hold(s) keep the person in {state.Country} for proceedings."),
            referral?.TravelDocument is { } document
                ? document.ExpiresOn >= travelOn
                    ? Met(TravelDocument, $"{document.Type} issued by {document.IssuedBy}, valid until {document.ExpiresOn:yyyy-MM-dd}.")
                    : NotMet(TravelDocument, $"The {document.Type} expires on {document.ExpiresOn:yyyy-MM-dd}, before travel on {travelOn:yyyy-MM-dd}.")
                : NotMet(TravelDocument, "No travel document is recorded."),
        };
        return results;
    }

    /// <summary>The gates among <paramref name="results"/> that are not met.</summary>
    public static IReadOnlyList<GateResult> Unmet(IEnumerable<GateResult> results) => [.. results.Where(r => r.State == GateState.NotMet)];

    /// <summary>Refuses, naming every unmet gate and why, unless all are met.</summary>
    public static void EnsureAllMet(IReadOnlyList<GateResult> results)
    {
        var unmet = Unmet(results);
        if (unmet.Count > 0)
        {
            throw new RuleViolationException(
                GatesNotMetRule,
                $"Travel cannot go ahead; unmet gates: {string.Join("; ", unmet.Select(g => $"{g.Gate} ({g.Detail})"))}");
        }
    }

    /// <summary>The gates an event of this service or a noted fact decides, for the readiness query's evidence.</summary>
    public static IReadOnlyList<string> GatesSetBy(object e) => e switch
    {
        ReferralRequested or ReferralWithdrawn => [ReturnDecision, Accepted],
        ReferralAcknowledged or ReferralAccepted or ReferralDeclined or DisclosurePackageAmended => [Accepted],
        RiskAssessmentContributed => [Risk],
        BestInterestsDetermined => [ChildBestInterests],
        FamilyTracingRecorded or AlternativeCareRecorded => [ChildCareOnArrival],
        TravelScheduled => [ChildEscort],
        ReturnCaseOpened or ChildStatusNoted => [ChildBestInterests, ChildCareOnArrival, ChildEscort],
        ReflectionPeriodNoted => [ReflectionPeriod],
        LegalHoldNoted => [NoLegalHold],
        TravelDocumentRecorded => [TravelDocument],
        _ => [],
    };

    private static GateResult RiskGate(Referral? referral)
    {
        if (referral is null)
        {
            return NotMet(Risk, "No active referral.");
        }

        var missing = referral.RiskContributions.Count == 0 ? "either side" : referral.RiskContributions[0].Side == ReturnSide.Sending ? "the receiving side" : "the sending side";
        return RiskAssessment.OverallOf(referral) switch
        {
            null => NotMet(Risk, $"The joint assessment still needs {missing}'s contribution."),
            RiskLevel.Unacceptable => NotMet(Risk, "The joint assessment found the risk unacceptable."),
            var level => Met(Risk, $"Overall risk {level.Value.ToString().ToLowerInvariant()}, from both sides' assessments."),
        };
    }

    private static GateResult Met(string gate, string detail) => new(gate, GateState.Met, detail);

    private static GateResult NotMet(string gate, string detail) => new(gate, GateState.NotMet, detail);

    private static GateResult NotApplicable(string gate) => new(gate, GateState.NotApplicable, "Applies to a child only.");
}
