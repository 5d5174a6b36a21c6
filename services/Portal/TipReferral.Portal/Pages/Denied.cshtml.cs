namespace TipReferral.Portal.Pages;

public sealed class DeniedModel : PortalPage
{
    public void OnGet()
    {
    }
}
