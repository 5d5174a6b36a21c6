using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using TipReferral.Portal.Calling;
using TipReferral.Portal.Localization;
using TipReferral.Portal.Security;
using TipReferral.Portal.SigningIn;

namespace TipReferral.Portal;

public static class PortalModule
{
    public const string ServiceName = "portal";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMemoryCache();
        builder.Services.AddHealthChecks();
        builder.AddPortalSignIn();
        builder.AddPortalLanguages();
        builder.AddServiceClients();
        builder.Services.AddSingleton<RpcAccess>();
        builder.Services.AddScoped<StatedPurposes>();
        builder.Services
            .AddRazorPages(pages =>
            {
                // Every page needs a signed-in user, except those that explain signing in and out.
                pages.Conventions.AuthorizeFolder("/");
                pages.Conventions.AllowAnonymousToPage("/SignedOut");
                pages.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddPortalLocalization();
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = ".TipReferral.Antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UsePortalLanguages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        app.MapPortalSignIn();
        app.MapRazorPages();
        return app;
    }
}
