using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace TipReferral.Portal.Localization;

/// <summary>A language of the portal: the AU's working languages, each with the culture that formats its dates and numbers.</summary>
public sealed record Language(string Code, string Culture, string NativeName, bool RightToLeft);

/// <summary>
/// English, French, Arabic (right to left) and Portuguese. The choice is remembered in a cookie
/// (no case content in it) and sent to the identity provider's sign-in page as ui_locales.
/// </summary>
public static class Languages
{
    public static readonly IReadOnlyList<Language> All =
    [
        new("en", "en-GB", "English", RightToLeft: false),
        new("fr", "fr-FR", "Français", RightToLeft: false),
        // Egypt's Arabic culture keeps the Gregorian calendar that every service's dates are in.
        new("ar", "ar-EG", "العربية", RightToLeft: true),
        new("pt", "pt-PT", "Português", RightToLeft: false),
    ];

    public static Language Current => Find(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? All[0];

    public static Language? Find(string? code) => All.FirstOrDefault(language => string.Equals(language.Code, code, StringComparison.OrdinalIgnoreCase));

    public static WebApplicationBuilder AddPortalLanguages(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<RuleTexts>();
        builder.Services.AddSingleton<CodeTexts>();
        return builder;
    }

    public static IMvcBuilder AddPortalLocalization(this IMvcBuilder mvc) =>
        mvc.AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(PortalText)));

    public static WebApplication UsePortalLanguages(this WebApplication app)
    {
        var cultures = All.Select(language => new CultureInfo(language.Culture)).ToList();
        var uiCultures = All.Select(language => new CultureInfo(language.Code)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(All[0].Culture, All[0].Code),
            SupportedCultures = cultures,
            SupportedUICultures = uiCultures,
            FallBackToParentUICultures = true,
            FallBackToParentCultures = true,
        };
        // The person's choice first, then what their browser asks for.
        options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CookieName }, new AcceptLanguageHeaderRequestCultureProvider()];
        app.UseRequestLocalization(options);
        return app;
    }

    public const string CookieName = ".TipReferral.Language";

    public static string CookieValue(Language language) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Culture, language.Code));
}
