using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Hosting;

/// <summary>
/// The portal on real Kestrel (a free loopback port), calling the services of a
/// <see cref="PortalSystem"/> and signing people in at the shared identity provider. Page tests
/// may also sign in without the provider's login page (<see cref="TestSignIn"/>), with a real
/// access token all the same: the services cannot tell the difference.
/// </summary>
public sealed class PortalFactory(PortalSystem system) : WebApplicationFactory<Program>
{
    public int Port { get; } = LoopbackPorts.Free();

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public TestIdentityProvider IdentityProvider { get; private set; } = null!;

    public async Task StartAsync()
    {
        IdentityProvider = await TestIdentityProvider.GetAsync();
        // Outside a test host WebApplicationFactory does not find the portal's content root (wwwroot) by itself.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TIPREFERRAL_PORTAL",
            Path.Combine(RepositoryRoot.Path, "services", "Portal", "TipReferral.Portal"));
        UseKestrel();
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Authority"] = IdentityProvider.Issuer.ToString(),
            ["Portal:RequireHttpsMetadata"] = "false",
            ["Portal:ClientId"] = TestIdentityProvider.PortalClientId,
            ["Portal:ClientSecret"] = TestIdentityProvider.PortalClientSecret,
            ["Portal:Services:Identification"] = system.Identification.GrpcAddress.ToString(),
            ["Portal:Services:Shelter"] = system.Shelter.GrpcAddress.ToString(),
            ["Portal:Services:Legal"] = system.Legal.GrpcAddress.ToString(),
            ["Portal:Services:Repatriation"] = system.Repatriation.GrpcAddress.ToString(),
            ["Kestrel:Endpoints:Http:Url"] = Address.ToString(),
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1AndHttp2",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton(IdentityProvider);
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.SchemeName, _ => { });
            // A request naming a test user is signed in as them; every other request signs in for real.
            services.PostConfigure<AuthenticationOptions>(options => options.DefaultScheme = TestSignIn.PolicyScheme);
            services.AddAuthentication().AddPolicyScheme(TestSignIn.PolicyScheme, null, policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(TestSignIn.UserHeader) ? TestSignIn.SchemeName : Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
        });
    }
}
