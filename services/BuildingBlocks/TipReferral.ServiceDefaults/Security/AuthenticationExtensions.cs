using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace TipReferral.ServiceDefaults.Security;

/// <summary>
/// Token settings, bound from the "Auth" configuration section. Tokens come from an OpenID
/// Connect provider (the development one in services/Identity, Keycloak, Entra ID, ...): its
/// discovery document and signing keys are fetched from <see cref="Authority"/>.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The provider's issuer URL, e.g. "http://127.0.0.1:5000/"; discovery is at ".well-known/openid-configuration" below it.</summary>
    public string? Authority { get; set; }

    /// <summary>The "aud" every access token must carry.</summary>
    public string Audience { get; set; } = "tipreferral";

    /// <summary>Fetch discovery and keys over HTTPS only. Only a loopback development provider may turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The token claims that name the user, role, agency and country, for providers that name them differently.</summary>
    public string SubjectClaim { get; set; } = TipReferralClaims.Subject;

    public string RoleClaim { get; set; } = TipReferralClaims.Role;

    public string AgencyClaim { get; set; } = TipReferralClaims.Agency;

    public string CountryClaim { get; set; } = TipReferralClaims.Country;
}

public static class AuthenticationExtensions
{
    /// <summary>How every service validates a token: issuer and signing keys from the provider's discovery document.</summary>
    public static TokenValidationParameters TokenValidation(string audience) => new()
    {
        ValidAudience = audience,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = TipReferralClaims.Subject,
        RoleClaimType = TipReferralClaims.Role,
    };

    public static WebApplicationBuilder AddTipReferralAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority))
        {
            throw new InvalidOperationException("Auth:Authority must be the absolute issuer URL of the OpenID Connect provider.");
        }

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ICallerAccessor, HttpCallerAccessor>();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.Authority = authority.ToString();
                jwt.Audience = options.Audience;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                // Claim names stay as issued ("sub", "role", "country"), not remapped to WS-* URIs.
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = TokenValidation(options.Audience);
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (context.Principal?.Identity is ClaimsIdentity identity)
                        {
                            MapClaims(identity, options);
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(TipReferralClaims.Role)
                .RequireClaim(TipReferralClaims.Agency)
                .RequireClaim(TipReferralClaims.Country)
                .Build());
        return builder;
    }

    /// <summary>
    /// Copies the provider's claims to the names TipReferral reads (<see cref="TipReferralClaims"/>)
    /// where the configuration names them differently; a claim the provider issues under a
    /// TipReferral name that is mapped from elsewhere is dropped, so it cannot be mistaken for it.
    /// </summary>
    internal static void MapClaims(ClaimsIdentity identity, AuthOptions options)
    {
        Map(identity, options.SubjectClaim, TipReferralClaims.Subject);
        Map(identity, options.RoleClaim, TipReferralClaims.Role);
        Map(identity, options.AgencyClaim, TipReferralClaims.Agency);
        Map(identity, options.CountryClaim, TipReferralClaims.Country);
    }

    private static void Map(ClaimsIdentity identity, string from, string to)
    {
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            return;
        }

        foreach (var claim in identity.FindAll(to).ToList())
        {
            identity.RemoveClaim(claim);
        }

        foreach (var claim in identity.FindAll(from).ToList())
        {
            identity.AddClaim(new Claim(to, claim.Value, claim.ValueType, claim.Issuer, claim.OriginalIssuer));
        }
    }
}
