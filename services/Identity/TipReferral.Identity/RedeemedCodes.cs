using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace TipReferral.Identity;

/// <summary>
/// Authorization codes already exchanged for tokens. Without a database OpenIddict's codes are
/// self-contained (encrypted, not stored), so it cannot tell a second redemption from the first;
/// RFC 6749 §4.1.2 requires refusing it, because a replayed code means it leaked. A code is
/// remembered until it expires, after which OpenIddict refuses it anyway. In memory, hence per
/// replica: the development provider runs as one instance.
/// </summary>
public sealed class RedeemedCodes(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> redeemed = new(StringComparer.Ordinal);

    /// <summary>True the first time <paramref name="code"/> is redeemed, false ever after (until it expires).</summary>
    public bool TryRedeem(string code, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow();
        foreach (var (key, expiry) in redeemed)
        {
            if (expiry < now)
            {
                redeemed.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiry));
            }
        }

        // A digest, so the memory never holds a redeemable code.
        return redeemed.TryAdd(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code))), expiresAt);
    }
}
