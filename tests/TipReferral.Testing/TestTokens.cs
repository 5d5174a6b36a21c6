using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Security;

namespace TipReferral.Testing;

/// <summary>Signed bearer tokens for test callers, with the development key the services are given.</summary>
public static class TestTokens
{
    public const string SigningKey = "test-only-signing-key-0123456789-0123456789";

    public static readonly AuthOptions Options = new() { SigningKey = SigningKey };

    public static string For(Caller caller, TimeSpan? lifetime = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Options.Issuer,
            Audience = Options.Audience,
            Expires = DateTime.UtcNow.Add(lifetime ?? TimeSpan.FromHours(1)),
            Subject = new ClaimsIdentity(
            [
                new Claim(TipReferralClaims.Subject, caller.UserId),
                new Claim(TipReferralClaims.Role, caller.Role),
                new Claim(TipReferralClaims.Agency, caller.Agency),
                new Claim(TipReferralClaims.Country, caller.Country),
            ]),
            SigningCredentials = new SigningCredentials(Options.CreateSigningKey(), SecurityAlgorithms.HmacSha256),
        });
}
