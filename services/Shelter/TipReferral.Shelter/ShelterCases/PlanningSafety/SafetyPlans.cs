using FluentValidation;
using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.ShelterCases;

public sealed record RecordSafetyPlan(Guid CaseId, DateOnly AgreedOn, DateOnly ReviewBy, string Measures, Caller RecordedBy, DateTimeOffset Now)
    : ShelterCaseCommand(CaseId, Now);

/// <summary>The first safety plan agreed with the person.</summary>
public sealed record SafetyPlanAgreed(Guid CaseId, DateOnly AgreedOn, DateOnly ReviewBy, [PersonalData] string Measures, Caller RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A review of the plan: the measures as they stand after it, and when to review next.</summary>
public sealed record SafetyPlanReviewed(
    Guid CaseId, DateOnly ReviewedOn, DateOnly NextReviewBy, [PersonalData] string Measures, Caller RecordedBy, DateTimeOffset RecordedAt);

public static class SafetyPlans
{
    public const string ReviewDateRule = "review-date-after-plan";

    public static IReadOnlyList<object> Decide(RecordSafetyPlan command, ShelterCase state)
    {
        NeedsAssessments.EnsureNotInFuture(command.AgreedOn, command.Now, "safety plan");
        if (command.ReviewBy <= command.AgreedOn)
        {
            throw new RuleViolationException(ReviewDateRule, $"A safety plan's review date ({command.ReviewBy:yyyy-MM-dd}) must come after the day it is agreed ({command.AgreedOn:yyyy-MM-dd}).");
        }

        return state.SafetyPlans.Count == 0
            ? [new SafetyPlanAgreed(command.CaseId, command.AgreedOn, command.ReviewBy, command.Measures, command.RecordedBy, command.Now)]
            : [new SafetyPlanReviewed(command.CaseId, command.AgreedOn, command.ReviewBy, command.Measures, command.RecordedBy, command.Now)];
    }

    /// <summary>The current plan's review date has passed.</summary>
    public static bool ReviewOverdue(ShelterCase state, DateTimeOffset now) =>
        state.SafetyPlans.Count > 0 && state.SafetyPlans[^1].ReviewBy < DateOnly.FromDateTime(now.UtcDateTime);
}

public sealed class RecordSafetyPlanValidator : CaseCommandValidator<Proto.RecordSafetyPlanRequest>
{
    public RecordSafetyPlanValidator()
    {
        RuleFor(x => x.AgreedOn).MustBeDate();
        RuleFor(x => x.ReviewBy).MustBeDate();
        RuleFor(x => x.Measures).MustBeNotes();
    }
}

public sealed partial class ShelterCasesService
{
    [Access(Roles.ShelterStaff, Roles.Supervisor)]
    public override Task<CaseVersion> RecordSafetyPlan(Proto.RecordSafetyPlanRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new RecordSafetyPlan(
                caseId, ProtoValues.ToDateOnly(request.AgreedOn), ProtoValues.ToDateOnly(request.ReviewBy), request.Measures.Trim(), access.Caller, now),
            context.CancellationToken);
}
