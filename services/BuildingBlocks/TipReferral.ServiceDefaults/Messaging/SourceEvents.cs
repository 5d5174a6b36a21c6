using JasperFx.Events;
using MassTransit;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.EventStore;

namespace TipReferral.ServiceDefaults.Messaging;

/// <summary>
/// An event of another service, as a consuming service notes it: which service, which event,
/// when, and who acted. It lets a service show what set a state it depends on (a hard gate
/// before travel, say) without asking the other service again.
/// </summary>
public sealed record SourceEvent(string Service, string EventType, DateTimeOffset OccurredAt, Caller? Actor);

public static class SourceEvents
{
    private const string UserHeader = "tipreferral-actor-user";
    private const string RoleHeader = "tipreferral-actor-role";
    private const string AgencyHeader = "tipreferral-actor-agency";
    private const string CountryHeader = "tipreferral-actor-country";

    /// <summary>The publisher's side: the stored event's actor travels with the integration event as headers.</summary>
    internal static void SetActor(SendHeaders headers, IEvent storedEvent)
    {
        if (storedEvent.UserName is not { Length: > 0 } user)
        {
            return;
        }

        headers.Set(UserHeader, user);
        headers.Set(RoleHeader, CaseHistoryReader.Header(storedEvent, EventHeaders.ActorRole));
        headers.Set(AgencyHeader, CaseHistoryReader.Header(storedEvent, EventHeaders.ActorAgency));
        headers.Set(CountryHeader, CaseHistoryReader.Header(storedEvent, EventHeaders.ActorCountry));
    }

    /// <summary>The consumer's side: the message as a source event of <paramref name="service"/>; the actor is null for a service's own decisions (a timer).</summary>
    public static SourceEvent SourceOf<T>(this ConsumeContext<T> context, string service, DateTimeOffset occurredAt)
        where T : class
    {
        var headers = context.Headers;
        var actor = headers.Get<string>(UserHeader) is { Length: > 0 } user
            ? new Caller(user, headers.Get<string>(RoleHeader) ?? "", headers.Get<string>(AgencyHeader) ?? "", headers.Get<string>(CountryHeader) ?? "")
            : null;
        return new SourceEvent(service, typeof(T).Name.Replace("IntegrationEvent", "", StringComparison.Ordinal), occurredAt, actor);
    }
}
