using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TipReferral.Portal.Pages;

/// <summary>
/// A case page that reads the case with a stated purpose and holds several forms, each posting to
/// a handler of its own and bound under its own prefix (the input model's property name).
/// </summary>
public abstract class CaseFormPage : PortalPage
{
    /// <summary>The TempData key of the text key saying what was just done (shown once, after the redirect).</summary>
    public const string DoneKey = "case.done";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>Reads what the page shows, with the purpose stated for this case.</summary>
    protected abstract Task LoadAsync(string purpose);

    /// <summary>
    /// One write: on success back to the case (post/redirect/get); on a refusal the case is read
    /// again and the form shows what the person typed, the service's errors by the inputs under
    /// <paramref name="prefix"/>.
    /// </summary>
    protected async Task<IActionResult> WriteAsync(string prefix, string done, Func<Task> write)
    {
        if (PurposeFor(Id) is not { } purpose)
        {
            return AskPurpose(Id);
        }

        var result = await AttemptAsync(async () =>
        {
            await write();
            TempData[DoneKey] = done;
            return RedirectToPage(new { id = Id });
        }, prefix);
        if (result is PageResult)
        {
            try
            {
                await LoadAsync(purpose);
            }
            catch (RpcException unreadable)
            {
                return Refused(unreadable);
            }
        }

        return result;
    }

    /// <summary>Reads the case for a GET, then lets the page prefill its forms.</summary>
    protected Task<IActionResult> ReadAsync(Action? prefill = null)
    {
        if (PurposeFor(Id) is not { } purpose)
        {
            return Task.FromResult(AskPurpose(Id));
        }

        return AttemptAsync(async () =>
        {
            await LoadAsync(purpose);
            prefill?.Invoke();
            return Page();
        });
    }
}
