using Microsoft.AspNetCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TipReferral.Identity;

/// <summary>
/// The browser side of the provider, behind OpenIddict's passthrough: the authorization
/// endpoint signs in the user of the provider's own session cookie, or shows the sign-in form;
/// the form signs the cookie in and sends the browser back to the same authorization request;
/// the end-session endpoint clears the cookie.
/// </summary>
public static class SignInEndpoints
{
    public const string SessionScheme = "TipReferral.Identity.Session";
    public const string AuthorizationPath = "/connect/authorize";
    public const string EndSessionPath = "/connect/endsession";
    public const string LoginPath = "/account/login";
    public const string ReturnUrlField = "returnUrl";

    public static void Map(WebApplication app)
    {
        app.MapMethods(AuthorizationPath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        app.MapPost(LoginPath, LogInAsync);
        // As a Delegate: an HttpContext-only method group would bind as a RequestDelegate and drop the result.
        app.MapMethods(EndSessionPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync);
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserDirectory directory, ClientRegistry clients, IAntiforgery antiforgery, IdentityProviderOptions options)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not pass an authorization request on.");
        var session = await http.AuthenticateAsync(SessionScheme);
        if (directory.Find(session.Principal?.FindFirstValue(Claims.Subject)) is { } user)
        {
            // OpenIddict has validated the client (ClientRequests.ValidateAuthorization).
            var client = clients.Find(request.ClientId)!;
            return Results.SignIn(UserPrincipals.For(user, request.GetScopes(), client, options.Audience, identityToken: true),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.HasPromptValue(PromptValues.None))
        {
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user is not signed in.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        // Rebuilt from the parsed parameters, so a POSTed authorization request round-trips too.
        var returnUrl = http.Request.PathBase + AuthorizationPath + QueryString.Create(
            request.GetParameters().Select(parameter => new KeyValuePair<string, string?>(parameter.Key, (string?)parameter.Value)));
        return LoginPage.Form(http, antiforgery, LoginPage.Culture(request.UiLocales), returnUrl, RedirectOrigin(returnUrl, clients), username: null, failed: false);
    }

    private static async Task<IResult> LogInAsync(HttpContext http, UserDirectory directory, ClientRegistry clients, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var form = await http.Request.ReadFormAsync();
        var returnUrl = form[ReturnUrlField].ToString();
        // Only ever back to this provider's authorization endpoint: never an open redirect.
        if (!returnUrl.StartsWith(http.Request.PathBase + AuthorizationPath + "?", StringComparison.Ordinal))
        {
            return Results.BadRequest();
        }

        var username = form["username"].ToString();
        if (directory.Authenticate(username, form["password"]) is not { } user)
        {
            var culture = LoginPage.Culture(Query(returnUrl)[Parameters.UiLocales]);
            return LoginPage.Form(http, antiforgery, culture, returnUrl, RedirectOrigin(returnUrl, clients), username, failed: true);
        }

        await http.SignInAsync(SessionScheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(Claims.Subject, user.Username)], SessionScheme)));
        return Results.LocalRedirect(returnUrl);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not pass an end-session request on.");
        await http.SignOutAsync(SessionScheme);
        // OpenIddict redirects to the post_logout_redirect_uri it validated (ClientRequests.ValidateEndSession), with the state.
        return request.PostLogoutRedirectUri is null
            ? LoginPage.SignedOut(http, LoginPage.Culture(request.UiLocales))
            : Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>The origin of the request's redirect_uri, if it is registered for its client (the page's form-action must allow it).</summary>
    private static string? RedirectOrigin(string returnUrl, ClientRegistry clients)
    {
        var query = Query(returnUrl);
        string? redirectUri = query[Parameters.RedirectUri];
        return clients.Find(query[Parameters.ClientId]) is { } client && client.IsRedirectUri(redirectUri)
            ? new Uri(redirectUri!).GetLeftPart(UriPartial.Authority)
            : null;
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Query(string url) =>
        QueryHelpers.ParseQuery(url[Math.Max(url.IndexOf('?', StringComparison.Ordinal), 0)..]);
}
