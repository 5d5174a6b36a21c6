using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TipReferral.Domain;
using TipReferral.Testing;

namespace TipReferral.Identity.Tests.SigningIn;

/// <summary>The portal's sign-in: authorization code with PKCE, as a confidential client, then refresh.</summary>
public sealed class CodeFlowTests
{
    private static readonly DemoUser User = DemoUsers.For(Roles.CaseWorker, "IT");

    [Fact]
    public async Task A_user_signs_in_in_the_browser_and_the_portal_gets_tokens_with_their_role_agency_and_country()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);
        var (verifier, challenge) = Browser.NewPkce();

        var response = await browser.SignInAsync(Browser.AuthorizeUrl(challenge), User);
        response["state"].ToString().ShouldBe("state-123");
        browser.Cookies.Select(cookie => cookie.Name).ShouldContain("TipReferral.Identity.Session");
        var session = browser.Cookies["TipReferral.Identity.Session"]!;
        session.HttpOnly.ShouldBeTrue();
        session.Secure.ShouldBeFalse(); // plain HTTP here; Secure follows the request's scheme

        using var redeemed = await browser.RedeemAsync(response["code"].ToString(), verifier);
        var tokens = await Browser.TokensAsync(redeemed);

        var keys = new JsonWebKeySet(await browser.Http.GetStringAsync(".well-known/jwks"));
        var validation = new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer.ToString(),
            ValidAudience = "tipreferral",
            IssuerSigningKeys = keys.GetSigningKeys(),
            RequireSignedTokens = true,
        };
        var access = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.GetProperty("access_token").GetString(), validation);
        access.IsValid.ShouldBeTrue(access.Exception?.Message);
        var jwt = (JsonWebToken)access.SecurityToken;
        jwt.Subject.ShouldBe(User.Username);
        jwt.GetClaim("role").Value.ShouldBe(Roles.CaseWorker);
        jwt.GetClaim("agency").Value.ShouldBe(User.Agency);
        jwt.GetClaim("country").Value.ShouldBe("IT");
        (jwt.ValidTo - jwt.IssuedAt).ShouldBe(TimeSpan.FromHours(1));

        var identity = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.GetProperty("id_token").GetString(), new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer.ToString(),
            ValidAudience = TestIdentityProvider.PortalClientId,
            IssuerSigningKeys = keys.GetSigningKeys(),
        });
        identity.IsValid.ShouldBeTrue(identity.Exception?.Message);
        var id = (JsonWebToken)identity.SecurityToken;
        id.Subject.ShouldBe(User.Username);
        id.GetClaim("nonce").Value.ShouldBe("nonce-456");
        id.GetClaim("name").Value.ShouldBe("Francesca Bianchi");
        id.GetClaim("role").Value.ShouldBe(Roles.CaseWorker);
        id.GetClaim("agency").Value.ShouldBe(User.Agency);
        id.GetClaim("country").Value.ShouldBe("IT");
        tokens.GetProperty("refresh_token").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_signed_in_browser_gets_a_code_without_the_form_again()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);
        await browser.SignInAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge), User);

        var second = await browser.ContinueAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge));

        second["code"].ToString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData(null, "S256")]
    [InlineData("plain-challenge-plain-challenge-plain-challenge-1234", "plain")]
    public async Task An_authorization_request_without_an_S256_challenge_is_refused(string? challenge, string method)
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);

        using var response = await browser.Http.GetAsync(Browser.AuthorizeUrl(challenge, codeChallengeMethod: method));

        // OpenIddict answers before trusting the redirect URI: an error page, no redirect, no code.
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        (await response.Content.ReadAsStringAsync()).ShouldContain("code_challenge");
    }

    [Fact]
    public async Task A_code_is_refused_with_the_wrong_verifier()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);
        var response = await browser.SignInAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge), User);

        using var redeemed = await browser.RedeemAsync(response["code"].ToString(), Browser.NewPkce().Verifier);

        redeemed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await redeemed.Content.ReadAsStringAsync()).ShouldContain("invalid_grant");
    }

    [Theory]
    [InlineData("not-the-portal-secret")]
    [InlineData(null)]
    public async Task A_code_is_refused_without_the_right_client_secret(string? secret)
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);
        var (verifier, challenge) = Browser.NewPkce();
        var response = await browser.SignInAsync(Browser.AuthorizeUrl(challenge), User);

        using var redeemed = await browser.RedeemAsync(response["code"].ToString(), verifier, secret);

        redeemed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await redeemed.Content.ReadAsStringAsync()).ShouldContain("invalid_client");
    }

    [Fact]
    public async Task A_code_is_redeemed_once_only()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);
        var (verifier, challenge) = Browser.NewPkce();
        var code = (await browser.SignInAsync(Browser.AuthorizeUrl(challenge), User))["code"].ToString();
        using var first = await browser.RedeemAsync(code, verifier);
        await Browser.TokensAsync(first);

        using var second = await browser.RedeemAsync(code, verifier);

        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await second.Content.ReadAsStringAsync()).ShouldContain("invalid_grant");
    }

    [Fact]
    public async Task A_refresh_token_gets_a_new_access_token_for_the_same_user()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);
        var (verifier, challenge) = Browser.NewPkce();
        var code = (await browser.SignInAsync(Browser.AuthorizeUrl(challenge), User))["code"].ToString();
        using var redeemed = await browser.RedeemAsync(code, verifier);
        var first = await Browser.TokensAsync(redeemed);

        using var refreshed = await browser.RefreshAsync(first.GetProperty("refresh_token").GetString()!);
        var second = await Browser.TokensAsync(refreshed);

        var access = second.GetProperty("access_token").GetString();
        access.ShouldNotBe(first.GetProperty("access_token").GetString());
        var jwt = new JsonWebToken(access);
        jwt.Subject.ShouldBe(User.Username);
        jwt.GetClaim("role").Value.ShouldBe(Roles.CaseWorker);
        jwt.Audiences.ShouldBe(["tipreferral"]);
    }

    [Fact]
    public async Task The_portal_may_not_use_the_password_grant()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var http = new HttpClient { BaseAddress = provider.Issuer };

        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = TestIdentityProvider.PortalClientId,
            ["client_secret"] = TestIdentityProvider.PortalClientSecret,
            ["username"] = User.Username,
            ["password"] = DemoUsers.Password,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("unauthorized_client");
    }

    [Fact]
    public async Task The_cli_may_not_use_the_code_flow_nor_get_a_refresh_token()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);

        using var authorize = await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge, clientId: TestIdentityProvider.ClientId));
        authorize.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        authorize.Headers.Location.ShouldBeNull();

        using var token = await browser.Http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = TestIdentityProvider.ClientId,
            ["username"] = User.Username,
            ["password"] = DemoUsers.Password,
            ["scope"] = "offline_access",
        }));
        using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        json.RootElement.TryGetProperty("access_token", out _).ShouldBeTrue();
        json.RootElement.TryGetProperty("refresh_token", out _).ShouldBeFalse();
    }
}
