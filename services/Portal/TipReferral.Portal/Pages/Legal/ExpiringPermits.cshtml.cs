using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Legal.V1;

namespace TipReferral.Portal.Pages.Legal;

/// <summary>The residence permits of the person's country that expire soon, soonest first: who needs a renewal before it is too late.</summary>
public sealed class ExpiringPermitsModel(ResidencePermits.ResidencePermitsClient permits) : ListPage
{
    public const int DefaultDays = 60;

    [BindProperty(SupportsGet = true)]
    public ExpiringPermitsInput Input { get; set; } = new();

    public ListExpiringPermitsResponse? Permits { get; private set; }

    public Task<IActionResult> OnGetAsync() => AttemptAsync(async () =>
    {
        Permits = await permits.ListExpiringPermitsAsync(new ListExpiringPermitsRequest
        {
            Country = Me.Country,
            WithinDays = Input.WithinDays ?? DefaultDays,
            Page = RequestedPage,
        });
        return Page();
    });
}

public sealed class ExpiringPermitsInput
{
    public int? WithinDays { get; set; }
}
