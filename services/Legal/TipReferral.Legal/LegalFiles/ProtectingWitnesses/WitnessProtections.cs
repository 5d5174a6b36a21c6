using TipReferral.Domain;
using TipReferral.PersonalData;

namespace TipReferral.Legal.LegalFiles;

/// <summary>The witness's family in another country, whose witness-protection authority is asked to protect them.</summary>
public sealed record FamilyAbroad(string Country, [PersonalData] string Members);

/// <summary>The prosecutors of one office, who need to know a protected witness's identity.</summary>
public sealed record Prosecutors(string Country, string Office);

/// <summary><paramref name="FamilyProtectionRequestId"/> is issued at the edge and used only when the family abroad is to be protected.</summary>
public sealed record RequestWitnessProtection(
    Guid CaseId,
    Guid ProtectionId,
    Guid LegalCaseId,
    IReadOnlyList<ProtectionMeasure> Measures,
    string? ProposedPseudonym,
    FamilyAbroad? FamilyAbroad,
    Guid FamilyProtectionRequestId,
    string Reason,
    DateTimeOffset Now) : LegalFileCommand(CaseId, Now);

/// <summary>A null <paramref name="Pseudonym"/> grants identity protection under the proposed one.</summary>
public sealed record GrantWitnessProtection(
    Guid CaseId, Guid ProtectionId, IReadOnlyList<ProtectionMeasure> Measures, string? Pseudonym, DateOnly ReviewOn, string Reason, DateTimeOffset Now)
    : LegalFileCommand(CaseId, Now);

public sealed record RefuseWitnessProtection(Guid CaseId, Guid ProtectionId, string Reason, DateTimeOffset Now) : LegalFileCommand(CaseId, Now);

public sealed record ReviewWitnessProtection(Guid CaseId, Guid ProtectionId, DateOnly NextReviewOn, string Reason, DateTimeOffset Now) : LegalFileCommand(CaseId, Now);

/// <summary>A null <paramref name="Pseudonym"/> keeps the current (or proposed) one.</summary>
public sealed record ChangeWitnessProtectionMeasures(
    Guid CaseId, Guid ProtectionId, IReadOnlyList<ProtectionMeasure> Measures, string? Pseudonym, DateOnly ReviewOn, string Reason, DateTimeOffset Now)
    : LegalFileCommand(CaseId, Now);

public sealed record LiftWitnessProtection(Guid CaseId, Guid ProtectionId, string Reason, DateTimeOffset Now) : LegalFileCommand(CaseId, Now);

public sealed record WitnessProtectionRequested(
    Guid CaseId,
    Guid ProtectionId,
    Guid LegalCaseId,
    IReadOnlyList<ProtectionMeasure> Measures,
    string? ProposedPseudonym,
    Guid? FamilyProtectionRequestId,
    FamilyAbroad? FamilyAbroad,
    [PersonalData] string Reason,
    DateTimeOffset RequestedAt) : IHasReason;

public sealed record WitnessProtectionGranted(
    Guid CaseId, Guid ProtectionId, IReadOnlyList<ProtectionMeasure> Measures, string? Pseudonym, DateOnly ReviewOn, [PersonalData] string Reason, DateTimeOffset GrantedAt)
    : IHasReason;

public sealed record WitnessProtectionRefused(Guid CaseId, Guid ProtectionId, [PersonalData] string Reason, DateTimeOffset RefusedAt) : IHasReason;

public sealed record WitnessProtectionReviewed(Guid CaseId, Guid ProtectionId, DateOnly NextReviewOn, [PersonalData] string Reason, DateTimeOffset ReviewedAt) : IHasReason;

public sealed record WitnessProtectionMeasuresChanged(
    Guid CaseId, Guid ProtectionId, IReadOnlyList<ProtectionMeasure> Measures, string? Pseudonym, DateOnly ReviewOn, [PersonalData] string Reason, DateTimeOffset ChangedAt)
    : IHasReason;

public sealed record WitnessProtectionLifted(Guid CaseId, Guid ProtectionId, [PersonalData] string Reason, DateTimeOffset LiftedAt) : IHasReason;

