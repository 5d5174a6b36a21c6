using TipReferral.Domain;
using TipReferral.PersonalData;

namespace TipReferral.Repatriation.ReturnCases;

public enum RiskLevel
{
    Low,
    Medium,
    High,
    Unacceptable,
}

/// <summary>The two sides of a referral: the destination country that sends, the country of origin that receives.</summary>
public enum ReturnSide
{
    Sending,
    Receiving,
}

public sealed record RiskContribution(ReturnSide Side, RiskLevel ToPersonAndFamily, RiskLevel OfReTrafficking, RiskLevel Level, DateTimeOffset ContributedAt);

public sealed record ContributeRiskAssessment(
    Guid CaseId, ReturnSide Side, RiskLevel ToPersonAndFamily, RiskLevel OfReTrafficking, string NeedsOnArrival, RiskLevel Level, string Reason, DateTimeOffset Now)
    : ReturnCaseCommand(CaseId, Now);

public sealed record RiskAssessmentContributed(
    Guid CaseId,
    Guid ReferralId,
    ReturnSide Side,
    RiskLevel ToPersonAndFamily,
    RiskLevel OfReTrafficking,
    [PersonalData] string NeedsOnArrival,
    RiskLevel Level,
    [PersonalData] string Reason,
    DateTimeOffset ContributedAt) : IHasReason;

/// <summary>
/// The joint pre-return risk and needs assessment: each side contributes its own (and may revise
/// it before departure); the overall level is the higher of the two, so neither side's concern is
/// averaged away (do no harm).
/// </summary>
public static class RiskAssessment
{
    public const string LevelBelowComponentsRule = "risk-level-below-its-components";

    public static IReadOnlyList<object> Decide(ContributeRiskAssessment command, ReturnCase state)
    {
        var referral = ReturnCaseDecider.ActiveReferralOf(state);
        Travelling.EnsureNotDeparted(referral);
        var highestComponent = (RiskLevel)Math.Max((int)command.ToPersonAndFamily, (int)command.OfReTrafficking);
        if (command.Level < highestComponent)
        {
            throw new RuleViolationException(LevelBelowComponentsRule, $"The overall level ({command.Level}) may not be lower than a risk it weighs ({highestComponent}).");
        }

        return
        [
            new RiskAssessmentContributed(
                command.CaseId, referral.Id, command.Side, command.ToPersonAndFamily, command.OfReTrafficking, command.NeedsOnArrival, command.Level, command.Reason, command.Now),
        ];
    }

    /// <summary>The overall level once both sides contributed; null until then.</summary>
    public static RiskLevel? OverallOf(Referral referral) =>
        referral.RiskContributions.Any(c => c.Side == ReturnSide.Sending) && referral.RiskContributions.Any(c => c.Side == ReturnSide.Receiving)
            ? referral.RiskContributions.Max(c => c.Level)
            : null;

    public static ReturnCase Evolve(ReturnCase state, object e) => e switch
    {
        RiskAssessmentContributed contributed => ReturnCaseDecider.WithReferral(state, r => r with
        {
            RiskContributions =
            [
                .. r.RiskContributions.Where(c => c.Side != contributed.Side),
                new RiskContribution(contributed.Side, contributed.ToPersonAndFamily, contributed.OfReTrafficking, contributed.Level, contributed.ContributedAt),
            ],
        }),
        _ => state,
    };
}
