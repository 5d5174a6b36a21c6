using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TipReferral.Portal.Calling;
using TipReferral.Portal.Localization;

namespace TipReferral.Portal.Pages;

/// <summary>
/// Asks why the person needs to see personal data before any read of it: a common purpose or
/// their own words. The services record it with every read; the portal keeps it for this
/// sign-in and case only.
/// </summary>
public sealed class PurposeModel(IStringLocalizer<PortalText> text) : PortalPage
{
    /// <summary>Purposes most reads serve, as text keys "purpose.common.&lt;key&gt;".</summary>
    public static readonly IReadOnlyList<string> CommonPurposes = ["case-management", "placement", "referral", "proceedings", "audit"];

    [BindProperty(SupportsGet = true)]
    public string Scope { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string ReturnUrl { get; set; } = "/";

    [BindProperty]
    public string? Choice { get; set; }

    [BindProperty]
    public string? Statement { get; set; }

    public IActionResult OnGet() => string.IsNullOrWhiteSpace(Scope) ? BadRequest() : Page();

    public IActionResult OnPost()
    {
        if (string.IsNullOrWhiteSpace(Scope))
        {
            return BadRequest();
        }

        // The person's own words win; a chosen purpose is recorded as the person read it.
        var purpose = !string.IsNullOrWhiteSpace(Statement) ? Statement.Trim()
            : Choice is not null && CommonPurposes.Contains(Choice) ? text.GetString("purpose.common." + Choice).Value
            : null;
        if (purpose is null)
        {
            ModelState.AddModelError(nameof(Statement), text["purpose.required"]);
            return Page();
        }

        if (purpose.Length > StatedPurposes.MaxLength)
        {
            ModelState.AddModelError(nameof(Statement), text["purpose.too-long", StatedPurposes.MaxLength]);
            return Page();
        }

        Purposes.State(Scope, purpose);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
