using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace TipReferral.ServiceDefaults.Security;

/// <summary>Token settings, bound from the "Auth" configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "tipreferral-dev";
    public string Audience { get; set; } = "tipreferral";

    /// <summary>
    /// Symmetric development signing key (at least 32 bytes). Only for development and tests;
    /// deployments point at their own identity provider.
    /// </summary>
    public string? SigningKey { get; set; }

    public SymmetricSecurityKey CreateSigningKey() =>
        string.IsNullOrWhiteSpace(SigningKey) || Encoding.UTF8.GetByteCount(SigningKey) < 32
            ? throw new InvalidOperationException("Auth:SigningKey must be set to at least 32 bytes.")
            : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));
}

public static class AuthenticationExtensions
{
    public static WebApplicationBuilder AddTipReferralAuthentication(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var signingKey = options.CreateSigningKey();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ICallerAccessor, HttpCallerAccessor>();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                // Claim names stay as issued ("sub", "role", "country"), not remapped to WS-* URIs.
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = signingKey,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = TipReferralClaims.Subject,
                    RoleClaimType = TipReferralClaims.Role,
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(TipReferralClaims.Role)
                .RequireClaim(TipReferralClaims.Agency)
                .RequireClaim(TipReferralClaims.Country)
                .Build());
        return builder;
    }
}
