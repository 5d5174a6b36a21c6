using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipReferral.Contracts.Legal.V1;
using Proto = TipReferral.Contracts.Legal.V1;
using TipReferral.Portal.Calling;
using TipReferral.Portal.Home;
using TipReferral.Portal.Localization;

namespace TipReferral.Portal.Pages.Legal;

/// <summary>
/// The legal file of a victim case as the legal-assistance service shows it to this person:
/// proceedings and everything decided in them for those who work on them, only the effects of
/// holds and protection for those who care for the person. Each form posts to a handler of its own.
/// </summary>
public sealed partial class CaseModel(
    LegalCases.LegalCasesClient legalCases,
    Proto.Cooperation.CooperationClient cooperation,
    WitnessProtection.WitnessProtectionClient protection,
    LegalHolds.LegalHoldsClient holds,
    Proto.LegalAid.LegalAidClient legalAid,
    ResidencePermits.ResidencePermitsClient permits,
    Compensation.CompensationClient compensation) : PortalPage
{
    public const string DoneKey = "legal.done";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>The version of the legal file the form was shown with: sent back as expected_version.</summary>
    [BindProperty]
    public long? ExpectedVersion { get; set; }

    public LegalSituation? Situation { get; private set; }

    [TempData(Key = DoneKey)]
    public string? Done { get; set; }

    public Task<IActionResult> OnGetAsync()
    {
        if (PurposeFor(Id) is not { } purpose)
        {
            return Task.FromResult(AskPurpose(Id));
        }

        return AttemptAsync(async () =>
        {
            Situation = await legalCases.GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = Id }, StatedPurposes.Header(purpose));
            ModelState.Remove(nameof(ExpectedVersion));
            ExpectedVersion = Situation.Version;
            return Page();
        });
    }

    /// <summary>
    /// Runs one write; on success back to the page (post/redirect/get) with what was done, on a
    /// refusal the page again around it, with what the person typed.
    /// </summary>
    private async Task<IActionResult> ActAsync(string inputPrefix, string done, Func<long, Task> write)
    {
        var result = await AttemptAsync(async () =>
        {
            await write(ExpectedVersion.GetValueOrDefault());
            Done = done;
            return RedirectToPage(new { id = Id });
        }, inputPrefix);
        if (result is PageResult && PurposeFor(Id) is { } purpose)
        {
            await ShowAroundRefusalAsync(purpose);
        }

        return result;
    }

    private async Task ShowAroundRefusalAsync(string purpose)
    {
        try
        {
            Situation = await legalCases.GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = Id }, StatedPurposes.Header(purpose));
        }
        catch (RpcException)
        {
            // The refusal of the write is what the person needs to see; a file they may not read stays hidden.
            Situation = null;
        }
    }

    /// <summary>Whether the signed-in role may call <paramref name="rpc"/> of <paramref name="service"/>: whether its form is shown.</summary>
    public bool Can(Google.Protobuf.Reflection.ServiceDescriptor service, string rpc) => May(Workspace.Method(service, rpc));

    /// <summary>The proceedings to choose from, by the authority's own case number.</summary>
    public IReadOnlyList<(string Value, string Label)> LegalCaseChoices =>
        [.. Situation?.LegalCases.Select(c => (c.LegalCaseId, $"{c.AuthorityCaseNumber} · {c.Jurisdiction?.AuthorityName}")) ?? []];

    public string LegalCaseLabel(string legalCaseId) =>
        Situation?.LegalCases.FirstOrDefault(c => c.LegalCaseId == legalCaseId)?.AuthorityCaseNumber ?? "";

    private static Google.Type.Date? Day(DateOnly? date) => Formats.ToProto(date);

    private static string Text(string? value) => value?.Trim() ?? "";
}
