using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TipReferral.Identity;

/// <summary>The claims OpenIddict turns into tokens for a demo user, whichever grant signed them in.</summary>
public static class UserPrincipals
{
    /// <summary>The claims every access token carries beside "sub", "name" and "role".</summary>
    public const string AgencyClaim = "agency";
    public const string CountryClaim = "country";

    /// <summary>
    /// A principal for <paramref name="user"/> with the granted <paramref name="scopes"/>.
    /// offline_access is dropped for a client that may not refresh, so it never holds a refresh
    /// token it cannot use. <paramref name="identityToken"/>: the claims also go into the
    /// identity token, so a browser client (the portal) knows who signed in and with what role.
    /// </summary>
    public static ClaimsPrincipal For(DemoUserAccount user, IEnumerable<string> scopes, RegisteredClient client, string audience, bool identityToken)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role)
            .SetClaim(Claims.Subject, user.Username)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.Role, user.Role)
            .SetClaim(AgencyClaim, user.Agency)
            .SetClaim(CountryClaim, user.Country.ToUpperInvariant());
        identity.SetScopes(scopes.Where(scope => scope != Scopes.OfflineAccess || client.Allows(GrantTypes.RefreshToken)));
        identity.SetAudiences(audience);
        string[] destinations = identityToken ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken];
        identity.SetDestinations(_ => destinations);
        return new ClaimsPrincipal(identity);
    }
}
