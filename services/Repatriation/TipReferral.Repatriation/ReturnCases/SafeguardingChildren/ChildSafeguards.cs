using TipReferral.Domain;
using TipReferral.PersonalData;

namespace TipReferral.Repatriation.ReturnCases;

public enum FamilyTracingOutcome
{
    FoundSuitable,
    FoundNotSuitable,
    NotFound,
}

public sealed record FamilyTracing(FamilyTracingOutcome Outcome, DateTimeOffset RecordedAt);

public sealed record AlternativeCare(DateTimeOffset RecordedAt);

public sealed record BestInterestsDetermination(string Authority, DateOnly DeterminedOn, bool ReturnInBestInterests);

public sealed record RecordFamilyTracing(Guid CaseId, FamilyTracingOutcome Outcome, string Notes, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public sealed record RecordAlternativeCare(Guid CaseId, string Arrangement, string Provider, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public sealed record RecordBestInterestsDetermination(
    Guid CaseId, string Authority, DateOnly DeterminedOn, bool ReturnInBestInterests, string ChildsViews, string GuardiansViews, string Reason, DateTimeOffset Now)
    : ReturnCaseCommand(CaseId, Now);

public sealed record FamilyTracingRecorded(Guid CaseId, Guid ReferralId, FamilyTracingOutcome Outcome, [PersonalData] string Notes, DateTimeOffset RecordedAt);

public sealed record AlternativeCareRecorded(Guid CaseId, Guid ReferralId, [PersonalData] string Arrangement, string Provider, DateTimeOffset RecordedAt);

/// <summary>A competent authority's determination, with the child's and the guardian's own views; a revision is a new determination.</summary>
public sealed record BestInterestsDetermined(
    Guid CaseId,
    Guid ReferralId,
    string Authority,
    DateOnly DeterminedOn,
    bool ReturnInBestInterests,
    [PersonalData] string ChildsViews,
    [PersonalData] string GuardiansViews,
    [PersonalData] string Reason,
    DateTimeOffset RecordedAt) : IHasReason;

/// <summary>
/// A child returns only when a best-interests determination says return is in the child's best
/// interests, to a family that tracing found suitable or else to a recorded alternative care
/// arrangement, and with an escort.
/// </summary>
public static class ChildSafeguards
{
    public const string OnlyForChildRule = "child-safeguards-only-for-child";
    public const string DeterminedInFutureRule = "determination-in-future";

    public static IReadOnlyList<object> Decide(RecordFamilyTracing command, ReturnCase state)
    {
        var referral = ActiveChildReferralOf(state);
        return referral.FamilyTracing?.Outcome == command.Outcome
            ? []
            : [new FamilyTracingRecorded(command.CaseId, referral.Id, command.Outcome, command.Notes, command.Now)];
    }

    public static IReadOnlyList<object> Decide(RecordAlternativeCare command, ReturnCase state)
    {
        var referral = ActiveChildReferralOf(state);
        return [new AlternativeCareRecorded(command.CaseId, referral.Id, command.Arrangement, command.Provider, command.Now)];
    }

    public static IReadOnlyList<object> Decide(RecordBestInterestsDetermination command, ReturnCase state)
    {
        var referral = ActiveChildReferralOf(state);
        if (command.DeterminedOn > DateOnly.FromDateTime(command.Now.UtcDateTime))
        {
            throw new RuleViolationException(DeterminedInFutureRule, $"A determination is recorded once made, not for {command.DeterminedOn:yyyy-MM-dd}.");
        }

        return
        [
            new BestInterestsDetermined(
                command.CaseId, referral.Id, command.Authority, command.DeterminedOn, command.ReturnInBestInterests, command.ChildsViews, command.GuardiansViews,
                command.Reason, command.Now),
        ];
    }

    private static Referral ActiveChildReferralOf(ReturnCase state)
    {
        if (!state.IsChild)
        {
            throw new RuleViolationException(OnlyForChildRule, $"Case {state.Reference} is of an adult.");
        }

        var referral = ReturnCaseDecider.ActiveReferralOf(state);
        Travelling.EnsureNotDeparted(referral);
        return referral;
    }

    public static ReturnCase Evolve(ReturnCase state, object e) => e switch
    {
        FamilyTracingRecorded traced => ReturnCaseDecider.WithReferral(state, r => r with { FamilyTracing = new FamilyTracing(traced.Outcome, traced.RecordedAt) }),
        AlternativeCareRecorded care => ReturnCaseDecider.WithReferral(state, r => r with { AlternativeCare = new AlternativeCare(care.RecordedAt) }),
        BestInterestsDetermined determined => ReturnCaseDecider.WithReferral(state, r => r with
        {
            BestInterests = new BestInterestsDetermination(determined.Authority, determined.DeterminedOn, determined.ReturnInBestInterests),
        }),
        _ => state,
    };
}
