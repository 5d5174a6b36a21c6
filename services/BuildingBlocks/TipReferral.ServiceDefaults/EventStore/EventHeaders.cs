namespace TipReferral.ServiceDefaults.EventStore;

/// <summary>
/// Names of the Marten event headers that record who acted and why. Together with Marten's
/// own user name, timestamp, correlation and causation columns they make each stored event
/// a complete audit entry; the "why" is part of the events whose rules ask for one
/// (see <see cref="TipReferral.Domain.IHasReason"/>).
/// </summary>
public static class EventHeaders
{
    public const string ActorRole = "actor-role";
    public const string ActorAgency = "actor-agency";
    public const string ActorCountry = "actor-country";
}
