using System.Security.Claims;

namespace TipReferral.Portal.SigningIn;

/// <summary>The claims the identity token carries (names as the services' tokens use them).</summary>
public static class PortalClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Agency = "agency";
    public const string Country = "country";

    /// <summary>A random id of this sign-in: what a person states as a purpose lasts only as long as it.</summary>
    public const string Session = "portal_session";

    public static void AddSession(ClaimsPrincipal principal) =>
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(Session, Guid.NewGuid().ToString("N")));
}

/// <summary>Who is signed in, as the services will see them.</summary>
public sealed record SignedInUser(string Username, string Name, string Role, string Agency, string Country, string Session)
{
    public static SignedInUser From(ClaimsPrincipal principal)
    {
        string Claim(string type) => principal.FindFirst(type)?.Value ?? "";
        return new SignedInUser(Claim(PortalClaims.Subject), Claim(PortalClaims.Name), Claim(PortalClaims.Role),
            Claim(PortalClaims.Agency), Claim(PortalClaims.Country).ToUpperInvariant(), Claim(PortalClaims.Session));
    }
}
