using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Home;

[Collection(PortalSystemCollection.Name)]
public sealed class WorkspaceTests(PortalSystem system)
{
    [Fact]
    public async Task A_screener_sees_search_and_registration_and_no_audit_or_legal_lists()
    {
        using var screener = system.As(DemoUsers.For(Roles.Screener, "IT"));

        var home = await screener.GetAsync("/");

        var links = home.Document.QuerySelectorAll("[data-testid=workspace] a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain("/Cases");
        links.ShouldContain("/Cases/Register");
        links.ShouldNotContain("/Audit");
        links.ShouldNotContain("/Legal/ExpiringPermits");
    }

    [Fact]
    public async Task A_data_protection_officer_sees_the_read_audit()
    {
        using var officer = system.As(DemoUsers.For(Roles.DataProtectionOfficer, "IT"));

        var home = await officer.GetAsync("/");

        home.Document.QuerySelectorAll("[data-testid=workspace] a").Select(a => a.GetAttribute("href")).ShouldContain("/Audit");
    }

    [Fact]
    public async Task An_administrator_reaches_no_case_content()
    {
        using var administrator = system.As(DemoUsers.For(Roles.Administrator, "IT"));

        var home = await administrator.GetAsync("/");

        home.Document.QuerySelectorAll("[data-testid=workspace] a").Select(a => a.GetAttribute("href")).ShouldNotContain("/Cases");
    }

    [Fact]
    public async Task Every_page_forbids_caching_framing_and_inline_script()
    {
        using var http = new HttpClient { BaseAddress = system.Portal.Address };
        http.DefaultRequestHeaders.Add(TestSignIn.UserHeader, DemoUsers.For(Roles.Screener, "IT").Username);

        using var response = await http.GetAsync("/");

        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("script-src 'self'");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldNotContain("unsafe-inline");
    }
}
