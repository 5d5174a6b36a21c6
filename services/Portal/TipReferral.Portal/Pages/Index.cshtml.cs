namespace TipReferral.Portal.Pages;

/// <summary>The workspace of the signed-in role: what it may do, and nothing else.</summary>
public sealed class IndexModel : PortalPage
{
    public void OnGet()
    {
    }
}
