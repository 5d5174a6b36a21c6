using Microsoft.AspNetCore.Mvc;
using TipReferral.Portal.Localization;

namespace TipReferral.Portal.Pages;

/// <summary>Remembers the chosen language (a year, in a cookie that holds only the language) and returns to the page.</summary>
public sealed class LanguageModel : PortalPage
{
    public IActionResult OnPost(string? code, string? returnUrl)
    {
        if (Languages.Find(code) is { } language)
        {
            Response.Cookies.Append(Languages.CookieName, Languages.CookieValue(language), new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });
        }

        return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
