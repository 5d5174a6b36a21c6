using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TipReferral.Domain;

namespace TipReferral.ServiceDefaults.Security;

/// <summary>
/// Bearer tokens signed with the development key, for the demo and the tests only: a
/// deployment's tokens come from its own identity provider.
/// </summary>
public static class DevelopmentTokens
{
    public static string Issue(AuthOptions options, Caller caller, TimeSpan lifetime) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Expires = DateTime.UtcNow.Add(lifetime),
            Subject = new ClaimsIdentity(
            [
                new Claim(TipReferralClaims.Subject, caller.UserId),
                new Claim(TipReferralClaims.Role, caller.Role),
                new Claim(TipReferralClaims.Agency, caller.Agency),
                new Claim(TipReferralClaims.Country, caller.Country),
            ]),
            SigningCredentials = new SigningCredentials(options.CreateSigningKey(), SecurityAlgorithms.HmacSha256),
        });
}
