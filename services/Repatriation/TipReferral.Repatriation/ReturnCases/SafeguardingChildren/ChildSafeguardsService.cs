using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Repatriation.ReturnCases;

public sealed class RecordFamilyTracingValidator : CaseCommandValidator<Proto.RecordFamilyTracingRequest>
{
    public RecordFamilyTracingValidator()
    {
        RuleFor(x => x.Outcome).MustBeChosen();
        RuleFor(x => x.Notes).MustBeNotes();
    }
}

public sealed class RecordAlternativeCareValidator : CaseCommandValidator<Proto.RecordAlternativeCareRequest>
{
    public RecordAlternativeCareValidator()
    {
        RuleFor(x => x.Arrangement).MustBeNotes();
        RuleFor(x => x.Provider).MustBeShortText();
    }
}

public sealed class RecordBestInterestsDeterminationValidator : CaseCommandValidator<Proto.RecordBestInterestsDeterminationRequest>
{
    public RecordBestInterestsDeterminationValidator()
    {
        RuleFor(x => x.Authority).MustBeShortText();
        RuleFor(x => x.DeterminedOn).MustBeDate();
        RuleFor(x => x.ChildsViews).MustBeNotes();
        RuleFor(x => x.GuardiansViews).MustBeNotes();
        RuleFor(x => x.Reasons).MustBeReason();
    }
}

/// <summary>Tracing and care on arrival are the receiving side's to find; the determination is recorded where the child is.</summary>
public sealed class ChildSafeguardsService(ReturnCaseCommands cases) : Proto.ChildSafeguards.ChildSafeguardsBase
{
    [Access(Roles.ReceivingAgency)]
    public override Task<CaseVersion> RecordFamilyTracing(Proto.RecordFamilyTracingRequest request, ServerCallContext context) =>
        cases.DecideToVersionAsync(
            request,
            (current, now) => new RecordFamilyTracing(current.Id, ProtoValues.ToDomain<FamilyTracingOutcome>(request.Outcome), request.Notes.Trim(), now),
            cases.EnsureReceivingAgency,
            context.CancellationToken);

    [Access(Roles.ReceivingAgency)]
    public override Task<CaseVersion> RecordAlternativeCare(Proto.RecordAlternativeCareRequest request, ServerCallContext context) =>
        cases.DecideToVersionAsync(
            request,
            (current, now) => new RecordAlternativeCare(current.Id, request.Arrangement.Trim(), request.Provider.Trim(), now),
            cases.EnsureReceivingAgency,
            context.CancellationToken);

    [Access(Roles.CaseWorker, Roles.Supervisor)]
    public override Task<CaseVersion> RecordBestInterestsDetermination(Proto.RecordBestInterestsDeterminationRequest request, ServerCallContext context) =>
        cases.DecideToVersionAsync(
            request,
            (current, now) => new RecordBestInterestsDetermination(
                current.Id, request.Authority.Trim(), ProtoValues.ToDateOnly(request.DeterminedOn), request.ReturnInBestInterests, request.ChildsViews.Trim(),
                request.GuardiansViews.Trim(), request.Reasons.Trim(), now),
            cases.EnsureSendingSide,
            context.CancellationToken);
}
