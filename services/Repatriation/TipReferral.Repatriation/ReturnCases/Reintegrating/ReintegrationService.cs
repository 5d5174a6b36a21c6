using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Marten;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Repatriation.ReturnCases;

public sealed class RecordReintegrationPlanValidator : CaseCommandValidator<Proto.RecordReintegrationPlanRequest>
{
    public RecordReintegrationPlanValidator()
    {
        RuleFor(x => x.Goals).NotEmpty().WithMessage("a plan has at least one goal");
        RuleForEach(x => x.Goals).ChildRules(goal =>
        {
            goal.RuleFor(g => g.Area).MustBeChosen();
            goal.RuleFor(g => g.Support).MustBeNotes();
        });
    }
}

public sealed class ScheduleFollowUpVisitValidator : CaseCommandValidator<Proto.ScheduleFollowUpVisitRequest>
{
    public ScheduleFollowUpVisitValidator() => RuleFor(x => x.DueOn).MustBeDate();
}

public sealed class RecordFollowUpVisitValidator : CaseCommandValidator<Proto.RecordFollowUpVisitRequest>
{
    public RecordFollowUpVisitValidator()
    {
        RuleFor(x => x.VisitId).MustBeId();
        RuleFor(x => x.VisitedOn).MustBeDate();
        RuleFor(x => x.Notes).MustBeNotes();
    }
}

public sealed class CloseReturnCaseValidator : CaseCommandValidator<Proto.CloseReturnCaseRequest>
{
    public CloseReturnCaseValidator()
    {
        RuleFor(x => x.Outcome).MustBeChosen();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed class ListOverdueFollowUpVisitsValidator : AbstractValidator<Proto.ListOverdueFollowUpVisitsRequest>;

/// <summary>From handover on, the receiving agency owns the reintegration part of the case.</summary>
public sealed class ReintegrationService(ReturnCaseCommands cases) : Proto.Reintegration.ReintegrationBase
{
    [Access(Roles.ReceivingAgency)]
    public override Task<CaseVersion> RecordReintegrationPlan(Proto.RecordReintegrationPlanRequest request, ServerCallContext context) =>
        cases.DecideToVersionAsync(
            request,
            (current, now) => new RecordReintegrationPlan(
                current.Id, [.. request.Goals.Select(g => new ReintegrationGoal(ProtoValues.ToDomain<ReintegrationArea>(g.Area), g.Support.Trim()))], now),
            cases.EnsureReceivingAgency,
            context.CancellationToken);

    [Access(Roles.ReceivingAgency)]
    public override async Task<Proto.FollowUpVisitVersion> ScheduleFollowUpVisit(Proto.ScheduleFollowUpVisitRequest request, ServerCallContext context)
    {
        var visitId = Guid.NewGuid();
        var (version, _) = await cases.DecideAsync(
            request,
            (current, now) => new ScheduleFollowUpVisit(current.Id, visitId, ProtoValues.ToDateOnly(request.DueOn), now),
            cases.EnsureReceivingAgency,
            context.CancellationToken);
        return new Proto.FollowUpVisitVersion { CaseId = request.CaseId, VisitId = visitId.ToString(), Version = version };
    }

    [Access(Roles.ReceivingAgency)]
    public override Task<CaseVersion> RecordFollowUpVisit(Proto.RecordFollowUpVisitRequest request, ServerCallContext context) =>
        cases.DecideToVersionAsync(
            request,
            (current, now) => new RecordFollowUpVisit(current.Id, Guid.Parse(request.VisitId), ProtoValues.ToDateOnly(request.VisitedOn), request.Notes.Trim(), now),
            cases.EnsureReceivingAgency,
            context.CancellationToken);

    [Access(Roles.ReceivingAgency)]
    public override Task<CaseVersion> CloseReturnCase(Proto.CloseReturnCaseRequest request, ServerCallContext context) =>
        cases.DecideToVersionAsync(
            request,
            (current, now) => new CloseReturnCase(current.Id, ProtoValues.ToDomain<ReturnOutcome>(request.Outcome), request.Reason.Trim(), now),
            cases.EnsureReceivingAgency,
            context.CancellationToken);

    /// <summary>Overdue visits of the caller's own agency (a receiving agency) or country (its supervisors), soonest due first.</summary>
    [Access(Roles.ReceivingAgency, Roles.Supervisor)]
    public override async Task<Proto.OverdueFollowUpVisitList> ListOverdueFollowUpVisits(Proto.ListOverdueFollowUpVisitsRequest request, ServerCallContext context)
    {
        var caller = cases.Caller;
        var handedOver = await cases.Session.Query<ReturnCase>()
            .Where(c => c.Referral != null && c.Referral.Status == ReferralStatus.HandedOver && c.Referral.ReceivingCountry == caller.Country)
            .ToListAsync(context.CancellationToken);
        var list = new Proto.OverdueFollowUpVisitList();
        list.Visits.AddRange(handedOver
            .Where(c => caller.Role != Roles.ReceivingAgency || string.Equals(c.Referral!.ReceivingAgency, caller.Agency, StringComparison.OrdinalIgnoreCase))
            .SelectMany(c => c.Referral!.Visits.Where(v => v.IsPending && v.AlertedAt is not null).Select(v => (Case: c, Visit: v)))
            .OrderBy(x => x.Visit.DueOn)
            .Select(x => new Proto.OverdueFollowUpVisit
            {
                CaseId = x.Case.Id.ToString(),
                CaseReference = x.Case.Reference,
                VisitId = x.Visit.Id.ToString(),
                DueOn = x.Visit.DueOn.ToProto(),
                AlertedAt = Timestamp.FromDateTimeOffset(x.Visit.AlertedAt!.Value),
            }));
        return list;
    }
}
