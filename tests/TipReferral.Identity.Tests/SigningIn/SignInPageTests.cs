using System.Net;
using System.Text.RegularExpressions;
using TipReferral.Domain;
using TipReferral.Testing;

namespace TipReferral.Identity.Tests.SigningIn;

/// <summary>The provider's own sign-in form at the authorization endpoint, and where it may send the browser.</summary>
public sealed partial class SignInPageTests
{
    [Fact]
    public async Task The_form_is_a_labelled_page_with_no_script_no_cache_and_a_strict_content_security_policy()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);

        using var response = await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("""<html lang="en" dir="ltr">""");
        page.ShouldContain("""<label for="username">Username</label>""");
        page.ShouldContain("autocomplete=\"username\"");
        page.ShouldContain("autocomplete=\"current-password\"");
        page.ShouldContain("__RequestVerificationToken");
        page.ShouldNotContain("<script");
        page.ShouldNotContain("style=");
        var policy = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        policy.ShouldStartWith("default-src 'self'; frame-ancestors 'none'; form-action 'self'");
        policy.ShouldEndWith(" http://127.0.0.1:5500");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();

        using var stylesheet = await browser.Http.GetAsync("css/login.css");
        stylesheet.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("ar", "ar", "rtl", "تسجيل الدخول")]
    [InlineData("fr-CA fr", "fr", "ltr", "Mot de passe")]
    [InlineData("pt-BR", "pt", "ltr", "Palavra-passe")]
    [InlineData("de en", "en", "ltr", "Password")]
    [InlineData("sw", "en", "ltr", "Password")]
    public async Task The_form_speaks_the_first_language_of_ui_locales_it_knows(string uiLocales, string lang, string dir, string text)
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);

        var page = await browser.Http.GetStringAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge, uiLocales: uiLocales));

        page.ShouldContain($"""<html lang="{lang}" dir="{dir}">""");
        page.ShouldContain(text);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_the_username_and_no_hint_whether_the_user_exists()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);
        var authorize = Browser.AuthorizeUrl(Browser.NewPkce().Challenge, uiLocales: "ar");
        var form = await browser.Http.GetStringAsync(authorize);

        using var wrongPassword = await browser.SubmitLoginAsync(form, "screener.ng", "not-the-password");
        using var unknownUser = await browser.SubmitLoginAsync(form, "nobody.ng", "not-the-password");

        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await wrongPassword.Content.ReadAsStringAsync();
        page.ShouldContain("value=\"screener.ng\"");
        page.ShouldContain("""<input id="password" name="password" type="password" autocomplete="current-password" required autofocus>""");
        page.ShouldContain("""role="alert">اسم المستخدم أو كلمة المرور غير صحيحة.""");
        page.ShouldContain("dir=\"rtl\"");
        var unknownPage = (await unknownUser.Content.ReadAsStringAsync()).Replace("nobody.ng", "screener.ng", StringComparison.Ordinal);
        WithoutToken(unknownPage).ShouldBe(WithoutToken(page), "the same page whether the user exists or not");
        browser.Cookies["TipReferral.Identity.Session"].ShouldBeNull();
    }

    [Fact]
    public async Task A_sign_in_without_the_anti_forgery_token_is_refused()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);
        var form = await browser.Http.GetStringAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge));

        using var response = await browser.SubmitLoginAsync(form.Replace("__RequestVerificationToken", "something-else", StringComparison.Ordinal), "screener.ng", DemoUsers.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        browser.Cookies["TipReferral.Identity.Session"].ShouldBeNull();
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_refused_and_never_redirected_to()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);

        using var response = await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge, redirectUri: "https://attacker.example/signin-oidc"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("attacker.example");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5500/signin-oidc")]
    [InlineData("http://127.0.0.1:48123/signin-oidc")]
    public async Task The_portal_may_come_back_on_any_loopback_port(string redirectUri)
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);
        var (verifier, challenge) = Browser.NewPkce();

        var response = await browser.SignInAsync(Browser.AuthorizeUrl(challenge, redirectUri), DemoUsers.For(Roles.Supervisor, "NG"), redirectUri);

        using var redeemed = await browser.RedeemAsync(response["code"].ToString(), verifier, redirectUri: redirectUri);
        await Browser.TokensAsync(redeemed);
    }

    [Theory]
    [InlineData("http://127.0.0.1:48123/other-path")]
    [InlineData("https://127.0.0.1:48123/signin-oidc")]
    [InlineData("http://10.0.0.1:5500/signin-oidc")]
    public async Task Another_path_scheme_or_host_is_refused_even_on_loopback(string redirectUri)
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var browser = new Browser(provider.Issuer);

        using var response = await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge, redirectUri));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task A_client_that_does_not_allow_loopback_ports_must_come_back_on_the_registered_one()
    {
        using var provider = TestIdentityProvider.StartWith(new Dictionary<string, string?>
        {
            ["Identity:Clients:1:AllowLoopbackRedirectPorts"] = "false",
        });
        using var browser = new Browser(provider.Issuer);

        using var otherPort = await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge, "http://127.0.0.1:48123/signin-oidc"));
        using var registered = await browser.Http.GetAsync(Browser.AuthorizeUrl(Browser.NewPkce().Challenge));

        otherPort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        otherPort.Headers.Location.ShouldBeNull();
        registered.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The page without its anti-forgery token, which is new in every response.</summary>
    private static string WithoutToken(string page) => AntiforgeryToken().Replace(page, "");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]*\"")]
    private static partial Regex AntiforgeryToken();
}
