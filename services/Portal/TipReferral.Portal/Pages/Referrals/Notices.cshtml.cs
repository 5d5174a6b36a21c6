using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Portal.Pages.Referrals;

/// <summary>What this side was told about its referrals, newest first: received, reminders, escalations, answers.</summary>
public sealed class NoticesModel(Contracts.Repatriation.V1.Referrals.ReferralsClient referrals) : ListPage
{
    public NoticeList? Notices { get; private set; }

    public Task<IActionResult> OnGetAsync() => AttemptAsync(async () =>
    {
        Notices = await referrals.ListNoticesAsync(new ListNoticesRequest { Page = RequestedPage });
        return Page();
    });
}
