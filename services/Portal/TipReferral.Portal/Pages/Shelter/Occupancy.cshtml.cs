using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Portal.Pages.Shelter;

/// <summary>Every shelter of the signed-in person's country: capacity, beds taken and free.</summary>
public sealed class OccupancyModel(Shelters.SheltersClient shelters) : PortalPage
{
    public Contracts.Shelter.V1.Occupancy? Occupancy { get; private set; }

    public Task<IActionResult> OnGetAsync() => AttemptAsync(async () =>
    {
        Occupancy = await shelters.GetOccupancyAsync(new GetOccupancyRequest { Country = Me.Country });
        return Page();
    });
}
