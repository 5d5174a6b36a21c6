using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace TipReferral.Identity;

/// <summary>
/// A development OpenID Connect provider on OpenIddict's server: discovery, JWKS, the password
/// grant (CLI, tests), and for the web portal the authorization code flow with PKCE (S256),
/// refresh tokens and end-session, with the provider's own sign-in page and session cookie.
/// No database: OpenIddict runs in degraded mode, clients are checked against
/// <c>Identity:Clients</c> and users against the demo users. Access tokens are signed (RS256),
/// not encrypted, JWTs for the audience "tipreferral"; codes and refresh tokens are encrypted.
/// </summary>
public static class IdentityProviderModule
{
    /// <summary>Short, because a code only has to survive one redirect and one back-channel request.</summary>
    public static readonly TimeSpan AuthorizationCodeLifetime = TimeSpan.FromMinutes(2);

    /// <summary>How long the provider's own session cookie signs the user in without asking again.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static WebApplicationBuilder AddIdentityProvider(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityProviderOptions.Section).Get<IdentityProviderOptions>() ?? new IdentityProviderOptions();
        var accounts = builder.Configuration.GetSection(DemoUserAccount.Section).Get<List<DemoUserAccount>>() ?? [];
        var (signingKey, signingKeySource) = SigningKeys.Load(options, builder.Environment);
        var (encryptionKey, encryptionKeySource) = EncryptionKeys.Load(options, builder.Environment);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new UserDirectory(accounts, options.DemoPassword));
        var clients = new ClientRegistry(options.Clients);
        builder.Services.AddSingleton(clients);
        builder.Services.AddSingleton(new KeyInfo(signingKey.KeyId, signingKeySource, encryptionKeySource));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RedeemedCodes>();
        builder.Services.AddSingleton<TokenGrants>();
        builder.Services.AddHealthChecks();
        builder.Services.AddAntiforgery();
        builder.Services.AddAuthentication().AddCookie(SignInEndpoints.SessionScheme, cookie =>
        {
            cookie.Cookie.Name = "TipReferral.Identity.Session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = SessionLifetime;
            cookie.SlidingExpiration = false;
        });
        builder.Services.AddOpenIddict()
            .AddServer(server =>
            {
                if (!string.IsNullOrWhiteSpace(options.Issuer))
                {
                    server.SetIssuer(new Uri(options.Issuer, UriKind.Absolute));
                }

                server.SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks")
                    .SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris(SignInEndpoints.AuthorizationPath.TrimStart('/'))
                    .SetEndSessionEndpointUris(SignInEndpoints.EndSessionPath.TrimStart('/'));
                server.AllowPasswordFlow()
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow();
                server.RequireProofKeyForCodeExchange();
                // S256 only: "plain" gives nothing against an attacker who can read the authorization request.
                server.Configure(settings => settings.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);
                server.RegisterAudiences(options.Audience);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Role, UserPrincipals.AgencyClaim, UserPrincipals.CountryClaim);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);
                server.SetAuthorizationCodeLifetime(AuthorizationCodeLifetime);

                server.AddSigningKey(signingKey);
                server.AddEncryptionKey(encryptionKey);
                server.DisableAccessTokenEncryption();

                // No application, authorization or token store: this provider has no database.
                server.EnableDegradedMode();
                server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
                {
                    ClientRequests.ValidateToken(context, clients);
                    return ValueTask.CompletedTask;
                }));
                server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
                {
                    ClientRequests.ValidateAuthorization(context, clients);
                    return ValueTask.CompletedTask;
                }));
                server.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
                {
                    ClientRequests.ValidateEndSession(context, clients);
                    return ValueTask.CompletedTask;
                }));
                server.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseInlineHandler(context =>
                {
                    context.Transaction.Services().GetRequiredService<TokenGrants>().Handle(context);
                    return ValueTask.CompletedTask;
                }));

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!builder.Environment.IsProduction())
                {
                    // Development and tests speak plain HTTP on loopback; production requires HTTPS.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        return builder;
    }

    public static WebApplication MapIdentityProvider(this WebApplication app)
    {
        var keys = app.Services.GetRequiredService<KeyInfo>();
        var users = app.Services.GetRequiredService<UserDirectory>().Users;
        app.Logger.LogInformation("Signing tokens with key {KeyId} from {Source}, encrypting codes and refresh tokens with the key from {EncryptionKeySource}; {Count} demo users",
            keys.SigningKeyId, keys.SigningKeySource, keys.EncryptionKeySource, users.Count);
        app.UseStaticFiles();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready");
        SignInEndpoints.Map(app);
        return app;
    }

    private static IServiceProvider Services(this OpenIddictServerTransaction transaction) =>
        transaction.GetHttpRequest()?.HttpContext.RequestServices ?? throw new InvalidOperationException("OpenIddict runs outside an HTTP request.");
}

/// <summary>Which keys sign and encrypt, for the startup log (never the keys themselves).</summary>
public sealed record KeyInfo(string SigningKeyId, string SigningKeySource, string EncryptionKeySource);

/// <summary>Names the provider's assembly for WebApplicationFactory in tests.</summary>
public sealed class IdentityProviderEntryPoint;
