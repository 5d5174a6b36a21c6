using Marten;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Security;

namespace TipReferral.ServiceDefaults.EventStore;

/// <summary>
/// Every session opened for a request carries the caller, so every event it appends is
/// stamped with user, role, agency and country, whichever handler wrote it.
/// </summary>
public sealed class CallerStampingSessionFactory(IDocumentStore store, ICallerAccessor callers) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession();

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession();
        if (callers.Current is { } caller)
        {
            session.StampWith(caller);
        }

        return session;
    }
}

public static class SessionStamping
{
    public static void StampWith(this IDocumentSession session, Caller caller)
    {
        session.LastModifiedBy = caller.UserId;
        session.SetHeader(EventHeaders.ActorRole, caller.Role);
        session.SetHeader(EventHeaders.ActorAgency, caller.Agency);
        session.SetHeader(EventHeaders.ActorCountry, caller.Country);
    }
}
