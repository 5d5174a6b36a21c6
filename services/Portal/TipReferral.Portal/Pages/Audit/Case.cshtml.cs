using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Portal.Calling;

namespace TipReferral.Portal.Pages.Audit;

/// <summary>
/// Who viewed one case in every service, refused attempts included, and the case's lawful
/// erasure: requested, then approved or rejected by the data-protection officer.
/// </summary>
public sealed class CaseModel(ReadAudits audits, VictimCases.VictimCasesClient cases) : ListPage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public long? ExpectedVersion { get; set; }

    [BindProperty]
    public ErasureInput Erasure { get; set; } = new();

    [TempData(Key = "audit.done")]
    public string? Done { get; set; }

    public VictimCaseDetails? Case { get; private set; }

    public ServiceAnswer<AccessRecords>[] Reads { get; private set; } = [];

    public PageInfo? ReadsPage { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (PurposeFor(Id) is not { } purpose)
        {
            return AskPurpose(Id);
        }

        var result = await AttemptAsync(async () =>
        {
            Case = await cases.GetCaseAsync(new GetCaseRequest { CaseId = Id }, StatedPurposes.Header(purpose));
            ModelState.Remove(nameof(ExpectedVersion));
            ExpectedVersion = Case.Version;
            return Page();
        });
        if (Case is not null)
        {
            await ReadAuditAsync();
        }

        return result;
    }

    public Task<IActionResult> OnPostRequestErasureAsync() => DecideAsync("audit.done.erasure-requested", (reason, version) =>
        cases.RequestErasureAsync(new RequestErasureRequest { CaseId = Id, ExpectedVersion = version, Reason = reason }).ResponseAsync);

    public Task<IActionResult> OnPostApproveErasureAsync() => DecideAsync("audit.done.erasure-approved", (reason, version) =>
        cases.ApproveErasureAsync(new DecideErasureRequest { CaseId = Id, ExpectedVersion = version, Reason = reason }).ResponseAsync);

    public Task<IActionResult> OnPostRejectErasureAsync() => DecideAsync("audit.done.erasure-rejected", (reason, version) =>
        cases.RejectErasureAsync(new DecideErasureRequest { CaseId = Id, ExpectedVersion = version, Reason = reason }).ResponseAsync);

    private async Task<IActionResult> DecideAsync(string done, Func<string, long, Task> write)
    {
        var result = await AttemptAsync(async () =>
        {
            await write(Erasure.Reason?.Trim() ?? "", ExpectedVersion.GetValueOrDefault());
            Done = done;
            return RedirectToPage(new { id = Id });
        }, nameof(Erasure));
        if (result is PageResult)
        {
            await ShowAroundRefusalAsync();
        }

        return result;
    }

    private async Task ShowAroundRefusalAsync()
    {
        if (PurposeFor(Id) is { } purpose)
        {
            try
            {
                Case = await cases.GetCaseAsync(new GetCaseRequest { CaseId = Id }, StatedPurposes.Header(purpose));
            }
            catch (Grpc.Core.RpcException)
            {
                // The refusal of the decision is what the officer needs to see; a case they may not read stays hidden.
                Case = null;
            }
        }

        await ReadAuditAsync();
    }

    private async Task ReadAuditAsync()
    {
        var page = RequestedPage;
        Reads = await EveryService.AskAsync(audits, audit => audit.WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = Id, IncludeDenied = true, Page = page }));
        ReadsPage = EveryService.Paging(Reads, page.Page, PageSize);
    }
}

public sealed class ErasureInput
{
    public string? Reason { get; set; }
}
