using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TipReferral.Portal.Pages;

/// <summary>A fault of the system: said so, with the trace id under which it was logged, never its internals.</summary>
public sealed class ErrorModel : PageModel
{
    public string? TraceId { get; private set; }

    public void OnGet() => TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
}
