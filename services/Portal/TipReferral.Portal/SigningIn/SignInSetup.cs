using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TipReferral.Portal.SigningIn;

/// <summary>
/// Sign-in with OpenID Connect, authorization code + PKCE, as a confidential client. The
/// session cookie holds only a key: the tokens stay on the server (<see cref="ServerSideSessions"/>),
/// so no browser, proxy or log ever sees one.
/// </summary>
public static class SignInSetup
{
    public const string SessionCookie = ".TipReferral.Session";

    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority))
        {
            throw new InvalidOperationException($"{PortalOptions.Section}:{nameof(PortalOptions.Authority)} must be the absolute URL of the OpenID Connect provider.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new InvalidOperationException($"{PortalOptions.Section}:{nameof(PortalOptions.ClientSecret)} is required: the portal signs in as a confidential client.");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ServerSideSessions>();
        builder.Services.AddSingleton<TokenRefresher>();
        // Production never sends a cookie over plain HTTP; development and tests run on loopback HTTP.
        var securePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services
            .AddAuthentication(authentication =>
            {
                authentication.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                authentication.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = SessionCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = securePolicy;
                cookie.ExpireTimeSpan = options.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.AccessDeniedPath = "/Denied";
                cookie.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<TokenRefresher>().KeepFreshAsync(context);
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = authority.ToString();
                oidc.RequireHttpsMetadata = options.RequireHttpsMetadata;
                oidc.ClientId = options.ClientId;
                oidc.ClientSecret = options.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back as a top-level GET: a Lax cookie survives it even when the
                // provider is on another site, which a form post would not over plain HTTP.
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.MapInboundClaims = false;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "roles", "offline_access" })
                {
                    oidc.Scope.Add(scope);
                }

                oidc.TokenValidationParameters.NameClaimType = PortalClaims.Name;
                oidc.TokenValidationParameters.RoleClaimType = PortalClaims.Role;
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = securePolicy;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = securePolicy;
                oidc.SignedOutRedirectUri = "/SignedOut";
                oidc.Events.OnRedirectToIdentityProvider = context =>
                {
                    // The sign-in page speaks the language the person already chose here.
                    context.ProtocolMessage.UiLocales = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                    context.ProtocolMessage.IssuerAddress = ForBrowsers(context.ProtocolMessage.IssuerAddress, options);
                    return Task.CompletedTask;
                };
                oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    context.ProtocolMessage.IssuerAddress = ForBrowsers(context.ProtocolMessage.IssuerAddress, options);
                    return Task.CompletedTask;
                };
                oidc.Events.OnTokenValidated = context =>
                {
                    PortalClaims.AddSession(context.Principal!);
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ServerSideSessions>((cookie, sessions) => cookie.SessionStore = sessions);
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>The provider's endpoint <paramref name="address"/> at the origin browsers reach it on.</summary>
    private static string ForBrowsers(string address, PortalOptions options) =>
        options.BrowserAuthority is { Length: > 0 } && Uri.TryCreate(address, UriKind.Absolute, out var endpoint)
            ? options.BrowserOrigin + endpoint.PathAndQuery
            : address;

    public static WebApplication MapPortalSignIn(this WebApplication app)
    {
        // Sign-out is a POST with an anti-forgery token: a link elsewhere cannot sign a person out.
        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/SignedOut" });
        }).RequireAuthorization();
        return app;
    }
}
