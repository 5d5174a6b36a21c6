namespace TipReferral.Portal.Pages.Returns;

/// <summary>
/// The hard gates before travel, by the ids the repatriation service names them with. A refusal
/// to schedule travel lists the unmet ones in its detail; each id has its plain words among the
/// repatriation rules.
/// </summary>
public static class Gates
{
    public const string NotMetRule = "return-gates-not-met";

    public static readonly IReadOnlyList<string> All =
    [
        "consent-for-cross-border-referral", "return-decision-current", "receiving-agency-accepted", "risk-not-unacceptable",
        "child-best-interests", "child-care-on-arrival", "child-escort", "reflection-period-ended", "no-active-legal-hold", "travel-document-valid",
    ];

    /// <summary>The gates a refusal's detail names as unmet ("…unmet gates: a (why); b (why)").</summary>
    public static IReadOnlyList<string> NamedIn(string? detail) =>
        string.IsNullOrEmpty(detail) ? [] : [.. All.Where(gate => detail.Contains(gate + " (", StringComparison.Ordinal))];

    /// <summary>The state as an attribute value: met, not-met, not-applicable.</summary>
    public static string StateOf(Contracts.Repatriation.V1.GateState state) => state switch
    {
        Contracts.Repatriation.V1.GateState.Met => "met",
        Contracts.Repatriation.V1.GateState.NotApplicable => "not-applicable",
        _ => "not-met",
    };
}
