using FluentValidation;
using Marten;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.Shelters;

/// <summary>
/// The Shelters gRPC service: the registry and its occupancy. Each capability adds its RPC to
/// this partial class from its own slice folder; this part holds the write path they share.
/// </summary>
public sealed partial class SheltersService(IDocumentSession session, TimeProvider clock, CaseAccess access) : Proto.Shelters.SheltersBase
{
    /// <summary>Fetch → check reach, then the expected version → decide → append only what was decided → commit.</summary>
    private async Task<ShelterVersion> DecideAsync(
        IShelterCommandRequest request, Func<RegisteredShelter, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(request.ShelterId);
        var stream = await session.Events.FetchForWriting<RegisteredShelter>(id, cancellationToken);
        var shelter = stream.Aggregate ?? throw new NotFoundException("shelter", request.ShelterId);
        access.EnsureMayReach(shelter.Country);
        ExpectedVersion.Ensure(request.HasExpectedVersion ? request.ExpectedVersion : null, stream.CurrentVersion, id);

        var events = decide(shelter, clock.GetUtcNow());
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            await session.SaveChangesAsync(cancellationToken);
        }

        return new ShelterVersion { ShelterId = request.ShelterId, Version = stream.CurrentVersion ?? 0 };
    }

    private static ShelterOccupancy ToOccupancy(RegisteredShelter shelter)
    {
        var proto = new ShelterOccupancy
        {
            ShelterId = shelter.Id.ToString(),
            Name = shelter.Name,
            Country = shelter.Country,
            Agency = shelter.Agency,
            Area = shelter.Area,
            WheelchairAccessible = shelter.WheelchairAccessible,
            Open = shelter.Open,
            Capacity = shelter.Capacity,
            Occupied = shelter.Occupied,
            FreeBeds = shelter.FreeBeds,
            Version = shelter.Version,
        };
        proto.Accepts.AddRange(shelter.Accepts.Select(group => ServiceDefaults.Grpc.ProtoValues.ToProto<Proto.ResidentGroup>(group)));
        return proto;
    }
}

/// <summary>The rules every request that changes a shelter shares: a shelter id, and a version of zero or more if given.</summary>
public abstract class ShelterCommandValidator<TRequest> : AbstractValidator<TRequest>
    where TRequest : IShelterCommandRequest
{
    protected ShelterCommandValidator()
    {
        RuleFor(x => x.ShelterId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeVersion();
    }
}
