using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace TipReferral.Identity;

/// <summary>
/// What OpenIddict leaves to the host in degraded mode (it has no application store): is the
/// client known, may it use this flow, is its secret right, and is the address it wants the
/// browser sent to one it registered. A rejected request is never redirected to the client.
/// </summary>
public static class ClientRequests
{
    public static void ValidateToken(ValidateTokenRequestContext context, ClientRegistry clients)
    {
        if (clients.Find(context.ClientId) is not { } client)
        {
            context.Reject(Errors.InvalidClient, "The client application is not known to this provider.");
        }
        else if (!client.Authenticates(context.ClientSecret))
        {
            context.Reject(Errors.InvalidClient, client.IsConfidential
                ? "The client secret is missing or not valid."
                : "The client application is public and must not send a secret.");
        }
        else if (!client.Allows(context.Request.GrantType))
        {
            context.Reject(Errors.UnauthorizedClient, $"The client application may not use the {context.Request.GrantType} grant.");
        }
    }

    public static void ValidateAuthorization(ValidateAuthorizationRequestContext context, ClientRegistry clients)
    {
        if (clients.Find(context.ClientId) is not { } client)
        {
            context.Reject(Errors.InvalidClient, "The client application is not known to this provider.");
        }
        else if (!client.Allows(GrantTypes.AuthorizationCode))
        {
            context.Reject(Errors.UnauthorizedClient, "The client application may not use the authorization code flow.");
        }
        else if (!client.IsRedirectUri(context.RedirectUri))
        {
            context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered for this client application.");
        }
    }

    /// <summary>
    /// The client is named by client_id or, as ASP.NET Core's handler sends it, by the audience
    /// of the id_token_hint; with neither, any client's registered address will do.
    /// </summary>
    public static void ValidateEndSession(ValidateEndSessionRequestContext context, ClientRegistry clients)
    {
        if (context.PostLogoutRedirectUri is null)
        {
            return;
        }

        IEnumerable<string> named = context.ClientId is { } clientId ? [clientId] : context.IdentityTokenHintPrincipal?.GetAudiences() ?? [];
        var candidates = named.Any() ? named.Select(clients.Find).OfType<RegisteredClient>() : clients.All;
        if (!candidates.Any(client => client.IsPostLogoutRedirectUri(context.PostLogoutRedirectUri)))
        {
            context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not registered for this client application.");
        }
    }
}
