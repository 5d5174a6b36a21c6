using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Common.V1;
using TipReferral.Portal.Calling;

namespace TipReferral.Portal.Pages.Audit;

/// <summary>
/// The data-protection officer's desk: what one user viewed, or tried to and was refused, in
/// every service; and each reveal of a protected identity in the officer's country.
/// </summary>
public sealed class IndexModel(ReadAudits audits) : ListPage
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool IncludeDenied { get; set; } = true;

    public ServiceAnswer<AccessRecords>[] Reads { get; private set; } = [];

    public ServiceAnswer<DataProtectionNotifications>[] Notifications { get; private set; } = [];

    public PageInfo? ReadsPage { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Only a data-protection officer audits: anyone else would get four refusals, so one is enough.
        if (!May(Home.Workspace.Method(ReadAudit.Descriptor, "WhatDidUserView")))
        {
            return RedirectToPage("/Denied");
        }

        var page = RequestedPage;
        var notifications = EveryService.AskAsync(audits, audit => audit.ListDataProtectionNotificationsAsync(
            new ListDataProtectionNotificationsRequest { Country = Me.Country, Page = new PageRequest { PageSize = PageSize } }));
        if (!string.IsNullOrWhiteSpace(UserId))
        {
            Reads = await EveryService.AskAsync(audits, audit => audit.WhatDidUserViewAsync(
                new WhatDidUserViewRequest { UserId = UserId.Trim(), IncludeDenied = IncludeDenied, Page = page }));
            ReadsPage = EveryService.Paging(Reads, page.Page, PageSize);
        }

        Notifications = await notifications;
        return Page();
    }
}
