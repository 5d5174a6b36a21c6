using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Portal.Home;

namespace TipReferral.Portal.Pages.Shelter;

/// <summary>Open cases of the person's country not yet in a shelter, oldest first: references and flags only.</summary>
public sealed class AwaitingPlacementModel(ShelterCases.ShelterCasesClient cases) : ListPage
{
    public ListAwaitingPlacementResponse? Awaiting { get; private set; }

    public bool MayRefer => May(Workspace.Method(ShelterCases.Descriptor, "ReferToShelter"));

    /// <summary>The case's shelter page is where a referral is made; only the roles that may read it get a link there.</summary>
    public bool MayOpenCase => May(Workspace.Method(ShelterCases.Descriptor, "GetShelterCase"));

    public Task<IActionResult> OnGetAsync() => AttemptAsync(async () =>
    {
        Awaiting = await cases.ListAwaitingPlacementAsync(new ListAwaitingPlacementRequest
        {
            Country = Me.Country,
            Page = RequestedPage,
        });
        return Page();
    });
}
