using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.Shelters;

public sealed record ChangeShelterCapacity(int Capacity, string Reason, DateTimeOffset Now);

public static class CapacityChange
{
    public const string BelowOccupancyRule = "capacity-below-occupancy";

    public static IReadOnlyList<object> Decide(ChangeShelterCapacity command, RegisteredShelter shelter)
    {
        if (command.Capacity == shelter.Capacity)
        {
            return [];
        }

        if (command.Capacity < shelter.Occupied)
        {
            throw new RuleViolationException(
                BelowOccupancyRule,
                $"Shelter {shelter.Name} houses {shelter.Occupied} people; its capacity cannot drop to {command.Capacity} beds until some are transferred or discharged.");
        }

        return [new ShelterCapacityChanged(shelter.Id, command.Capacity, command.Reason, command.Now)];
    }
}

public sealed class ChangeShelterCapacityValidator : ShelterCommandValidator<Proto.ChangeShelterCapacityRequest>
{
    public ChangeShelterCapacityValidator()
    {
        RuleFor(x => x.Capacity).InclusiveBetween(1, RegisterShelterValidator.MaxCapacity)
            .WithMessage($"must be between 1 and {RegisterShelterValidator.MaxCapacity} beds");
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed partial class SheltersService
{
    [Access(Roles.Administrator, Roles.Supervisor)]
    public override Task<Proto.ShelterVersion> ChangeShelterCapacity(Proto.ChangeShelterCapacityRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (shelter, now) => CapacityChange.Decide(new ChangeShelterCapacity(request.Capacity, request.Reason.Trim(), now), shelter),
            context.CancellationToken);
}
