using FluentValidation;
using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Shelter.V1;
namespace TipReferral.Shelter.ShelterCases;

public sealed class ExtendReflectionPeriodValidator : CaseCommandValidator<Proto.ExtendReflectionPeriodRequest>
{
    public const int MaxExtensionDays = 365;

    public ExtendReflectionPeriodValidator()
    {
        RuleFor(x => x.AdditionalDays).InclusiveBetween(1, MaxExtensionDays).WithMessage($"must be between 1 and {MaxExtensionDays} days");
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed class EndReflectionPeriodEarlyValidator : CaseCommandValidator<Proto.EndReflectionPeriodEarlyRequest>
{
    public EndReflectionPeriodEarlyValidator()
    {
        RuleFor(x => x.RequestedOn).MustBeDate();
        RuleFor(x => x.RequestStatement).MustBeReason();
    }
}

public sealed partial class ShelterCasesService
{
    [Access(Roles.ShelterStaff, Roles.Supervisor)]
    public override Task<CaseVersion> ExtendReflectionPeriod(Proto.ExtendReflectionPeriodRequest request, ServerCallContext context) =>
        DecideAsync(
            request, (caseId, now) => new ExtendReflectionPeriod(caseId, request.AdditionalDays, request.Reason.Trim(), now), context.CancellationToken);

    /// <summary>Records the person's own request to end the period early; without it (requested_by_person false) it is refused.</summary>
    [Access(Roles.ShelterStaff, Roles.Supervisor)]
    public override Task<CaseVersion> EndReflectionPeriodEarly(Proto.EndReflectionPeriodEarlyRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new EndReflectionPeriodEarly(
                caseId, request.RequestedByPerson, ProtoValues.ToDateOnly(request.RequestedOn), request.RequestStatement.Trim(), now),
            context.CancellationToken);
}
