using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using TipReferral.Testing;

namespace TipReferral.Identity.Tests.SigningIn;

/// <summary>
/// What the portal's browser and back channel do against the provider: a cookie-keeping
/// HttpClient that does not follow redirects, so every hop can be inspected.
/// </summary>
internal sealed partial class Browser : IDisposable
{
    private readonly HttpClientHandler handler;

    public Browser(Uri issuer)
    {
        handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        Http = new HttpClient(handler) { BaseAddress = issuer };
    }

    public HttpClient Http { get; }

    public CookieCollection Cookies => handler.CookieContainer.GetCookies(Http.BaseAddress!);

    /// <summary>A fresh PKCE pair (RFC 7636): the verifier and its S256 challenge.</summary>
    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(
        string? codeChallenge,
        string redirectUri = TestIdentityProvider.PortalRedirectUri,
        string clientId = TestIdentityProvider.PortalClientId,
        string codeChallengeMethod = "S256",
        string? uiLocales = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["scope"] = "openid profile roles offline_access",
            ["redirect_uri"] = redirectUri,
            ["state"] = "state-123",
            ["nonce"] = "nonce-456",
        };
        if (codeChallenge is not null)
        {
            parameters["code_challenge"] = codeChallenge;
            parameters["code_challenge_method"] = codeChallengeMethod;
        }

        if (uiLocales is not null)
        {
            parameters["ui_locales"] = uiLocales;
        }

        return QueryHelpers.AddQueryString("connect/authorize", parameters);
    }

    /// <summary>Posts the sign-in form of <paramref name="page"/> (its hidden fields, anti-forgery token included) with the credentials.</summary>
    public async Task<HttpResponseMessage> SubmitLoginAsync(string page, string username, string password)
    {
        var action = WebUtility.HtmlDecode(FormAction().Match(page).Groups["action"].Value);
        var fields = HiddenField().Matches(page).ToDictionary(match => match.Groups["name"].Value, match => WebUtility.HtmlDecode(match.Groups["value"].Value));
        fields["username"] = username;
        fields["password"] = password;
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The whole sign-in up to the redirect back to the client: the authorization response's query.</summary>
    public async Task<Dictionary<string, Microsoft.Extensions.Primitives.StringValues>> SignInAsync(string authorizeUrl, DemoUser user, string redirectUri = TestIdentityProvider.PortalRedirectUri)
    {
        using var form = await Http.GetAsync(authorizeUrl);
        form.StatusCode.ShouldBe(HttpStatusCode.OK, await form.Content.ReadAsStringAsync());
        using var signedIn = await SubmitLoginAsync(await form.Content.ReadAsStringAsync(), user.Username, DemoUsers.Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        signedIn.Headers.Location!.ToString().ShouldStartWith("/connect/authorize?");
        return await ContinueAsync(signedIn.Headers.Location.ToString(), redirectUri);
    }

    /// <summary>Follows an authorization request of a signed-in browser to the client's redirect URI.</summary>
    public async Task<Dictionary<string, Microsoft.Extensions.Primitives.StringValues>> ContinueAsync(string authorizeUrl, string redirectUri = TestIdentityProvider.PortalRedirectUri)
    {
        using var response = await Http.GetAsync(authorizeUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(redirectUri);
        return QueryHelpers.ParseQuery(location.Query);
    }

    public Task<HttpResponseMessage> RedeemAsync(string code, string verifier, string? secret = TestIdentityProvider.PortalClientSecret, string redirectUri = TestIdentityProvider.PortalRedirectUri)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = TestIdentityProvider.PortalClientId,
            ["code_verifier"] = verifier,
        };
        if (secret is not null)
        {
            fields["client_secret"] = secret;
        }

        return Http.PostAsync("connect/token", new FormUrlEncodedContent(fields));
    }

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = TestIdentityProvider.PortalClientId,
            ["client_secret"] = TestIdentityProvider.PortalClientSecret,
        }));

    /// <summary>The token response's JSON, after checking it is a 200.</summary>
    public static async Task<JsonElement> TokensAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    public void Dispose()
    {
        Http.Dispose();
        handler.Dispose();
    }

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]+)">""")]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenField();
}
