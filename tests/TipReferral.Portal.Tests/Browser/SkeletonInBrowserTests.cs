using System.Globalization;
using System.Resources;
using Microsoft.Playwright;
using TipReferral.Domain;
using TipReferral.Portal.Localization;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Browser;

/// <summary>
/// The portal's own behaviour in a real Chromium: signing in through the identity provider's
/// login page (authorization code + PKCE), signing out, the language choice with right to left
/// for Arabic, the keyboard's first stop, no token in any URL, and a CSP the pages keep.
/// </summary>
[Collection(PortalSystemCollection.Name)]
public sealed class SkeletonInBrowserTests(PortalSystem system) : IAsyncLifetime
{
    private static readonly DemoUser StaffOfItaly = DemoUsers.For(Roles.ShelterStaff, "IT");
    private static readonly ResourceManager PortalTexts = new(typeof(PortalText).FullName!, typeof(PortalText).Assembly);

    private BrowserSession browser = null!;

    public async Task InitializeAsync() => browser = await BrowserSession.OpenAsync(system.Portal);

    public async Task DisposeAsync() => await browser.DisposeAsync();

    [Fact]
    public async Task Signing_in_at_the_providers_login_page_lands_on_the_workspace_of_the_user()
    {
        await browser.SignInAsync(StaffOfItaly);

        new Uri(browser.Page.Url).AbsolutePath.ShouldBe("/");
        var signedInAs = await browser.Page.GetByTestId("signed-in-as").InnerTextAsync();
        signedInAs.ShouldContain(Text("role.ShelterStaff", "en"));
        signedInAs.ShouldContain($"{StaffOfItaly.Agency} (IT)");
        // The name from the identity token leads, not the login name.
        signedInAs.Split('·')[0].Trim().ShouldNotBeEmpty();
        signedInAs.ShouldNotStartWith(StaffOfItaly.Username);
        (await browser.Page.GetByTestId("workspace").CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_a_page_asks_for_the_login_again()
    {
        await browser.SignInAsync(StaffOfItaly);

        await browser.Page.Locator("form[action$='/signout'] button[type=submit]").ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.EndsWith("/SignedOut", StringComparison.Ordinal));

        await browser.GotoAsync("/Cases");
        (await browser.IsAtLoginPageAsync()).ShouldBeTrue($"After signing out, /Cases should ask for the login again, but the browser is at {browser.Page.Url}.");
    }

    [Fact]
    public async Task Arabic_chosen_with_the_language_form_turns_the_page_right_to_left_and_is_remembered()
    {
        await browser.SignInAsync(StaffOfItaly);

        await ChooseLanguageAsync("ar");

        await ShouldBeArabicAsync();
        await browser.GotoAsync("/Cases");
        await ShouldBeArabicAsync();
    }

    [Fact]
    public async Task The_providers_login_page_speaks_the_language_chosen_in_the_portal()
    {
        await browser.SignInAsync(StaffOfItaly);
        await ChooseLanguageAsync("ar");

        await browser.Page.Locator("form[action$='/signout'] button[type=submit]").ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.EndsWith("/SignedOut", StringComparison.Ordinal));
        await browser.GotoAsync("/");

        (await browser.IsAtLoginPageAsync()).ShouldBeTrue();
        new Uri(browser.Page.Url).Query.ShouldContain("ui_locales=ar");
        (await browser.Page.Locator("html").GetAttributeAsync("dir")).ShouldBe("rtl");
        (await browser.Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("ar");
    }

    [Fact]
    public async Task The_first_tab_from_the_top_reaches_the_skip_to_content_link()
    {
        await browser.SignInAsync(StaffOfItaly);

        await browser.Page.Keyboard.PressAsync("Tab");

        var focused = browser.Page.Locator(":focus");
        (await focused.GetAttributeAsync("href")).ShouldBe("#main");
        (await focused.InnerTextAsync()).Trim().ShouldBe(Text("nav.skip-to-content", "en"));
        (await focused.BoundingBoxAsync())!.Width.ShouldBeGreaterThan(1, "The skip link must become visible when it has the focus.");
        await browser.Page.Keyboard.PressAsync("Enter");
        (await browser.Page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("main");
    }

    [Fact]
    public async Task No_url_of_the_sign_in_carries_a_token_and_only_the_callback_a_code()
    {
        await browser.SignInAsync(StaffOfItaly);
        await browser.GotoAsync("/Cases");

        var urls = browser.NavigatedUrls;
        urls.ShouldContain(url => new Uri(url).AbsolutePath == "/signin-oidc", "The sign-in should have passed the callback.");
        foreach (var url in urls)
        {
            var parameters = Parameters(new Uri(url));
            parameters.ShouldNotContain(name => name.Contains("token", StringComparison.OrdinalIgnoreCase), $"A token in the URL {url}");
            if (parameters.Contains("code"))
            {
                new Uri(url).AbsolutePath.ShouldBe("/signin-oidc", $"A code outside the callback: {url}");
            }
        }
    }

    [Fact]
    public async Task The_workspace_has_a_content_security_policy_that_it_keeps()
    {
        await browser.SignInAsync(StaffOfItaly);

        var response = await browser.GotoAsync("/");

        var policy = await response.HeaderValueAsync("content-security-policy");
        policy.ShouldNotBeNull();
        policy.ShouldContain("script-src 'self'");
        policy.ShouldContain("style-src 'self'");
        policy.ShouldContain("frame-ancestors 'none'");
        (await browser.CspViolationsAsync()).ShouldBeEmpty();
        browser.ConsoleMessages.ShouldNotContain(message => message.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        // The page really used its stylesheet and script (a CSP that blocked them would show here).
        (await browser.Page.EvaluateAsync<bool>("() => typeof bootstrap !== 'undefined'")).ShouldBeTrue();
    }

    private static string Text(string key, string language) =>
        PortalTexts.GetString(key, CultureInfo.GetCultureInfo(language)) ?? throw new InvalidOperationException($"PortalText has no {key}.");

    /// <summary>The names of the query's and the fragment's parameters (the fragment is where an implicit flow would put a token).</summary>
    private static HashSet<string> Parameters(Uri url) =>
        [.. $"{url.Query.TrimStart('?')}&{url.Fragment.TrimStart('#')}".Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => Uri.UnescapeDataString(pair.Split('=')[0]))];

    private async Task ChooseLanguageAsync(string code)
    {
        var form = browser.Page.Locator("form:has(select#language)");
        await form.Locator("select#language").SelectOptionAsync(code);
        await browser.ClickAndWaitForPageAsync(form.Locator("button[type=submit]"));
    }

    private async Task ShouldBeArabicAsync()
    {
        var html = browser.Page.Locator("html");
        (await html.GetAttributeAsync("dir")).ShouldBe("rtl", $"on {browser.Page.Url}");
        (await html.GetAttributeAsync("lang")).ShouldBe("ar", $"on {browser.Page.Url}");
        (await browser.Page.Locator("form[action$='/signout'] button[type=submit]").InnerTextAsync()).Trim().ShouldBe(Text("nav.sign-out", "ar"));
        (await browser.Page.Locator("link[rel=stylesheet][href*='bootstrap.rtl']").CountAsync()).ShouldBe(1);
    }
}
