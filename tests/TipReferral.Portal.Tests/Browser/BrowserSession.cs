using System.Collections.Concurrent;
using Microsoft.Playwright;
using TipReferral.Browsing;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Browser;

/// <summary>
/// One person at a real browser: a fresh Chromium context (no cookies, no storage) on the one
/// browser this test process shares, that signs in through the identity provider's own login
/// page as a person does. It records every URL the browser requested as a page (redirect hops
/// included), what the console said, and the Content-Security-Policy violations the page reported.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private const string CspViolations = "__tipreferralCspViolations";

    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Shared = new(Chromium.LaunchAsync);

    private readonly ConcurrentQueue<string> navigations = new();
    private readonly ConcurrentQueue<string> console = new();
    private readonly IBrowserContext context;

    private BrowserSession(IBrowserContext context, IPage page, PortalFactory portal)
    {
        this.context = context;
        Page = page;
        Portal = portal;
        context.Request += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                navigations.Enqueue(request.Url);
            }
        };
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
    }

    public IPage Page { get; }

    public PortalFactory Portal { get; }

    /// <summary>Every URL the browser navigated to, in order, each redirect hop on its own.</summary>
    public IReadOnlyList<string> NavigatedUrls => [.. navigations];

    public IReadOnlyList<string> ConsoleMessages => [.. console];

    /// <summary>The browser's language (Accept-Language), e.g. "ar" for a person whose browser asks for Arabic.</summary>
    public static async Task<BrowserSession> OpenAsync(PortalFactory portal, string locale = "en-GB")
    {
        var (_, browser) = await Shared.Value;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.Address.ToString(), Locale = locale });
        // Injected by the browser itself, so the page's own CSP does not stop it.
        await context.AddInitScriptAsync($"window.{CspViolations} = []; document.addEventListener('securitypolicyviolation', e => window.{CspViolations}.push(e.violatedDirective + ' ' + e.blockedURI));");
        context.SetDefaultTimeout(30_000);
        return new BrowserSession(context, await context.NewPageAsync(), portal);
    }

    public async Task<IResponse> GotoAsync(string path) =>
        await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");

    /// <summary>Clicks <paramref name="target"/> and waits for the next page it leads to to have loaded.</summary>
    public async Task ClickAndWaitForPageAsync(ILocator target)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await target.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Page.Load -= OnLoad;
        }
    }

    /// <summary>
    /// Fills the form <paramref name="formSelector"/> as a person would (text typed, options chosen,
    /// boxes ticked; a name given several times fills its inputs in order or ticks several boxes)
    /// and submits it with its first submit button, waiting for the page that follows.
    /// </summary>
    public async Task SubmitAsync(string formSelector, params (string Name, string? Value)[] fields)
    {
        var form = Page.Locator(formSelector);
        foreach (var field in fields.Where(field => field.Value is not null).GroupBy(field => field.Name, field => field.Value!))
        {
            var inputs = form.Locator($"[name='{field.Key}']");
            var kind = await inputs.First.EvaluateAsync<string>("e => e.tagName.toLowerCase() === 'select' ? 'select' : (e.type || 'text')");
            var values = field.ToArray();
            switch (kind)
            {
                case "select":
                    await inputs.First.SelectOptionAsync(values);
                    break;
                case "checkbox" or "radio":
                    foreach (var value in values)
                    {
                        var box = form.Locator($"[name='{field.Key}'][value='{value}']");
                        // A box may sit in a closed <details> section, which the person opens first.
                        await box.EvaluateAsync("e => { const section = e.closest('details'); if (section) section.open = true; }");
                        await box.CheckAsync();
                    }

                    break;
                default:
                    for (var index = 0; index < values.Length; index++)
                    {
                        await inputs.Nth(index).FillAsync(values[index]);
                    }

                    break;
            }
        }

        await ClickAndWaitForPageAsync(form.Locator("button[type=submit]").First);
    }

    /// <summary>Chooses a common purpose if the page the browser is on asks why.</summary>
    public async Task StatePurposeIfAskedAsync(string purpose)
    {
        if (new Uri(Page.Url).AbsolutePath == "/Purpose")
        {
            await SubmitAsync("main form", ("Choice", purpose));
        }
    }

    /// <summary>
    /// Opens a page that reads personal data, choosing a common purpose when the portal asks why
    /// (it asks once per case and sign-in); whether it asked.
    /// </summary>
    public async Task<bool> OpenStatingPurposeAsync(string path, string purpose = "case-management")
    {
        await GotoAsync(path);
        var asked = new Uri(Page.Url).AbsolutePath == "/Purpose";
        await StatePurposeIfAskedAsync(purpose);

        new Uri(Page.Url).PathAndQuery.ShouldBe(path);
        return asked;
    }

    /// <summary>
    /// Opens the portal, which sends the browser to the identity provider; signs in there with the
    /// demo password and waits to be back on a portal page.
    /// </summary>
    public async Task SignInAsync(DemoUser user, string path = "/")
    {
        await GotoAsync(path);
        (await IsAtLoginPageAsync()).ShouldBeTrue($"Opening {path} should lead to the identity provider's login page, but the browser is at {Page.Url}.");
        await Chromium.SubmitLoginAsync(Page, user.Username, DemoUsers.Password);
        // Waits for the page's load event too; a further WaitForLoadState can miss that event and hang.
        await Page.WaitForURLAsync(url => url.StartsWith(Portal.Address.ToString(), StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal));
    }

    /// <summary>Whether the browser shows the identity provider's sign-in form.</summary>
    public async Task<bool> IsAtLoginPageAsync() =>
        Page.Url.StartsWith(Portal.IdentityProvider.Issuer.ToString(), StringComparison.Ordinal)
        && await Page.Locator("input#password").CountAsync() == 1;

    /// <summary>What the page's securitypolicyviolation events reported since it loaded.</summary>
    public async Task<IReadOnlyList<string>> CspViolationsAsync() => await Page.EvaluateAsync<string[]>($"() => window.{CspViolations}");

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
