using System.Text.Json.Serialization;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using TipReferral.Domain;

namespace TipReferral.Shelter.Shelters;

/// <summary>Who a shelter can take. A person is placed as one of these; nothing assumes a gender.</summary>
public enum ResidentGroup
{
    Women,
    Men,
    Children,
    Families,
}

/// <summary>
/// A shelter of the registry and who occupies its beds: the state its deciders decide on and
/// (inline, in the same transaction as its events) the document occupancy queries read.
/// Occupants are case ids only; where a person is housed is read through the case.
/// </summary>
public sealed record RegisteredShelter(
    Guid Id,
    string Name,
    string Country,
    string Agency,
    string Area,
    int Capacity,
    IReadOnlyList<ResidentGroup> Accepts,
    bool WheelchairAccessible,
    bool Open,
    IReadOnlyList<Guid> Occupants,
    long Version)
{
    [JsonIgnore]
    public int Occupied => Occupants.Count;

    /// <summary>Beds free for a new admission; none in a closed shelter, none below zero if capacity was cut.</summary>
    [JsonIgnore]
    public int FreeBeds => Open ? Math.Max(0, Capacity - Occupied) : 0;

    public bool Takes(ResidentGroup group) => Accepts.Contains(group);
}

public sealed record ShelterRegistered(
    Guid ShelterId,
    string Name,
    string Country,
    string Agency,
    string Area,
    int Capacity,
    IReadOnlyList<ResidentGroup> Accepts,
    bool WheelchairAccessible,
    DateTimeOffset RegisteredAt);

public sealed record ShelterCapacityChanged(Guid ShelterId, int Capacity, string Reason, DateTimeOffset ChangedAt) : IHasReason;

public sealed record ShelterClosed(Guid ShelterId, string Reason, DateTimeOffset ClosedAt) : IHasReason;

public sealed record ShelterReopened(Guid ShelterId, string Reason, DateTimeOffset ReopenedAt) : IHasReason;

/// <summary>An event of a shelter's own stream that a decision on a victim case produces: a bed taken or freed.</summary>
public interface IShelterBedEvent
{
    Guid ShelterId { get; }
}

public sealed record ShelterBedTaken(Guid ShelterId, Guid CaseId, DateTimeOffset TakenAt) : IShelterBedEvent;

public sealed record ShelterBedReleased(Guid ShelterId, Guid CaseId, DateTimeOffset ReleasedAt) : IShelterBedEvent;

public static class ShelterEvolution
{
    public static RegisteredShelter? Evolve(RegisteredShelter? shelter, object e) => e switch
    {
        ShelterRegistered r => new RegisteredShelter(r.ShelterId, r.Name, r.Country, r.Agency, r.Area, r.Capacity, r.Accepts, r.WheelchairAccessible, Open: true, Occupants: [], Version: 0),
        ShelterCapacityChanged c when shelter is not null => shelter with { Capacity = c.Capacity },
        ShelterClosed when shelter is not null => shelter with { Open = false },
        ShelterReopened when shelter is not null => shelter with { Open = true },
        ShelterBedTaken t when shelter is not null => shelter with { Occupants = [.. shelter.Occupants.Where(id => id != t.CaseId), t.CaseId] },
        ShelterBedReleased r when shelter is not null => shelter with { Occupants = [.. shelter.Occupants.Where(id => id != r.CaseId)] },
        _ => shelter,
    };
}

public sealed class ShelterProjection : SingleStreamProjection<RegisteredShelter, Guid>
{
    public override RegisteredShelter? Evolve(RegisteredShelter? snapshot, Guid id, IEvent e) =>
        ShelterEvolution.Evolve(snapshot, e.Data) is { } evolved ? evolved with { Version = e.Version } : null;

    public static void Register(StoreOptions opts)
    {
        opts.Projections.Add<ShelterProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<RegisteredShelter>().Index(x => x.Country);
    }
}
