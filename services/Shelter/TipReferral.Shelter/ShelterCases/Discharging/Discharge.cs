using FluentValidation;
using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using TipReferral.Shelter.Shelters;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.ShelterCases;

public sealed record DischargeFromShelter(Guid CaseId, DischargeReason DischargeReason, string Reason, DateTimeOffset Now) : ShelterCaseCommand(CaseId, Now)
{
    public override IEnumerable<Guid> SheltersTouched(ShelterCase? state) => state?.CurrentPlacement is { } current ? [current.ShelterId] : [];
}

public sealed record VictimDischargedFromShelter(Guid CaseId, Guid ShelterId, DischargeReason DischargeReason, [PersonalData] string Reason, DateTimeOffset DischargedAt)
    : IHasReason;

public static class Discharge
{
    public static IReadOnlyList<object> Decide(DischargeFromShelter command, ShelterCase state)
    {
        if (state.CurrentPlacement is not { } current)
        {
            return state.Status == PlacementStatus.Discharged && state.Placements[^1].LeftBecause == command.DischargeReason
                ? []
                : throw new RuleViolationException(Transfer.NotInShelterRule, $"Case {state.Reference} is not in a shelter.");
        }

        return
        [
            new VictimDischargedFromShelter(command.CaseId, current.ShelterId, command.DischargeReason, command.Reason, command.Now),
            new ShelterBedReleased(current.ShelterId, command.CaseId, command.Now),
        ];
    }
}

public sealed class DischargeFromShelterValidator : CaseCommandValidator<Proto.DischargeFromShelterRequest>
{
    public DischargeFromShelterValidator()
    {
        RuleFor(x => x.DischargeReason).MustBeChosen();
        RuleFor(x => x.Reason).MaximumLength(RuleBuilderExtensions.MaxReasonLength);
        When(x => x.DischargeReason == Proto.DischargeReason.Other, () => RuleFor(x => x.Reason).MustBeReason());
    }
}

public sealed partial class ShelterCasesService
{
    [Access(Roles.ShelterStaff, Roles.Supervisor)]
    public override Task<CaseVersion> DischargeFromShelter(Proto.DischargeFromShelterRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new DischargeFromShelter(caseId, ProtoValues.ToDomain<DischargeReason>(request.DischargeReason), request.Reason.Trim(), now),
            context.CancellationToken);
}
