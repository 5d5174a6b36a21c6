using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using TipReferral.Domain;

namespace TipReferral.ServiceDefaults.Security;

/// <summary>The claims every TipReferral token carries about the person acting.</summary>
public static class TipReferralClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Agency = "agency";
    public const string Country = "country";
}

public interface ICallerAccessor
{
    /// <summary>The authenticated caller, or null outside a request (e.g. the async daemon).</summary>
    Caller? Current { get; }
}

public sealed class HttpCallerAccessor(IHttpContextAccessor http) : ICallerAccessor
{
    public Caller? Current => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? FromClaims(user) : null;

    public static Caller? FromClaims(ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue(TipReferralClaims.Subject);
        var role = user.FindFirstValue(TipReferralClaims.Role);
        var agency = user.FindFirstValue(TipReferralClaims.Agency);
        var country = user.FindFirstValue(TipReferralClaims.Country);
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(role)
            || string.IsNullOrWhiteSpace(agency) || string.IsNullOrWhiteSpace(country))
        {
            return null;
        }

        return new Caller(subject, role, agency, country.ToUpperInvariant());
    }
}
