using FluentValidation;
using Grpc.Core;
using Marten;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;

namespace TipReferral.Shelter.Shelters;

public sealed class GetOccupancyValidator : AbstractValidator<GetOccupancyRequest>
{
    public GetOccupancyValidator() => RuleFor(x => x.Country).MustBeCountry();
}

public sealed partial class SheltersService
{
    /// <summary>Beds, occupied and free, per shelter and for the country: counts only, no person.</summary>
    [Access(Roles.ShelterStaff, Roles.CaseWorker, Roles.Screener, Roles.Supervisor, Roles.Administrator, Roles.Statistician)]
    public override async Task<Occupancy> GetOccupancy(GetOccupancyRequest request, ServerCallContext context)
    {
        access.EnsureMayReach(request.Country);
        var shelters = await session.Query<RegisteredShelter>()
            .Where(s => s.Country == request.Country)
            .OrderBy(s => s.Name)
            .ToListAsync(context.CancellationToken);
        var occupancy = new Occupancy
        {
            Country = request.Country,
            Capacity = shelters.Sum(s => s.Capacity),
            Occupied = shelters.Sum(s => s.Occupied),
            FreeBeds = shelters.Sum(s => s.FreeBeds),
        };
        occupancy.Shelters.AddRange(shelters.Select(ToOccupancy));
        return occupancy;
    }
}
