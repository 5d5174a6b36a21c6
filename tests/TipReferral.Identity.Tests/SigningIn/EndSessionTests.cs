using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using TipReferral.Domain;
using TipReferral.Testing;

namespace TipReferral.Identity.Tests.SigningIn;

/// <summary>Signing out of the portal ends the provider's session too, and goes back only where the portal registered.</summary>
public sealed class EndSessionTests
{
    [Fact]
    public async Task Signing_out_with_a_registered_address_clears_the_session_and_goes_back_there()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);
        var (verifier, challenge) = Browser.NewPkce();
        var code = (await browser.SignInAsync(Browser.AuthorizeUrl(challenge), DemoUsers.For(Roles.Prosecutor, "IT")))["code"].ToString();
        using var redeemed = await browser.RedeemAsync(code, verifier);
        var idToken = (await Browser.TokensAsync(redeemed)).GetProperty("id_token").GetString()!;

        using var response = await browser.Http.GetAsync(QueryHelpers.AddQueryString("connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken,
            ["post_logout_redirect_uri"] = TestIdentityProvider.PortalPostLogoutRedirectUri,
            ["state"] = "bye",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(TestIdentityProvider.PortalPostLogoutRedirectUri + "?state=bye");
        browser.Cookies["TipReferral.Identity.Session"].ShouldBeNull();
        using var again = await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge));
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "the sign-in form, not a code");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(TestIdentityProvider.PortalClientId)]
    public async Task An_unregistered_address_is_refused_and_never_redirected_to(string? clientId)
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);

        using var response = await browser.Http.GetAsync(QueryHelpers.AddQueryString("connect/endsession", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["post_logout_redirect_uri"] = "https://attacker.example/signout-callback-oidc",
        }.Where(parameter => parameter.Value is not null)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task Signing_out_without_an_address_shows_a_signed_out_page()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);
        await browser.SignInAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge), DemoUsers.For(Roles.Prosecutor, "IT"));

        using var response = await browser.Http.GetAsync("connect/endsession?ui_locales=fr");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Vous êtes déconnecté");
        browser.Cookies["TipReferral.Identity.Session"].ShouldBeNull();
    }
}
