using FluentValidation;
using Grpc.Core;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.Shelters;

/// <summary>
/// A closed shelter takes nobody new; the people it houses stay until each is transferred or
/// discharged, since closing a door on a list must never put a person on the street.
/// </summary>
public static class Opening
{
    public static IReadOnlyList<object> Close(RegisteredShelter shelter, string reason, DateTimeOffset now) =>
        shelter.Open ? [new ShelterClosed(shelter.Id, reason, now)] : [];

    public static IReadOnlyList<object> Reopen(RegisteredShelter shelter, string reason, DateTimeOffset now) =>
        shelter.Open ? [] : [new ShelterReopened(shelter.Id, reason, now)];
}

public sealed class CloseShelterValidator : ShelterCommandValidator<CloseShelterRequest>
{
    public CloseShelterValidator() => RuleFor(x => x.Reason).MustBeReason();
}

public sealed class ReopenShelterValidator : ShelterCommandValidator<ReopenShelterRequest>
{
    public ReopenShelterValidator() => RuleFor(x => x.Reason).MustBeReason();
}

public sealed partial class SheltersService
{
    [Access(Roles.Administrator, Roles.Supervisor)]
    public override Task<ShelterVersion> CloseShelter(CloseShelterRequest request, ServerCallContext context) =>
        DecideAsync(request, (shelter, now) => Opening.Close(shelter, request.Reason.Trim(), now), context.CancellationToken);

    [Access(Roles.Administrator, Roles.Supervisor)]
    public override Task<ShelterVersion> ReopenShelter(ReopenShelterRequest request, ServerCallContext context) =>
        DecideAsync(request, (shelter, now) => Opening.Reopen(shelter, request.Reason.Trim(), now), context.CancellationToken);
}
