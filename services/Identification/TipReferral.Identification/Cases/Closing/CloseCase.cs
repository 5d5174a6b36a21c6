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

public sealed record CloseCase(Guid CaseId, CaseClosureReason ClosureReason, string Reason, DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

/// <summary>The victim case was closed. Closed is not deleted: its whole history stays.</summary>
public sealed record VictimCaseClosed(Guid CaseId, CaseClosureReason ClosureReason, [PersonalData] string Reason, DateTimeOffset ClosedAt) : IHasReason;

public static class Closure
{
    // The decider answers a repeated close with no events before this is reached.
    public static IReadOnlyList<object> Decide(CloseCase command, VictimCase state) =>
        [new VictimCaseClosed(state.Id, command.ClosureReason, command.Reason, command.Now)];
}

public sealed class CloseCaseValidator : CaseCommandValidator<Proto.CloseCaseRequest>
{
    public CloseCaseValidator()
    {
        RuleFor(x => x.ClosureReason).MustBeChosen();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed partial class VictimCasesService
{
    [Access(Roles.CaseWorker, Roles.Supervisor)]
    public override Task<CaseVersion> CloseCase(Proto.CloseCaseRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new CloseCase(caseId, ProtoValues.ToDomain<CaseClosureReason>(request.ClosureReason), request.Reason.Trim(), now),
            context.CancellationToken);
}
