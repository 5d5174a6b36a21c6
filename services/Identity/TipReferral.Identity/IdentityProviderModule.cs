using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace TipReferral.Identity;

/// <summary>
/// A development OpenID Connect provider on OpenIddict's server: discovery, JWKS and a token
/// endpoint for the resource owner password grant. No database: OpenIddict runs in degraded
/// mode, clients are checked against <c>Identity:Clients</c> and users against the demo users.
/// Access tokens are signed (RS256), not encrypted, JWTs for the audience "tipreferral".
/// </summary>
public static class IdentityProviderModule
{
    /// <summary>The claims every access token carries beside "sub", "name" and "role".</summary>
    public const string AgencyClaim = "agency";
    public const string CountryClaim = "country";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    public static WebApplicationBuilder AddIdentityProvider(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityProviderOptions.Section).Get<IdentityProviderOptions>() ?? new IdentityProviderOptions();
        var accounts = builder.Configuration.GetSection(DemoUserAccount.Section).Get<List<DemoUserAccount>>() ?? [];
        var directory = new UserDirectory(accounts, options.DemoPassword);
        var (signingKey, keySource) = SigningKeys.Load(options, builder.Environment);
        var clients = options.Clients.Select(client => client.ClientId).Where(id => !string.IsNullOrWhiteSpace(id)).ToHashSet(StringComparer.Ordinal);
        if (clients.Count == 0)
        {
            throw new InvalidOperationException($"No client is configured in {IdentityProviderOptions.Section}:{nameof(IdentityProviderOptions.Clients)}.");
        }

        builder.Services.AddSingleton(directory);
        builder.Services.AddSingleton(new SigningKeyInfo(signingKey.KeyId, keySource));
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenIddict()
            .AddServer(server =>
            {
                if (!string.IsNullOrWhiteSpace(options.Issuer))
                {
                    server.SetIssuer(new Uri(options.Issuer, UriKind.Absolute));
                }

                server.SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks")
                    .SetTokenEndpointUris("connect/token");
                server.AllowPasswordFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles);
                server.RegisterAudiences(options.Audience);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Role, AgencyClaim, CountryClaim);
                server.SetAccessTokenLifetime(AccessTokenLifetime);

                server.AddSigningKey(signingKey);
                // Nothing encrypted outlives the process (no refresh tokens, codes or stored
                // tokens), so an in-memory key is enough for what OpenIddict still encrypts.
                server.AddEphemeralEncryptionKey();
                server.DisableAccessTokenEncryption();

                // No application, authorization or token store: this provider has no database.
                server.EnableDegradedMode();
                server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
                {
                    ValidateClient(context, clients);
                    return ValueTask.CompletedTask;
                }));
                server.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseInlineHandler(context =>
                {
                    HandlePasswordGrant(context, directory, options.Audience);
                    return ValueTask.CompletedTask;
                }));

                var aspNetCore = server.UseAspNetCore();
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
        var key = app.Services.GetRequiredService<SigningKeyInfo>();
        var users = app.Services.GetRequiredService<UserDirectory>().Users;
        app.Logger.LogInformation("Signing tokens with key {KeyId} from {Source}; {Count} demo users", key.KeyId, key.Source, users.Count);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready");
        return app;
    }

    private static void ValidateClient(ValidateTokenRequestContext context, HashSet<string> clients)
    {
        if (context.ClientId is null || !clients.Contains(context.ClientId))
        {
            context.Reject(Errors.InvalidClient, "The client application is not known to this provider.");
        }
        else if (!string.IsNullOrEmpty(context.ClientSecret))
        {
            context.Reject(Errors.InvalidClient, "The client application is public and must not send a secret.");
        }
    }

    private static void HandlePasswordGrant(HandleTokenRequestContext context, UserDirectory directory, string audience)
    {
        if (!context.Request.IsPasswordGrantType())
        {
            context.Reject(Errors.UnsupportedGrantType, "Only the password grant is supported.");
            return;
        }

        if (directory.Authenticate(context.Request.Username, context.Request.Password) is not { } user)
        {
            context.Reject(Errors.InvalidGrant, "The username or password is not valid.");
            return;
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role)
            .SetClaim(Claims.Subject, user.Username)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.Role, user.Role)
            .SetClaim(AgencyClaim, user.Agency)
            .SetClaim(CountryClaim, user.Country.ToUpperInvariant());
        identity.SetScopes(context.Request.GetScopes());
        identity.SetAudiences(audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        context.SignIn(new ClaimsPrincipal(identity));
    }
}

/// <summary>Which key signs, for the startup log (never the key itself).</summary>
public sealed record SigningKeyInfo(string KeyId, string Source);

/// <summary>Names the provider's assembly for WebApplicationFactory in tests.</summary>
public sealed class IdentityProviderEntryPoint;
