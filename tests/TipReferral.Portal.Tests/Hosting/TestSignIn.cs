using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Hosting;

/// <summary>
/// Signs a page test's requests in as the demo user its header names, with that user's real
/// access token from the identity provider (password grant), so the portal calls the services
/// exactly as after a real sign-in. The browser tests sign in through the provider's login page.
/// </summary>
public sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TestIdentityProvider provider)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "test-sign-in";
    public const string PolicyScheme = "test-or-real-sign-in";
    public const string UserHeader = "X-Test-User";

    /// <summary>One session per test client: what its person states as a purpose lasts across its requests, and only its.</summary>
    public const string SessionHeader = "X-Test-Session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[UserHeader].ToString() is not { Length: > 0 } username)
        {
            return AuthenticateResult.NoResult();
        }

        var user = DemoUsers.Named(username);
        var identity = new ClaimsIdentity(
        [
            new Claim("sub", user.Username),
            new Claim("name", user.Username),
            new Claim("role", user.Role),
            new Claim("agency", user.Agency),
            new Claim("country", user.Country),
            new Claim("portal_session", Request.Headers[SessionHeader].ToString() is { Length: > 0 } session ? session : user.Username),
        ], SchemeName, "name", "role");
        var properties = new AuthenticationProperties();
        properties.StoreTokens([new AuthenticationToken { Name = "access_token", Value = await provider.TokenForAsync(user) }]);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, SchemeName));
    }
}
