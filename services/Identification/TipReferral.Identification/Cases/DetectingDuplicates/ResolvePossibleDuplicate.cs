using TipReferral.ServiceDefaults.Grpc;
using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using CaseVersion = TipReferral.Contracts.Common.V1.CaseVersion;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

/// <summary>At registration, another case looked like the same person. Recorded, surfaced, never merged.</summary>
public sealed record PossibleDuplicateDetected(
    Guid CaseId, Guid OtherCaseId, string OtherCaseReference, double Score, IReadOnlyList<string> MatchedOn, DateTimeOffset DetectedAt);

/// <summary>A person confirmed both cases are the same person: they stay separate, linked.</summary>
public sealed record PossibleDuplicateLinked(Guid CaseId, Guid OtherCaseId, [PersonalData] string Reason, DateTimeOffset LinkedAt) : IHasReason;

/// <summary>A person decided the other case is someone else.</summary>
public sealed record PossibleDuplicateDismissed(Guid CaseId, Guid OtherCaseId, [PersonalData] string Reason, DateTimeOffset DismissedAt) : IHasReason;

public sealed record ResolvePossibleDuplicate(
    Guid CaseId, Guid OtherCaseId, DuplicateResolution Resolution, string Reason, DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

public static class DuplicateResolutions
{
    public const string UnknownDuplicateRule = "possible-duplicate-not-recorded";
    public const string AlreadyResolvedRule = "possible-duplicate-already-resolved";

    public static IReadOnlyList<object> Decide(ResolvePossibleDuplicate command, VictimCase state)
    {
        var duplicate = state.PossibleDuplicates.FirstOrDefault(d => d.OtherCaseId == command.OtherCaseId)
            ?? throw new RuleViolationException(UnknownDuplicateRule, $"Case {state.Reference} has no possible duplicate {command.OtherCaseId} to resolve.");
        var wanted = command.Resolution == DuplicateResolution.Link ? PossibleDuplicateState.Linked : PossibleDuplicateState.Dismissed;
        if (duplicate.State == wanted)
        {
            return [];
        }

        if (duplicate.State != PossibleDuplicateState.Pending)
        {
            throw new RuleViolationException(AlreadyResolvedRule, $"The possible duplicate {duplicate.OtherCaseReference} was already {duplicate.State.ToString().ToLowerInvariant()}.");
        }

        return command.Resolution == DuplicateResolution.Link
            ? [new PossibleDuplicateLinked(command.CaseId, command.OtherCaseId, command.Reason, command.Now)]
            : [new PossibleDuplicateDismissed(command.CaseId, command.OtherCaseId, command.Reason, command.Now)];
    }
}

public sealed class ResolvePossibleDuplicateValidator : CaseCommandValidator<Proto.ResolvePossibleDuplicateRequest>
{
    public ResolvePossibleDuplicateValidator()
    {
        RuleFor(x => x.OtherCaseId).MustBeId();
        RuleFor(x => x.Resolution).MustBeChosen();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed partial class VictimCasesService
{
    [Access(Roles.CaseWorker, Roles.Supervisor)]
    public override Task<CaseVersion> ResolvePossibleDuplicate(Proto.ResolvePossibleDuplicateRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new ResolvePossibleDuplicate(
                caseId, Guid.Parse(request.OtherCaseId), ProtoValues.ToDomain<DuplicateResolution>(request.Resolution), request.Reason.Trim(), now),
            context.CancellationToken);
}
