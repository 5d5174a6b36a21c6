using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Repatriation.ReturnCases;

public sealed class ContributeRiskAssessmentValidator : CaseCommandValidator<Proto.ContributeRiskAssessmentRequest>
{
    public ContributeRiskAssessmentValidator()
    {
        RuleFor(x => x.RiskToPersonAndFamily).MustBeChosen();
        RuleFor(x => x.RiskOfReTrafficking).MustBeChosen();
        RuleFor(x => x.Level).MustBeChosen();
        RuleFor(x => x.NeedsOnArrival).MustBeNotes();
        RuleFor(x => x.Reasons).MustBeReason();
    }
}

/// <summary>Each side contributes as itself: the destination case worker for the sending side, the named agency for the receiving side.</summary>
public sealed class RiskAssessmentsService(ReturnCaseCommands cases) : Proto.RiskAssessments.RiskAssessmentsBase
{
    [Access(Roles.CaseWorker, Roles.ReceivingAgency)]
    public override Task<CaseVersion> ContributeRiskAssessment(Proto.ContributeRiskAssessmentRequest request, ServerCallContext context) =>
        cases.DecideToVersionAsync(
            request,
            (current, now) => new ContributeRiskAssessment(
                current.Id, cases.SideOf(current), ProtoValues.ToDomain<RiskLevel>(request.RiskToPersonAndFamily), ProtoValues.ToDomain<RiskLevel>(request.RiskOfReTrafficking),
                request.NeedsOnArrival.Trim(), ProtoValues.ToDomain<RiskLevel>(request.Level), request.Reasons.Trim(), now),
            current => cases.SideOf(current),
            context.CancellationToken);
}
