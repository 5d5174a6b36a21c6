using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Portal.Pages.Referrals;

/// <summary>Follow-up visits past their date and not recorded, in the caller's country.</summary>
public sealed class OverdueVisitsModel(Reintegration.ReintegrationClient reintegration) : PortalPage
{
    public OverdueFollowUpVisitList? Visits { get; private set; }

    public Task<IActionResult> OnGetAsync() => AttemptAsync(async () =>
    {
        Visits = await reintegration.ListOverdueFollowUpVisitsAsync(new ListOverdueFollowUpVisitsRequest());
        return Page();
    });
}
