using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace TipReferral.Identity;

/// <summary>
/// The token endpoint's answer once OpenIddict has checked the request (client, code, PKCE
/// verifier, refresh token): the user is looked up again in the directory for every grant, so
/// a user removed from it can neither redeem a pending code nor refresh.
/// </summary>
public sealed class TokenGrants(UserDirectory directory, ClientRegistry clients, RedeemedCodes redeemed, TimeProvider time, IdentityProviderOptions options)
{
    public void Handle(HandleTokenRequestContext context)
    {
        var request = context.Request;
        var client = clients.Find(context.ClientId)!;
        if (request.IsPasswordGrantType())
        {
            SignIn(context, directory.Authenticate(request.Username, request.Password), request.GetScopes(), client, identityToken: false,
                "The username or password is not valid.");
        }
        else if (request.IsAuthorizationCodeGrantType() && context.AuthorizationCodePrincipal is { } code)
        {
            if (!redeemed.TryRedeem(request.Code!, code.GetExpirationDate() ?? time.GetUtcNow().Add(IdentityProviderModule.AuthorizationCodeLifetime)))
            {
                context.Reject(Errors.InvalidGrant, "The authorization code has already been redeemed.");
                return;
            }

            SignIn(context, directory.Find(code.GetClaim(Claims.Subject)), code.GetScopes(), client, identityToken: true,
                "The user of this authorization code is no longer known.");
        }
        else if (request.IsRefreshTokenGrantType() && context.RefreshTokenPrincipal is { } refresh)
        {
            SignIn(context, directory.Find(refresh.GetClaim(Claims.Subject)), refresh.GetScopes(), client, identityToken: true,
                "The user of this refresh token is no longer known.");
        }
        else
        {
            context.Reject(Errors.UnsupportedGrantType, "The grant type is not supported.");
        }
    }

    private void SignIn(HandleTokenRequestContext context, DemoUserAccount? user, IEnumerable<string> scopes, RegisteredClient client, bool identityToken, string refusal)
    {
        if (user is null)
        {
            context.Reject(Errors.InvalidGrant, refusal);
            return;
        }

        context.SignIn(UserPrincipals.For(user, scopes, client, options.Audience, identityToken));
    }
}
