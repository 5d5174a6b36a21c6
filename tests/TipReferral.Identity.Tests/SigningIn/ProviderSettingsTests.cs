using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using TipReferral.Domain;
using TipReferral.Testing;

namespace TipReferral.Identity.Tests.SigningIn;

/// <summary>What the provider's configuration changes in the portal's flow (each test starts a provider of its own).</summary>
public sealed class ProviderSettingsTests
{
    [Fact]
    public async Task The_access_token_lifetime_is_configurable()
    {
        using var provider = TestIdentityProvider.StartWith(new Dictionary<string, string?> { ["Identity:AccessTokenLifetime"] = "00:05:00" });

        var jwt = new JsonWebToken(await provider.TokenForAsync(DemoUsers.For(Roles.Screener, "NG")));

        (jwt.ValidTo - jwt.IssuedAt).ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_user_no_longer_in_the_directory_cannot_refresh()
    {
        // Two providers with the same keys and issuer, as before and after a restart with fewer users.
        using var rsa = RSA.Create(2048);
        var keys = new Dictionary<string, string?>
        {
            ["Identity:Issuer"] = "http://identity.test/",
            ["Identity:SigningKeyPem"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["Identity:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        var user = DemoUsers.All[0];
        string refreshToken;
        using (var before = TestIdentityProvider.StartWith(keys))
        {
            using var browser = new Browser(before.Issuer);
            var (verifier, challenge) = Browser.NewPkce();
            var code = (await browser.SignInAsync(Browser.AuthorizeUrl(challenge), user))["code"].ToString();
            using var redeemed = await browser.RedeemAsync(code, verifier);
            refreshToken = (await Browser.TokensAsync(redeemed)).GetProperty("refresh_token").GetString()!;
        }

        using var after = TestIdentityProvider.StartWith(new Dictionary<string, string?>(keys) { ["DemoUsers:0:Username"] = "someone.else.ng" });
        using var afterBrowser = new Browser(after.Issuer);
        using var refreshed = await afterBrowser.RefreshAsync(refreshToken);

        refreshed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refreshed.Content.ReadAsStringAsync()).ShouldContain("no longer known");
    }
}
