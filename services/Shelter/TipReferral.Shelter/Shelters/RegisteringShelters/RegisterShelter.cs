using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.Shelters;

public sealed record RegisterShelter(
    Guid ShelterId, string Name, string Country, string Agency, string Area, int Capacity,
    IReadOnlyList<ResidentGroup> Accepts, bool WheelchairAccessible, DateTimeOffset Now);

public static class ShelterRegistration
{
    public static IReadOnlyList<object> Decide(RegisterShelter command) =>
        [new ShelterRegistered(
            command.ShelterId, command.Name, command.Country, command.Agency, command.Area, command.Capacity,
            [.. command.Accepts.Distinct().Order()], command.WheelchairAccessible, command.Now)];
}

public sealed class RegisterShelterValidator : AbstractValidator<Proto.RegisterShelterRequest>
{
    public const int MaxCapacity = 10_000;

    public RegisterShelterValidator()
    {
        RuleFor(x => x.Name).MustBeShortText();
        RuleFor(x => x.Country).MustBeCountry();
        RuleFor(x => x.Agency).MustBeShortText();
        RuleFor(x => x.Area).MustBeShortText();
        RuleFor(x => x.Capacity).InclusiveBetween(1, MaxCapacity).WithMessage($"must be between 1 and {MaxCapacity} beds");
        RuleFor(x => x.Accepts).NotEmpty().WithMessage("name at least one group the shelter takes");
        RuleForEach(x => x.Accepts).MustBeChosen();
    }
}

public sealed partial class SheltersService
{
    [Access(Roles.Administrator, Roles.Supervisor)]
    public override async Task<Proto.RegisterShelterResponse> RegisterShelter(Proto.RegisterShelterRequest request, ServerCallContext context)
    {
        access.EnsureMayReach(request.Country);
        var id = Guid.CreateVersion7();
        var events = ShelterRegistration.Decide(new RegisterShelter(
            id, request.Name.Trim(), request.Country, request.Agency.Trim(), request.Area.Trim(), request.Capacity,
            [.. request.Accepts.Select(group => ProtoValues.ToDomain<ResidentGroup>(group))], request.WheelchairAccessible, clock.GetUtcNow()));
        session.Events.StartStream<RegisteredShelter>(id, events);
        await session.SaveChangesAsync(context.CancellationToken);
        return new Proto.RegisterShelterResponse { ShelterId = id.ToString(), Version = events.Count };
    }
}
