using TipReferral.Portal.SigningIn;

namespace TipReferral.Portal.Security;

/// <summary>
/// Headers on every response: a strict Content-Security-Policy (no inline script or style, no
/// framing, forms post only here or to the identity provider), and no-store on everything but
/// the static files, so that no page holding case data stays in a browser's or proxy's cache.
/// </summary>
public static class SecurityHeaders
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var provider = app.Services.GetRequiredService<PortalOptions>().BrowserOrigin;
        var policy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'",
            // Signing out posts here and is redirected to the provider's end-session endpoint.
            $"form-action 'self' {provider}");
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (!IsStaticFile(context.Request.Path))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            await next();
        });
        return app;
    }

    private static bool IsStaticFile(PathString path) =>
        path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/favicon.svg");
}