/// <summary>
/// Every service must now show <paramref name="Pseudonym"/> instead of the person's identity to
/// all but the witness-protection authorities and <paramref name="SeenBy"/>. Recorded beside the
/// grant or change that made it so, to be published on its own (one stored event, one message).
/// </summary>
public sealed record WitnessIdentityProtected(Guid CaseId, Guid ProtectionId, string Pseudonym, IReadOnlyList<Prosecutors> SeenBy, DateTimeOffset ProtectedAt);

public sealed record WitnessIdentityProtectionLifted(Guid CaseId, Guid ProtectionId, DateTimeOffset LiftedAt);

public static class WitnessProtections
{
    public const string AlreadyOpenRule = "witness-protection-already-open";
    public const string NotRequestedRule = "witness-protection-not-requested";
    public const string NotGrantedRule = "witness-protection-not-granted";
    public const string MeasuresNotRequestedRule = "measures-not-requested";
    public const string PseudonymRequiredRule = "pseudonym-required";
    public const string ReviewDateNotInFutureRule = "review-date-not-in-future";
    public const string FamilyAbroadWithItsMeasureRule = "family-abroad-with-its-measure";
    public const string FamilyNotAbroadRule = "family-not-abroad";

    public static IReadOnlyList<object> Decide(RequestWitnessProtection command, LegalFile state)
    {
        var legalCase = LegalFileDecider.LegalCaseOf(state, command.LegalCaseId);
        if (state.Protections.Any(p => p.Id == command.ProtectionId))
        {
            return [];
        }

        if (legalCase.Stage == LegalCaseStage.Closed)
        {
            throw new RuleViolationException(LegalCases.LegalCaseClosedRule, $"Legal case {legalCase.AuthorityCaseNumber} is closed.");
        }

        if (state.Protections.Any(p => p.LegalCaseId == command.LegalCaseId && p.Status is WitnessProtectionStatus.Requested or WitnessProtectionStatus.Granted))
        {
            throw new RuleViolationException(
                AlreadyOpenRule, $"Witness protection in legal case {legalCase.AuthorityCaseNumber} is already requested or granted: change it rather than ask again.");
        }

        EnsurePseudonym(command.Measures, command.ProposedPseudonym);
        var familyAbroad = command.Measures.Contains(ProtectionMeasure.FamilyProtectionAbroad);
        if (familyAbroad != (command.FamilyAbroad is not null))
        {
            throw new RuleViolationException(FamilyAbroadWithItsMeasureRule, "The family abroad is named with the measure to protect them, and only then.");
        }

        if (command.FamilyAbroad is { } family && family.Country == legalCase.Jurisdiction.Country)
        {
            throw new RuleViolationException(FamilyNotAbroadRule, $"The family is in {family.Country}, the country of the proceedings: its own authority protects them.");
        }

        return
        [
            new WitnessProtectionRequested(
                command.CaseId, command.ProtectionId, command.LegalCaseId, command.Measures, command.ProposedPseudonym,
                familyAbroad ? command.FamilyProtectionRequestId : null, command.FamilyAbroad, command.Reason, command.Now),
        ];
    }

    public static IReadOnlyList<object> Decide(GrantWitnessProtection command, LegalFile state)
    {
        var protection = ProtectionOf(state, command.ProtectionId);
        var pseudonym = GrantedPseudonym(command.Measures, command.Pseudonym ?? protection.ProposedPseudonym);
        if (protection.Status == WitnessProtectionStatus.Granted && SameMeasures(protection.Granted, command.Measures)
            && protection.Pseudonym == pseudonym && protection.ReviewOn == command.ReviewOn)
        {
            return [];
        }

        EnsureStatus(protection, WitnessProtectionStatus.Requested, NotRequestedRule, "granted");
        EnsureAmongRequested(protection, command.Measures);
        EnsureInFuture(command.ReviewOn, command.Now);
        EnsurePseudonym(command.Measures, pseudonym);
        var granted = new WitnessProtectionGranted(command.CaseId, command.ProtectionId, command.Measures, pseudonym, command.ReviewOn, command.Reason, command.Now);
        return pseudonym is null ? [granted] : [granted, IdentityProtected(state, protection, pseudonym, command.Now)];
    }

