using System.Globalization;
using System.Resources;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;

namespace TipReferral.Identity;

/// <summary>
/// The provider's own HTML: the sign-in form and the signed-out page, in the language the
/// client asked for with ui_locales (English, French, Arabic or Portuguese; else English).
/// No script and no inline style, so the strict Content-Security-Policy holds.
/// </summary>
public static class LoginPage
{
    private static readonly ResourceManager Strings = new("TipReferral.Identity.Resources.LoginPage", typeof(LoginPage).Assembly);
    private static readonly string[] Languages = ["en", "fr", "ar", "pt"];
    // All of Unicode, so French, Arabic and Portuguese text stays readable in the page source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The first language of <paramref name="uiLocales"/> (space-separated BCP 47 tags) that the page speaks.</summary>
    public static CultureInfo Culture(string? uiLocales) =>
        (uiLocales ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(tag => tag.Split('-')[0].ToLowerInvariant())
            .Where(language => Languages.Contains(language, StringComparer.Ordinal))
            .Select(CultureInfo.GetCultureInfo)
            .FirstOrDefault() ?? CultureInfo.GetCultureInfo("en");

    /// <param name="returnUrl">The authorization request to continue once signed in.</param>
    /// <param name="formActionOrigin">Where the authorization response will go: the form's submission ends there after two redirects.</param>
    public static IResult Form(HttpContext http, IAntiforgery antiforgery, CultureInfo culture, string returnUrl, string? formActionOrigin, string? username, bool failed)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var basePath = http.Request.PathBase;
        var error = failed ? $"""<p class="error" role="alert">{Text("Failed", culture)}</p>""" : "";
        var body = $"""
            {error}
            <form method="post" action="{Html.Encode(basePath + SignInEndpoints.LoginPath)}">
            <input type="hidden" name="{Html.Encode(tokens.FormFieldName)}" value="{Html.Encode(tokens.RequestToken ?? "")}">
            <input type="hidden" name="{SignInEndpoints.ReturnUrlField}" value="{Html.Encode(returnUrl)}">
            <label for="username">{Text("Username", culture)}</label>
            <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="{Html.Encode(username ?? "")}"{(username is null ? " autofocus" : "")}>
            <label for="password">{Text("Password", culture)}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required{(username is null ? "" : " autofocus")}>
            <button type="submit">{Text("SignIn", culture)}</button>
            </form>
            """;
        return Page(http, culture, Text("Title", culture), body, formActionOrigin);
    }

    public static IResult SignedOut(HttpContext http, CultureInfo culture) =>
        Page(http, culture, Text("SignedOutTitle", culture), $"<p>{Text("SignedOut", culture)}</p>", formActionOrigin: null);

    private static IResult Page(HttpContext http, CultureInfo culture, string title, string body, string? formActionOrigin)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'self'; frame-ancestors 'none'; form-action 'self'{(formActionOrigin is null ? "" : " " + formActionOrigin)}";
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{culture.TwoLetterISOLanguageName}" dir="{(culture.TextInfo.IsRightToLeft ? "rtl" : "ltr")}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title>
            <link rel="stylesheet" href="{Html.Encode(http.Request.PathBase + "/css/login.css")}">
            </head>
            <body>
            <main>
            <h1>{title}</h1>
            {body}
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Text(string name, CultureInfo culture) =>
        Html.Encode(Strings.GetString(name, culture) ?? throw new InvalidOperationException($"The login page has no text {name}."));
}
