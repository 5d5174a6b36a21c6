using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace TipReferral.Portal.SigningIn;

/// <summary>
/// Keeps each session's ticket (claims and tokens) in the portal's memory; the cookie carries
/// only its random key. A restart signs everyone out, which is the safe failure. Several portal
/// replicas need sticky sessions or a distributed store behind this same interface.
/// </summary>
public sealed class ServerSideSessions(IMemoryCache cache, PortalOptions options, TimeProvider clock) : ITicketStore
{
    private const string Prefix = "portal-session:";

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Put(key, ticket);
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        Put(key, ticket);
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(cache.TryGetValue(Prefix + key, out AuthenticationTicket? ticket) ? ticket : null);

    public Task RemoveAsync(string key)
    {
        cache.Remove(Prefix + key);
        return Task.CompletedTask;
    }

    private void Put(string key, AuthenticationTicket ticket)
    {
        var expires = ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().Add(options.IdleTimeout);
        cache.Set(Prefix + key, ticket, new MemoryCacheEntryOptions { AbsoluteExpiration = expires, SlidingExpiration = options.IdleTimeout });
    }
}