    public static IReadOnlyList<object> Decide(RefuseWitnessProtection command, LegalFile state)
    {
        var protection = ProtectionOf(state, command.ProtectionId);
        if (protection.Status == WitnessProtectionStatus.Refused)
        {
            return [];
        }

        EnsureStatus(protection, WitnessProtectionStatus.Requested, NotRequestedRule, "refused");
        return [new WitnessProtectionRefused(command.CaseId, command.ProtectionId, command.Reason, command.Now)];
    }

    public static IReadOnlyList<object> Decide(ReviewWitnessProtection command, LegalFile state)
    {
        var protection = ProtectionOf(state, command.ProtectionId);
        EnsureStatus(protection, WitnessProtectionStatus.Granted, NotGrantedRule, "reviewed");
        if (protection.ReviewOn == command.NextReviewOn)
        {
            return [];
        }

        EnsureInFuture(command.NextReviewOn, command.Now);
        return [new WitnessProtectionReviewed(command.CaseId, command.ProtectionId, command.NextReviewOn, command.Reason, command.Now)];
    }

    public static IReadOnlyList<object> Decide(ChangeWitnessProtectionMeasures command, LegalFile state)
    {
        var protection = ProtectionOf(state, command.ProtectionId);
        EnsureStatus(protection, WitnessProtectionStatus.Granted, NotGrantedRule, "changed");
        var pseudonym = GrantedPseudonym(command.Measures, command.Pseudonym ?? protection.Pseudonym ?? protection.ProposedPseudonym);
        if (SameMeasures(protection.Granted, command.Measures) && protection.Pseudonym == pseudonym && protection.ReviewOn == command.ReviewOn)
        {
            return [];
        }

        EnsureAmongRequested(protection, command.Measures);
        EnsureInFuture(command.ReviewOn, command.Now);
        EnsurePseudonym(command.Measures, pseudonym);
        var changed = new WitnessProtectionMeasuresChanged(command.CaseId, command.ProtectionId, command.Measures, pseudonym, command.ReviewOn, command.Reason, command.Now);
        return (protection.ProtectsIdentity, pseudonym) switch
        {
            (true, null) => [changed, new WitnessIdentityProtectionLifted(command.CaseId, command.ProtectionId, command.Now)],
            (_, { } shown) when shown != protection.Pseudonym => [changed, IdentityProtected(state, protection, shown, command.Now)],
            _ => [changed],
        };
    }

    public static IReadOnlyList<object> Decide(LiftWitnessProtection command, LegalFile state)
    {
        var protection = ProtectionOf(state, command.ProtectionId);
        if (protection.Status == WitnessProtectionStatus.Lifted)
        {
            return [];
        }

        EnsureStatus(protection, WitnessProtectionStatus.Granted, NotGrantedRule, "lifted");
        var lifted = new WitnessProtectionLifted(command.CaseId, command.ProtectionId, command.Reason, command.Now);
        return protection.ProtectsIdentity ? [lifted, new WitnessIdentityProtectionLifted(command.CaseId, command.ProtectionId, command.Now)] : [lifted];
    }

