using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Portal.Calling;

namespace TipReferral.Portal.Pages.Legal;

/// <summary>
/// Requests from abroad to protect a witness's family in this country, for its witness-protection
/// authority: it sees what it needs to protect them and nothing else of the case, and decides.
/// </summary>
public sealed class FamilyProtectionModel(WitnessProtection.WitnessProtectionClient protection) : ListPage
{
    public const string DoneKey = "legal.done";

    [BindProperty]
    public FamilyDecisionInput Decision { get; set; } = new();

    [TempData(Key = DoneKey)]
    public string? Done { get; set; }

    public ListFamilyProtectionRequestsResponse? Requests { get; private set; }

    /// <summary>The requests reveal who the family are: one purpose for this country's list.</summary>
    private string Scope => "family-protection:" + Me.Country;

    public Task<IActionResult> OnGetAsync()
    {
        if (PurposeFor(Scope) is not { } purpose)
        {
            return Task.FromResult(AskPurpose(Scope));
        }

        return AttemptAsync(async () =>
        {
            await ListAsync(purpose);
            return Page();
        });
    }

    public async Task<IActionResult> OnPostDecideAsync()
    {
        var result = await AttemptAsync(async () =>
        {
            var request = new DecideFamilyProtectionRequest
            {
                RequestId = Decision.RequestId?.Trim() ?? "",
                ExpectedVersion = Decision.ExpectedVersion.GetValueOrDefault(),
                Grant = Decision.Grant,
                Reason = Decision.Reason?.Trim() ?? "",
            };
            request.Measures.AddRange(Decision.Measures);
            await protection.DecideFamilyProtectionAsync(request);
            Done = Decision.Grant ? "legal.done.family-granted" : "legal.done.family-refused";
            return RedirectToPage();
        }, nameof(Decision));
        if (result is PageResult && PurposeFor(Scope) is { } purpose)
        {
            await AttemptAsync(async () =>
            {
                await ListAsync(purpose);
                return Page();
            });
        }

        return result;
    }

    private async Task ListAsync(string purpose) =>
        Requests = await protection.ListFamilyProtectionRequestsAsync(
            new ListFamilyProtectionRequestsRequest { Country = Me.Country, Page = RequestedPage },
            StatedPurposes.Header(purpose));
}

public sealed class FamilyDecisionInput
{
    public string? RequestId { get; set; }

    public long? ExpectedVersion { get; set; }

    public bool Grant { get; set; }

    public List<ProtectionMeasure> Measures { get; set; } = [];

    public string? Reason { get; set; }
}
