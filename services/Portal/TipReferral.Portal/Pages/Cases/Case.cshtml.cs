using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Identification.V1;

namespace TipReferral.Portal.Pages.Cases;

/// <summary>One victim case as the identification service shows it to this person (masked where it must be).</summary>
public sealed class CaseModel(VictimCases.VictimCasesClient cases) : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public VictimCaseDetails? Case { get; private set; }

    public Task<IActionResult> OnGetAsync()
    {
        if (PurposeFor(Id) is not { } purpose)
        {
            return Task.FromResult(AskPurpose(Id));
        }

        return AttemptAsync(async () =>
        {
            Case = await cases.GetCaseAsync(new GetCaseRequest { CaseId = Id }, Calling.StatedPurposes.Header(purpose));
            return Page();
        });
    }
}