    public static LegalFile Evolve(LegalFile state, object e) => e switch
    {
        WitnessProtectionRequested requested => state with
        {
            Protections = [.. state.Protections, new WitnessProtection(
                requested.ProtectionId, requested.LegalCaseId, WitnessProtectionStatus.Requested, requested.Measures, Granted: [], requested.ProposedPseudonym,
                Pseudonym: null, ReviewOn: null, DecisionReason: null, requested.FamilyProtectionRequestId, requested.RequestedAt)],
        },
        WitnessProtectionGranted granted => WithProtection(state, granted.ProtectionId, p => p with
        {
            Status = WitnessProtectionStatus.Granted,
            Granted = granted.Measures,
            Pseudonym = granted.Pseudonym,
            ReviewOn = granted.ReviewOn,
            DecisionReason = granted.Reason,
        }),
        WitnessProtectionRefused refused => WithProtection(state, refused.ProtectionId, p => p with { Status = WitnessProtectionStatus.Refused, DecisionReason = refused.Reason }),
        WitnessProtectionReviewed reviewed => WithProtection(state, reviewed.ProtectionId, p => p with { ReviewOn = reviewed.NextReviewOn, DecisionReason = reviewed.Reason }),
        WitnessProtectionMeasuresChanged changed => WithProtection(state, changed.ProtectionId, p => p with
        {
            Granted = changed.Measures,
            Pseudonym = changed.Pseudonym,
            ReviewOn = changed.ReviewOn,
            DecisionReason = changed.Reason,
        }),
        WitnessProtectionLifted lifted => WithProtection(state, lifted.ProtectionId, p => p with { Status = WitnessProtectionStatus.Lifted, DecisionReason = lifted.Reason }),
        _ => state,
    };

    /// <summary>The protection a command names, or NotFound.</summary>
    public static WitnessProtection ProtectionOf(LegalFile state, Guid protectionId) =>
        state.Protections.FirstOrDefault(p => p.Id == protectionId) ?? throw new NotFoundException("witness protection", protectionId.ToString());

    private static WitnessIdentityProtected IdentityProtected(LegalFile state, WitnessProtection protection, string pseudonym, DateTimeOffset now)
    {
        var legalCase = LegalFileDecider.LegalCaseOf(state, protection.LegalCaseId);
        return new WitnessIdentityProtected(
            state.Id, protection.Id, pseudonym, [new Prosecutors(legalCase.Jurisdiction.Country, legalCase.ProsecutorsOffice)], now);
    }

    /// <summary>The pseudonym the protection shows: only while identity protection is among the measures.</summary>
    private static string? GrantedPseudonym(IReadOnlyList<ProtectionMeasure> measures, string? pseudonym) =>
        measures.Contains(ProtectionMeasure.IdentityProtection) ? pseudonym : null;

    private static bool SameMeasures(IReadOnlyList<ProtectionMeasure> current, IReadOnlyList<ProtectionMeasure> wanted) => current.ToHashSet().SetEquals(wanted);

    private static void EnsureStatus(WitnessProtection protection, WitnessProtectionStatus required, string rule, string action)
    {
        if (protection.Status != required)
        {
            throw new RuleViolationException(rule, $"Witness protection {protection.Id} is {protection.Status}; only a {required} one is {action}.");
        }
    }

    private static void EnsureAmongRequested(WitnessProtection protection, IReadOnlyList<ProtectionMeasure> measures)
    {
        var notRequested = measures.Except(protection.Requested).ToList();
        if (notRequested.Count > 0)
        {
            throw new RuleViolationException(MeasuresNotRequestedRule, $"{string.Join(", ", notRequested)} {(notRequested.Count == 1 ? "was" : "were")} not requested.");
        }
    }

    private static void EnsurePseudonym(IReadOnlyList<ProtectionMeasure> measures, string? pseudonym)
    {
        if (measures.Contains(ProtectionMeasure.IdentityProtection) && string.IsNullOrWhiteSpace(pseudonym))
        {
            throw new RuleViolationException(PseudonymRequiredRule, "Identity protection shows the witness under a pseudonym: one is required.");
        }
    }

    private static void EnsureInFuture(DateOnly reviewOn, DateTimeOffset now)
    {
        if (reviewOn <= DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new RuleViolationException(ReviewDateNotInFutureRule, $"The next review ({reviewOn:yyyy-MM-dd}) must come after today ({now:yyyy-MM-dd}).");
        }
    }

    private static LegalFile WithProtection(LegalFile state, Guid protectionId, Func<WitnessProtection, WitnessProtection> change) =>
        state with { Protections = [.. state.Protections.Select(p => p.Id == protectionId ? change(p) : p)] };
}
