using FluentValidation;
using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Legal.LegalFiles;

public sealed record PlaceLegalHold(Guid CaseId, Guid HoldId, Guid LegalCaseId, DateOnly ReviewOn, string Reason, DateTimeOffset Now)
    : LegalFileCommand(CaseId, Now);

public sealed record ReleaseLegalHold(Guid CaseId, Guid HoldId, string Reason, DateTimeOffset Now) : LegalFileCommand(CaseId, Now);

public sealed record ArrangeVideoLinkTestimony(Guid CaseId, Guid LegalCaseId, DateOnly TestimonyOn, string Reason, DateTimeOffset Now)
    : LegalFileCommand(CaseId, Now);

public sealed record LegalHoldPlaced(Guid CaseId, Guid HoldId, Guid LegalCaseId, DateOnly ReviewOn, [PersonalData] string Reason, DateTimeOffset PlacedAt)
    : IHasReason;

public sealed record LegalHoldReleased(Guid CaseId, Guid HoldId, Guid LegalCaseId, LegalHoldRelease How, [PersonalData] string Reason, DateTimeOffset ReleasedAt)
    : IHasReason;

public sealed record VideoLinkTestimonyArranged(Guid CaseId, Guid LegalCaseId, DateOnly TestimonyOn, [PersonalData] string Reason, DateTimeOffset ArrangedAt)
    : IHasReason;

/// <summary>
/// A hold keeps the person in the country while a proceeding needs their testimony: one active
/// hold per legal case, which its prosecutor releases, or which ends once testimony by video
/// link makes the person's presence unnecessary.
/// </summary>
public static class LegalHolds
{
    public const string ReviewDatePassedRule = "hold-review-date-passed";
    public const string HoldAlreadyActiveRule = "legal-hold-already-active";
    public const string HoldNotActiveRule = "legal-hold-not-active";

    /// <summary>The active hold of a legal case: placing it again with the same review date is a repeat.</summary>
    public static LegalHold? ActiveHoldOf(LegalFile state, Guid legalCaseId) => state.Holds.FirstOrDefault(h => h.IsActive && h.LegalCaseId == legalCaseId);

    public static LegalHold HoldOf(LegalFile state, Guid holdId) =>
        state.Holds.FirstOrDefault(h => h.Id == holdId) ?? throw new NotFoundException("legal hold", holdId.ToString());

    public static IReadOnlyList<object> Decide(PlaceLegalHold command, LegalFile state)
    {
        var legalCase = LegalFileDecider.LegalCaseOf(state, command.LegalCaseId);
        if (ActiveHoldOf(state, command.LegalCaseId) is { } active)
        {
            return active.ReviewOn == command.ReviewOn
                ? []
                : throw new RuleViolationException(
                    HoldAlreadyActiveRule, $"Legal case {legalCase.AuthorityCaseNumber} already holds the person's removal until a review on {active.ReviewOn:yyyy-MM-dd}.");
        }

        EnsureOpen(legalCase);
        if (command.ReviewOn < DateOnly.FromDateTime(command.Now.UtcDateTime))
        {
            throw new RuleViolationException(ReviewDatePassedRule, $"A hold's review date ({command.ReviewOn:yyyy-MM-dd}) may not be in the past.");
        }

        return [new LegalHoldPlaced(command.CaseId, command.HoldId, command.LegalCaseId, command.ReviewOn, command.Reason, command.Now)];
    }

    /// <summary>Releasing a hold the prosecutor already released is a repeat; one released by video-link testimony is not theirs to release.</summary>
    public static IReadOnlyList<object> Decide(ReleaseLegalHold command, LegalFile state)
    {
        var hold = HoldOf(state, command.HoldId);
        return hold switch
        {
            { IsActive: true } => [new LegalHoldReleased(command.CaseId, hold.Id, hold.LegalCaseId, LegalHoldRelease.ReleasedByProsecutor, command.Reason, command.Now)],
            { ReleasedBecause: LegalHoldRelease.ReleasedByProsecutor } => [],
            _ => throw new RuleViolationException(HoldNotActiveRule, $"Hold {hold.Id} was already released ({hold.ReleasedBecause})."),
        };
    }

    public static IReadOnlyList<object> Decide(ArrangeVideoLinkTestimony command, LegalFile state)
    {
        var legalCase = LegalFileDecider.LegalCaseOf(state, command.LegalCaseId);
        var active = state.Holds.Where(h => h.IsActive && h.LegalCaseId == command.LegalCaseId).ToList();
        if (legalCase.VideoLinkTestimonyOn == command.TestimonyOn && active.Count == 0)
        {
            return [];
        }

        EnsureOpen(legalCase);
        return
        [
            new VideoLinkTestimonyArranged(command.CaseId, command.LegalCaseId, command.TestimonyOn, command.Reason, command.Now),
            .. active.Select(h => new LegalHoldReleased(command.CaseId, h.Id, h.LegalCaseId, LegalHoldRelease.VideoLinkTestimonyArranged, command.Reason, command.Now)),
        ];
    }

