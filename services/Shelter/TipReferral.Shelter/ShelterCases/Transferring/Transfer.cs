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

public sealed record TransferToShelter(Guid CaseId, Guid ToShelterId, string Reason, EmergencyException? EmergencyException, DateTimeOffset Now)
    : ShelterCaseCommand(CaseId, Now)
{
    public override IEnumerable<Guid> SheltersTouched(ShelterCase? state) =>
        state?.CurrentPlacement is { } current ? [current.ShelterId, ToShelterId] : [ToShelterId];
}

public sealed record VictimTransferredToShelter(
    Guid CaseId, Guid FromShelterId, Guid ToShelterId, string ToShelterName, [PersonalData] string Reason, EmergencyException? EmergencyException,
    DateTimeOffset TransferredAt) : IHasReason;

public static class Transfer
{
    public const string NotInShelterRule = "not-in-shelter";

    /// <summary>The bed in the new shelter is taken and the old one freed in one decision: the person is never without a bed, nor counted twice.</summary>
    public static IReadOnlyList<object> Decide(TransferToShelter command, ShelterCase state, IReadOnlyDictionary<Guid, RegisteredShelter> shelters)
    {
        var current = state.CurrentPlacement
            ?? throw new RuleViolationException(NotInShelterRule, $"Case {state.Reference} is not in a shelter; admit the person instead.");
        if (current.ShelterId == command.ToShelterId)
        {
            return [];
        }

        var target = shelters.TryGetValue(command.ToShelterId, out var found) ? found : throw new NotFoundException("shelter", command.ToShelterId.ToString());
        Admission.EnsureMayHouse(state, target, current.Group);
        Admission.EnsureGuardianOrException(state, command.EmergencyException);
        Admission.EnsureAccessible(target, current.NeedsWheelchairAccess);
        Admission.EnsureFreeBed(target);

        return
        [
            new VictimTransferredToShelter(
                command.CaseId, current.ShelterId, target.Id, target.Name, command.Reason, state.IsPresumedChild ? command.EmergencyException : null, command.Now),
            new ShelterBedReleased(current.ShelterId, command.CaseId, command.Now),
            new ShelterBedTaken(target.Id, command.CaseId, command.Now),
        ];
    }
}

public sealed class TransferToShelterValidator : CaseCommandValidator<Proto.TransferToShelterRequest>
{
    public TransferToShelterValidator()
    {
        RuleFor(x => x.ToShelterId).MustBeId();
        RuleFor(x => x.Reason).MustBeReason();
        When(x => x.EmergencyException is not null, () => RuleFor(x => x.EmergencyException.Reason).MustBeReason());
    }
}

public sealed partial class ShelterCasesService
{
    [Access(Roles.ShelterStaff, Roles.Supervisor)]
    public override Task<CaseVersion> TransferToShelter(Proto.TransferToShelterRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new TransferToShelter(
                caseId, Guid.Parse(request.ToShelterId), request.Reason.Trim(), ShelterCaseMapping.ToDomain(request.EmergencyException), now),
            context.CancellationToken);
}
