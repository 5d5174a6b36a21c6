using FluentValidation;
using Grpc.Core;
using Marten;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;

namespace TipReferral.Shelter.Shelters;

/// <summary>Which shelters could admit a person now: the same rules admission decides by, so a shelter found here is one admission accepts.</summary>
public static class Suitability
{
    public static bool Suits(this RegisteredShelter shelter, ResidentGroup group, bool needsWheelchairAccess) =>
        shelter.Open && shelter.Takes(group) && (!needsWheelchairAccess || shelter.WheelchairAccessible);

    public static IEnumerable<RegisteredShelter> WithSuitableFreeBed(this IEnumerable<RegisteredShelter> shelters, ResidentGroup group, bool needsWheelchairAccess) =>
        shelters.Where(s => s.Suits(group, needsWheelchairAccess) && s.FreeBeds > 0)
            .OrderByDescending(s => s.FreeBeds)
            .ThenBy(s => s.Name, StringComparer.Ordinal);
}

public sealed class FindSuitableSheltersValidator : AbstractValidator<FindSuitableSheltersRequest>
{
    public FindSuitableSheltersValidator()
    {
        RuleFor(x => x.Country).MustBeCountry();
        RuleFor(x => x.Group).MustBeChosen();
    }
}

public sealed partial class SheltersService
{
    [Access(Roles.ShelterStaff, Roles.CaseWorker, Roles.Screener, Roles.Supervisor)]
    public override async Task<FindSuitableSheltersResponse> FindSuitableShelters(FindSuitableSheltersRequest request, ServerCallContext context)
    {
        access.EnsureMayReach(request.Country);
        var group = ProtoValues.ToDomain<ResidentGroup>(request.Group);
        var shelters = await session.Query<RegisteredShelter>().Where(s => s.Country == request.Country && s.Open).ToListAsync(context.CancellationToken);
        var response = new FindSuitableSheltersResponse();
        response.Shelters.AddRange(shelters.WithSuitableFreeBed(group, request.NeedsWheelchairAccess).Select(ToOccupancy));
        return response;
    }
}
