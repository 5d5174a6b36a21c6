using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Portal.Calling;
using TipReferral.Portal.Localization;
using TipReferral.Portal.Pages.Returns;

namespace TipReferral.Portal.Pages.Referrals;

/// <summary>
/// One incoming referral as the receiving agency sees it: its own part only (the referral and the
/// signed package, verified against the sending country's key), its answer, its risk contribution,
/// a child's care on arrival, the handover and the reintegration that follows.
/// </summary>
public sealed class ReferralModel(
    Contracts.Repatriation.V1.Referrals.ReferralsClient referrals,
    RiskAssessments.RiskAssessmentsClient risks,
    ChildSafeguards.ChildSafeguardsClient safeguards,
    Travel.TravelClient travel,
    Reintegration.ReintegrationClient reintegration) : PortalPage
{
    private const string PackageWithdrawnRule = "disclosure-package-withdrawn";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>A visit to record (from the overdue list, or the one just scheduled).</summary>
    [BindProperty(SupportsGet = true, Name = "visit")]
    public string? VisitToRecord { get; set; }

    [BindProperty]
    public AcknowledgeInput Acknowledge { get; set; } = new();

    [BindProperty]
    public AcceptInput Accept { get; set; } = new();

    [BindProperty]
    public ReasonInput Decline { get; set; } = new();

    [BindProperty]
    public RiskInput Risk { get; set; } = new();

    [BindProperty]
    public FamilyTracingInput Tracing { get; set; } = new();

    [BindProperty]
    public AlternativeCareInput Care { get; set; } = new();

    [BindProperty]
    public HandoverInput Handover { get; set; } = new();

    [BindProperty]
    public PlanInput Plan { get; set; } = new();

    [BindProperty]
    public VisitInput Visit { get; set; } = new();

    [BindProperty]
    public CloseInput Close { get; set; } = new();

    public Referral? Referral { get; private set; }

    public DisclosurePackageView? Package { get; private set; }

    /// <summary>The referral stopped (or the person withdrew consent): the agency no longer holds the package.</summary>
    public bool PackageWithdrawn { get; private set; }

    public Task<IActionResult> OnGetAsync()
    {
        if (PurposeFor(Id) is not { } purpose)
        {
            return Task.FromResult(AskPurpose(Id));
        }

        return AttemptAsync(async () =>
        {
            await LoadAsync(purpose);
            Risk.ExpectedVersion = Referral?.Version;
            Visit.VisitId ??= VisitToRecord;
            return Page();
        });
    }

    public Task<IActionResult> OnPostAcknowledgeAsync() => WriteAsync(
        () => referrals.AcknowledgeReferralAsync(Versions.At(
            new AcknowledgeReferralRequest { CaseId = Id, ContactPerson = Acknowledge.ContactPerson?.Trim() ?? "" }, Acknowledge.ExpectedVersion)).ResponseAsync,
        nameof(Acknowledge), "referral.done.acknowledged");

    public Task<IActionResult> OnPostAcceptAsync() => WriteAsync(
        () => referrals.AcceptReferralAsync(Versions.At(
            new AcceptReferralRequest { CaseId = Id, Note = Accept.Note?.Trim() ?? "" }, Accept.ExpectedVersion)).ResponseAsync,
        nameof(Accept), "referral.done.accepted");

    public Task<IActionResult> OnPostDeclineAsync() => WriteAsync(
        () => referrals.DeclineReferralAsync(Versions.At(
            new DeclineReferralRequest { CaseId = Id, Reason = Decline.Reason?.Trim() ?? "" }, Decline.ExpectedVersion)).ResponseAsync,
        nameof(Decline), "referral.done.declined");

    public Task<IActionResult> OnPostRiskAsync() => WriteAsync(
        () => risks.ContributeRiskAssessmentAsync(Risk.ToRequest(Id)).ResponseAsync, nameof(Risk), "referral.done.risk");

    public Task<IActionResult> OnPostTracingAsync() => WriteAsync(
        () => safeguards.RecordFamilyTracingAsync(Versions.At(
            new RecordFamilyTracingRequest { CaseId = Id, Outcome = Tracing.Outcome, Notes = Tracing.Notes?.Trim() ?? "" }, Tracing.ExpectedVersion)).ResponseAsync,
        nameof(Tracing), "referral.done.tracing");

    public Task<IActionResult> OnPostCareAsync() => WriteAsync(
        () => safeguards.RecordAlternativeCareAsync(Versions.At(
            new RecordAlternativeCareRequest { CaseId = Id, Arrangement = Care.Arrangement?.Trim() ?? "", Provider = Care.Provider?.Trim() ?? "" }, Care.ExpectedVersion)).ResponseAsync,
        nameof(Care), "referral.done.care");

    public Task<IActionResult> OnPostHandoverAsync() => WriteAsync(
        () => travel.ConfirmHandoverAsync(Versions.At(new ConfirmHandoverRequest
        {
            CaseId = Id,
            ReceivedBy = Handover.ReceivedBy?.Trim() ?? "",
            Place = Handover.Place?.Trim() ?? "",
            HandedOverAt = Handover.HandedOverAt is { } at ? Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Local).ToUniversalTime()) : null,
        }, Handover.ExpectedVersion)).ResponseAsync,
        nameof(Handover), "referral.done.handover");

    public Task<IActionResult> OnPostPlanAsync() => WriteAsync(() =>
    {
        var request = Versions.At(new RecordReintegrationPlanRequest { CaseId = Id }, Plan.ExpectedVersion);
        request.Goals.AddRange(Plan.Goals
            .Where(goal => goal.Area != ReintegrationArea.Unspecified || !string.IsNullOrWhiteSpace(goal.Support))
            .Select(goal => new ReintegrationGoal { Area = goal.Area, Support = goal.Support?.Trim() ?? "" }));
        return reintegration.RecordReintegrationPlanAsync(request).ResponseAsync;
    }, nameof(Plan), "referral.done.plan");

    public async Task<IActionResult> OnPostScheduleVisitAsync()
    {
        string? scheduled = null;
        var result = await WriteAsync(async () =>
        {
            var visit = await reintegration.ScheduleFollowUpVisitAsync(Versions.At(
                new ScheduleFollowUpVisitRequest { CaseId = Id, DueOn = Formats.ToProto(Visit.DueOn) }, Visit.ExpectedVersion));
            scheduled = visit.VisitId;
        }, nameof(Visit), "referral.done.visit-scheduled");
        return scheduled is not null ? RedirectToPage(new { id = Id, visit = scheduled }) : result;
    }

    public Task<IActionResult> OnPostRecordVisitAsync() => WriteAsync(
        () => reintegration.RecordFollowUpVisitAsync(Versions.At(new RecordFollowUpVisitRequest
        {
            CaseId = Id,
            VisitId = Visit.VisitId?.Trim() ?? "",
            VisitedOn = Formats.ToProto(Visit.VisitedOn),
            Notes = Visit.Notes?.Trim() ?? "",
        }, Visit.ExpectedVersion)).ResponseAsync,
        nameof(Visit), "referral.done.visit-recorded");

    public Task<IActionResult> OnPostCloseAsync() => WriteAsync(
        () => reintegration.CloseReturnCaseAsync(Versions.At(
            new CloseReturnCaseRequest { CaseId = Id, Outcome = Close.Outcome, Reason = Close.Reason?.Trim() ?? "" }, Close.ExpectedVersion)).ResponseAsync,
        nameof(Close), "referral.done.closed");

    /// <summary>A write, then back to the page (post/redirect/get); a refusal shows the page again around the person's input.</summary>
    private async Task<IActionResult> WriteAsync(Func<Task> call, string inputPrefix, string doneKey)
    {
        var result = await AttemptAsync(async () =>
        {
            await call();
            TempData["Done"] = doneKey;
            return RedirectToPage(new { id = Id });
        }, inputPrefix);
        if (result is PageResult && Refusal?.Kind != Refusing.RefusalKind.NotAllowed && PurposeFor(Id) is { } purpose)
        {
            try
            {
                await LoadAsync(purpose);
            }
            catch (Grpc.Core.RpcException)
            {
                // The refusal of the write is what the person needs to see; the page shows what it could read.
            }
        }

        return result;
    }

    private async Task LoadAsync(string purpose)
    {
        var header = StatedPurposes.Header(purpose);
        Referral = await referrals.GetReferralAsync(new GetReferralRequest { CaseId = Id }, header);
        try
        {
            Package = await referrals.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = Id }, header);
        }
        catch (Grpc.Core.RpcException refused) when (Refusing.Refusal.From(refused).Rule == PackageWithdrawnRule)
        {
            PackageWithdrawn = true;
        }
    }
}
