using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Portal.Pages.Referrals;

/// <summary>The receiving agency's inbox: the referrals addressed to its own agency, with their deadlines.</summary>
public sealed class IncomingModel(Contracts.Repatriation.V1.Referrals.ReferralsClient referrals) : ListPage
{
    public ReferralSummaryList? Inbox { get; private set; }

    public Task<IActionResult> OnGetAsync() => AttemptAsync(async () =>
    {
        Inbox = await referrals.ListIncomingReferralsAsync(new ListIncomingReferralsRequest { Page = RequestedPage });
        return Page();
    });
}
