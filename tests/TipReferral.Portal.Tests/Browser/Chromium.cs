using Microsoft.Playwright;

namespace TipReferral.Browsing;

/// <summary>
/// Headless Chromium of the system (deploy/infra/browser.sh installs Debian's), driven by the
/// Playwright driver shipped in its NuGet package: no browser is ever downloaded. Shared by the
/// portal's browser tests and the DevTools screenshots (linked there).
/// </summary>
public static class Chromium
{
    public const string Variable = "TIPREFERRAL_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>Starts Playwright's driver and one headless Chromium; disposing the driver ends the browser too.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"No Chromium at {ExecutablePath}: run deploy/infra/browser.sh (as root it installs Debian's chromium), or set {Variable}.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // Test machines and containers run as root, where Chromium's sandbox cannot start;
                // the rest keeps a headless browser from calling home or updating itself mid-test.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Fills in and submits the identity provider's sign-in form that <paramref name="page"/> shows.</summary>
    public static async Task SubmitLoginAsync(IPage page, string username, string password)
    {
        await page.Locator("input#username").FillAsync(username);
        await page.Locator("input#password").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
    }

    /// <summary>The load time of the page's last navigation (navigation start to the load event), in milliseconds.</summary>
    public static Task<double> LoadTimeAsync(IPage page) =>
        page.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }");
}
