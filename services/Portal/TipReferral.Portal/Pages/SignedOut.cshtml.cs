using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TipReferral.Portal.Pages;

public sealed class SignedOutModel : PageModel
{
    public void OnGet()
    {
    }
}
