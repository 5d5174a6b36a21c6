using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Portal.Calling;

namespace TipReferral.Portal.Pages.Cases;

/// <summary>Finds cases of the person's country by reference or by a name, matched fuzzily; one page at a time.</summary>
public sealed class IndexModel(VictimCases.VictimCasesClient cases) : ListPage
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    public SearchCasesResponse? Results { get; private set; }

    public Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Reference) && PageNumber <= 1 && !Request.Query.ContainsKey("all"))
        {
            return Task.FromResult<IActionResult>(Page());
        }

        // Search hits reveal names: every hit is recorded with the purpose stated for searching.
        if (PurposeFor(StatedPurposes.SearchScope) is not { } purpose)
        {
            return Task.FromResult(AskPurpose(StatedPurposes.SearchScope));
        }

        return AttemptAsync(async () =>
        {
            Results = await cases.SearchCasesAsync(new SearchCasesRequest
            {
                Name = Name?.Trim() ?? "",
                Reference = Reference?.Trim() ?? "",
                Country = Me.Country,
                Page = RequestedPage,
            }, StatedPurposes.Header(purpose));
            return Page();
        });
    }
}