    private static void EnsureOpen(LegalCase legalCase)
    {
        if (legalCase.Stage == LegalCaseStage.Closed)
        {
            throw new RuleViolationException(LegalCases.LegalCaseClosedRule, $"Legal case {legalCase.AuthorityCaseNumber} is closed.");
        }
    }

    public static LegalFile Evolve(LegalFile state, object e) => e switch
    {
        LegalHoldPlaced placed => state with
        {
            Holds = [.. state.Holds, new LegalHold(placed.HoldId, placed.LegalCaseId, placed.ReviewOn, placed.Reason, placed.PlacedAt, null, null, null)],
        },
        LegalHoldReleased released => state with
        {
            Holds = [.. state.Holds.Select(h => h.Id == released.HoldId
                ? h with { ReleasedAt = released.ReleasedAt, ReleasedBecause = released.How, ReleaseReason = released.Reason }
                : h)],
        },
        VideoLinkTestimonyArranged arranged => LegalCases.WithLegalCase(state, arranged.LegalCaseId, c => c with { VideoLinkTestimonyOn = arranged.TestimonyOn }),
        _ => state,
    };
}

public sealed class PlaceLegalHoldValidator : CaseCommandValidator<Proto.PlaceLegalHoldRequest>
{
    public PlaceLegalHoldValidator()
    {
        RuleFor(x => x.LegalCaseId).MustBeId();
        RuleFor(x => x.ReviewOn).MustBeDate();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed class ReleaseLegalHoldValidator : CaseCommandValidator<Proto.ReleaseLegalHoldRequest>
{
    public ReleaseLegalHoldValidator()
    {
        RuleFor(x => x.HoldId).MustBeId();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed class ArrangeVideoLinkTestimonyValidator : CaseCommandValidator<Proto.ArrangeVideoLinkTestimonyRequest>
{
    public ArrangeVideoLinkTestimonyValidator()
    {
        RuleFor(x => x.LegalCaseId).MustBeId();
        RuleFor(x => x.TestimonyOn).MustBeDate();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

/// <summary>Only the prosecutors of the legal case hold the person for it: it is their proceeding that needs the testimony.</summary>
public sealed class LegalHoldsService(LegalFileCommands files) : Proto.LegalHolds.LegalHoldsBase
{
    [Access(Roles.Prosecutor)]
    public override async Task<Proto.LegalHoldVersion> PlaceLegalHold(Proto.PlaceLegalHoldRequest request, ServerCallContext context)
    {
        var legalCaseId = Guid.Parse(request.LegalCaseId);
        var holdId = Guid.NewGuid();
        var (version, _) = await files.DecideAsync(
            request,
            (caseId, now) => new PlaceLegalHold(caseId, holdId, legalCaseId, ProtoValues.ToDateOnly(request.ReviewOn), request.Reason.Trim(), now),
            context.CancellationToken,
            file =>
            {
                files.ProsecutorOf(request.LegalCaseId)(file);
                // A repeat answers with the hold already in place, so a retrying client learns its id.
                holdId = LegalHolds.ActiveHoldOf(file, legalCaseId)?.Id ?? holdId;
            });
        return new Proto.LegalHoldVersion { CaseId = request.CaseId, HoldId = holdId.ToString(), Version = version };
    }

    [Access(Roles.Prosecutor)]
    public override Task<CaseVersion> ReleaseLegalHold(Proto.ReleaseLegalHoldRequest request, ServerCallContext context) =>
        files.DecideToVersionAsync(
            request,
            (caseId, now) => new ReleaseLegalHold(caseId, Guid.Parse(request.HoldId), request.Reason.Trim(), now),
            context.CancellationToken,
            file => files.ProsecutorOf(LegalHolds.HoldOf(file, Guid.Parse(request.HoldId)).LegalCaseId.ToString())(file));

    [Access(Roles.Prosecutor)]
    public override Task<CaseVersion> ArrangeVideoLinkTestimony(Proto.ArrangeVideoLinkTestimonyRequest request, ServerCallContext context) =>
        files.DecideToVersionAsync(
            request,
            (caseId, now) => new ArrangeVideoLinkTestimony(caseId, Guid.Parse(request.LegalCaseId), ProtoValues.ToDateOnly(request.TestimonyOn), request.Reason.Trim(), now),
            context.CancellationToken,
            files.ProsecutorOf(request.LegalCaseId));
}
