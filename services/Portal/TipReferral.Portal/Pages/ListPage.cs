using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Common.V1;

namespace TipReferral.Portal.Pages;

/// <summary>A page of a list that the service pages: the page asked for travels in the query as <c>page</c>, as the pager writes it.</summary>
public abstract class ListPage : PortalPage
{
    public const int PageSize = 20;

    /// <summary>
    /// Read from the query only: Razor Pages keeps the page's own path in the route value
    /// <c>page</c>, which otherwise wins the binding and leaves every list on its first page.
    /// </summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    protected PageRequest RequestedPage => new() { Page = Math.Max(PageNumber, 1), PageSize = PageSize };
}
