using Grpc.Core;
using Microsoft.Extensions.Caching.Memory;
using TipReferral.Portal.SigningIn;

namespace TipReferral.Portal.Calling;

/// <summary>
/// The purpose a person stated before reading personal data: each service records it with
/// every read. It is asked once per case (or per search) and kept on the server, for this
/// sign-in only, for <see cref="Lifetime"/>; it is never stored in the browser.
/// </summary>
public sealed class StatedPurposes(IMemoryCache cache, IHttpContextAccessor http)
{
    public const int MaxLength = 200;

    /// <summary>The scope of a purpose stated for searching, rather than for one case.</summary>
    public const string SearchScope = "search";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public string? For(string scope) => cache.TryGetValue(Key(scope), out string? purpose) ? purpose : null;

    public void State(string scope, string purpose) =>
        cache.Set(Key(scope), purpose.Trim(), new MemoryCacheEntryOptions { SlidingExpiration = Lifetime });

    /// <summary>The x-purpose header a service requires on every read of personal data.</summary>
    public static Metadata Header(string purpose) => new() { { "x-purpose", purpose } };

    private string Key(string scope)
    {
        var user = SignedInUser.From(http.HttpContext?.User ?? throw new InvalidOperationException("A purpose belongs to a request's user."));
        return $"purpose:{user.Session}:{scope}";
    }
}
