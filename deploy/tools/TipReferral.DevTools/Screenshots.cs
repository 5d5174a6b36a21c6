using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Playwright;
using TipReferral.Browsing;
using TipReferral.Contracts.Repatriation.V1;

/// <summary>
/// Photographs the portal's pages in the running demo system with headless Chromium, each as the
/// demo user the plan (deploy/screenshots.json) names, signed in through the provider's login
/// page as a person would. A page that is missing or fails is reported, and the rest go on.
/// </summary>
internal static class Screenshots
{
    private const string CasePlaceholder = "{case}";

    public static async Task<int> TakeAsync(Uri portal, Uri repatriation, string planFile, string outputDirectory, IdentityProvider identityProvider)
    {
        var plan = JsonSerializer.Deserialize<Plan>(await File.ReadAllTextAsync(planFile), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new DemoDataException($"{planFile} holds no plan.");
        var referralCase = await DemoReferralCaseAsync(repatriation, identityProvider);
        Directory.CreateDirectory(outputDirectory);

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var driver = playwright;
        var sessions = new Dictionary<(string? User, string Language), IBrowserContext>();
        var problems = 0;
        foreach (var shot in plan.Pages)
        {
            var path = shot.Path.Replace(CasePlaceholder, referralCase ?? "", StringComparison.Ordinal);
            if (shot.Path.Contains(CasePlaceholder, StringComparison.Ordinal) && referralCase is null)
            {
                Report(shot, "skipped: the demo referral's case was not found (is the demo data complete?)");
                problems++;
                continue;
            }

            var key = (shot.SignIn ? shot.User : null, shot.Language ?? "en");
            IBrowserContext? context = null;
            try
            {
                if (!sessions.TryGetValue(key, out context))
                {
                    context = await OpenAsync(browser, portal, shot);
                    sessions[key] = context;
                }

                var page = context.Pages[0];
                var watch = Stopwatch.StartNew();
                var response = await page.GotoAsync(path);
                await AnswerPurposeAsync(page, response);
                watch.Stop();
                if (await page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation')[0].responseStatus") is var last and >= 400)
                {
                    Report(shot, NotThere(path, last));
                    problems++;
                    continue;
                }

                var loadTime = await Chromium.LoadTimeAsync(page);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(outputDirectory, shot.File), FullPage = true });
                Report(shot, string.Create(CultureInfo.InvariantCulture, $"{path}: {watch.ElapsedMilliseconds} ms to show (its last page load {loadTime:F0} ms)"));
            }
            catch (PlaywrightException exception) when (context is not null && exception.Message.Contains("ERR_HTTP_RESPONSE_CODE_FAILURE", StringComparison.Ordinal))
            {
                // An error status with an empty body: Chromium shows its own error page instead.
                Report(shot, NotThere(path, (await context.APIRequest.GetAsync(path, new APIRequestContextOptions { MaxRedirects = 0 })).Status));
                problems++;
            }
            catch (Exception exception) when (exception is PlaywrightException or TimeoutException or DemoDataException)
            {
                Report(shot, $"failed: {exception.Message.Split('\n')[0]}");
                problems++;
            }
        }

        foreach (var context in sessions.Values)
        {
            await context.DisposeAsync();
        }

        Console.WriteLine($"Screenshots in {outputDirectory}: {plan.Pages.Count - problems} taken, {problems} not.");
        return problems == 0 ? 0 : 3;
    }

    /// <summary>A browser context of its own per user and language, signed in at the provider's login page (unless the shot is of that page).</summary>
    private static async Task<IBrowserContext> OpenAsync(IBrowser browser, Uri portal, Shot shot)
    {
        var language = shot.Language ?? "en";
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.ToString(),
            Locale = language,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        if (shot.SignIn)
        {
            if (shot.User is null)
            {
                throw new DemoDataException("the plan names no user for a page that needs signing in");
            }

            await Chromium.SubmitLoginAsync(page, shot.User, IdentityProvider.DemoPassword());
            await page.WaitForURLAsync(url => url.StartsWith(portal.ToString(), StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal));
        }

        return context;
    }

    /// <summary>A read of personal data asks first why: the demo states case management and goes on to the page.</summary>
    private static async Task AnswerPurposeAsync(IPage page, IResponse? response)
    {
        if (response is null || !new Uri(page.Url).AbsolutePath.Equals("/Purpose", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        await page.Locator("input[name=Choice][value=case-management]").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Purpose", StringComparison.Ordinal));
    }

    /// <summary>The case of the demo referral from Italy to Nigeria: the newest in NAPTIP Abuja's inbox.</summary>
    private static async Task<string?> DemoReferralCaseAsync(Uri repatriation, IdentityProvider identityProvider)
    {
        try
        {
            var referrals = new Referrals.ReferralsClient((await DemoChannels.ForAsync(repatriation, identityProvider, "receivingagency.ng")).CreateCallInvoker());
            var inbox = await referrals.ListIncomingReferralsAsync(new ListIncomingReferralsRequest());
            return inbox.Referrals.FirstOrDefault()?.CaseId;
        }
        catch (RpcException exception)
        {
            Console.Error.WriteLine($"The repatriation service at {repatriation} did not list the demo referral: {exception.Status.Detail}");
            return null;
        }
    }

    private static string NotThere(string path, int status) =>
        $"not taken: {path} answered {status}{(status == 404 ? " (the page does not exist yet)" : "")}";

    private static void Report(Shot shot, string outcome) =>
        Console.WriteLine($"  {shot.File,-26} {shot.User ?? "(signed out)",-20} {shot.Language ?? "en",-3} {outcome}");

    private sealed record Plan(IReadOnlyList<Shot> Pages);

    private sealed record Shot(string File, string? User, string Path, string? Language, bool SignIn = true);
}
