using System.Text;
using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Portal.Calling;

namespace TipReferral.Portal.Pages.Cases;

/// <summary>
/// The whole case's audit trail: every service's events in time order, each asked with this
/// person's own token and purpose, and for each service whether its part is in, refused, or missing.
/// </summary>
public sealed class TimelineModel(WholeCaseHistories.WholeCaseHistoriesClient histories) : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public WholeCaseHistory? History { get; private set; }

    public Task<IActionResult> OnGetAsync()
    {
        if (PurposeFor(Id) is not { } purpose)
        {
            return Task.FromResult(AskPurpose(Id));
        }

        return AttemptAsync(async () =>
        {
            History = await histories.GetWholeCaseHistoryAsync(new GetWholeCaseHistoryRequest { CaseId = Id }, StatedPurposes.Header(purpose));
            return Page();
        });
    }

    /// <summary>An event type as words: "PresumedVictimRegistered" reads "Presumed victim registered".</summary>
    public static string Readable(string eventType)
    {
        var words = new StringBuilder(eventType.Length + 8);
        for (var i = 0; i < eventType.Length; i++)
        {
            var letter = eventType[i];
            if (i > 0 && char.IsUpper(letter) && !char.IsUpper(eventType[i - 1]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(letter));
            }
            else
            {
                words.Append(letter);
            }
        }

        return words.ToString();
    }
}
