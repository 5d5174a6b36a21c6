using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Portal.Calling;
using TipReferral.Portal.Localization;
using Repatriation = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Portal.Pages.Returns;

/// <summary>
/// The destination case worker's return case: the referral and its package, the readiness board
/// (every hard gate, its state and the event that set it), and each step towards travel. The
/// repatriation service decides every step; a refusal names its rule, or every unmet gate.
/// </summary>
public sealed class CaseModel(
    Repatriation.Referrals.ReferralsClient referrals,
    Travel.TravelClient travel,
    RiskAssessments.RiskAssessmentsClient risks,
    ChildSafeguards.ChildSafeguardsClient safeguards,
    Counterparts.CounterpartsClient counterparts,
    VictimCases.VictimCasesClient cases) : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>The country whose receiving agencies the request form offers; the person's first citizenship unless chosen.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Origin { get; set; }

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    [BindProperty]
    public AmendInput Amend { get; set; } = new();

    [BindProperty]
    public ReasonInput Withdraw { get; set; } = new();

    [BindProperty]
    public RiskInput Risk { get; set; } = new();

    [BindProperty]
    public BestInterestsInput BestInterests { get; set; } = new();

    [BindProperty]
    public TravelDocumentInput Document { get; set; } = new();

    [BindProperty]
    public ScheduleInput Schedule { get; set; } = new();

    [BindProperty]
    public ReasonInput Departure { get; set; } = new();

    public ReturnReadiness? Readiness { get; private set; }

    /// <summary>The referral, or null when none was ever requested.</summary>
    public Referral? Referral { get; private set; }

    public IReadOnlyList<ReceivingAgency> Agencies { get; private set; } = [];

    /// <summary>The gates a refusal to schedule travel named as unmet.</summary>
    public IReadOnlyList<string> RefusedGates => Refusal?.Rule == Gates.NotMetRule ? Gates.NamedIn(Refusal.Detail) : [];

    /// <summary>Whether a new referral may be requested: none yet, or the last one ended without a return.</summary>
    public bool MayRequest => Referral is null || Referral.Status is ReferralStatus.Declined or ReferralStatus.Withdrawn;

    public Task<IActionResult> OnGetAsync()
    {
        if (PurposeFor(Id) is not { } purpose)
        {
            return Task.FromResult(AskPurpose(Id));
        }

        return AttemptAsync(async () =>
        {
            await LoadAsync(purpose, posted: null);
            return Page();
        });
    }

    public Task<IActionResult> OnPostRequestAsync() => WriteAsync(async () =>
    {
        var request = Versions.At(new RequestReferralRequest
        {
            CaseId = Id,
            ReceivingAgencyId = Input.ReceivingAgencyId ?? "",
            Purpose = Input.Purpose,
            ReturnDecision = new ReturnDecision
            {
                DecidedOn = Formats.ToProto(Input.ReturnDecision.DecidedOn),
                InformedBy = Input.ReturnDecision.InformedBy?.Trim() ?? "",
                Statement = Input.ReturnDecision.Statement?.Trim() ?? "",
            },
            Package = Input.Package.ToProto(),
        }, Input.ExpectedVersion);
        await referrals.RequestReferralAsync(request);
    }, InputPrefix, "returns.done.requested");

    public Task<IActionResult> OnPostAmendAsync() => WriteAsync(
        () => referrals.AmendDisclosurePackageAsync(Versions.At(
            new AmendDisclosurePackageRequest { CaseId = Id, Package = Amend.Package.ToProto(), Reason = Amend.Reason?.Trim() ?? "" }, Amend.ExpectedVersion)).ResponseAsync,
        nameof(Amend),
        "returns.done.amended");

    public Task<IActionResult> OnPostWithdrawAsync() => WriteAsync(
        () => referrals.WithdrawReturnDecisionAsync(Versions.At(
            new WithdrawReturnDecisionRequest { CaseId = Id, Reason = Withdraw.Reason?.Trim() ?? "" }, Withdraw.ExpectedVersion)).ResponseAsync,
        nameof(Withdraw),
        "returns.done.withdrawn");

    public Task<IActionResult> OnPostRiskAsync() => WriteAsync(
        () => risks.ContributeRiskAssessmentAsync(Risk.ToRequest(Id)).ResponseAsync, nameof(Risk), "returns.done.risk");

    public Task<IActionResult> OnPostBestInterestsAsync() => WriteAsync(
        () => safeguards.RecordBestInterestsDeterminationAsync(Versions.At(new RecordBestInterestsDeterminationRequest
        {
            CaseId = Id,
            Authority = BestInterests.Authority?.Trim() ?? "",
            DeterminedOn = Formats.ToProto(BestInterests.DeterminedOn),
            ReturnInBestInterests = BestInterests.ReturnInBestInterests,
            ChildsViews = BestInterests.ChildsViews?.Trim() ?? "",
            GuardiansViews = BestInterests.GuardiansViews?.Trim() ?? "",
            Reasons = BestInterests.Reasons?.Trim() ?? "",
        }, BestInterests.ExpectedVersion)).ResponseAsync,
        nameof(BestInterests),
        "returns.done.best-interests");

    public Task<IActionResult> OnPostDocumentAsync() => WriteAsync(
        () => travel.RecordTravelDocumentAsync(Versions.At(new RecordTravelDocumentRequest
        {
            CaseId = Id,
            Type = Document.Type,
            Number = Document.Number?.Trim() ?? "",
            IssuedBy = Document.IssuedBy?.Trim() ?? "",
            ExpiresOn = Formats.ToProto(Document.ExpiresOn),
        }, Document.ExpectedVersion)).ResponseAsync,
        nameof(Document),
        "returns.done.document");

    public Task<IActionResult> OnPostScheduleAsync() => WriteAsync(() =>
    {
        var request = Versions.At(new ScheduleTravelRequest
        {
            CaseId = Id,
            TravelOn = Formats.ToProto(Schedule.TravelOn),
            Itinerary = Schedule.Itinerary?.Trim() ?? "",
            FinancialSupportMinorUnits = Schedule.FinancialSupportMinorUnits,
            FinancialSupportCurrency = Schedule.FinancialSupportCurrency?.Trim().ToUpperInvariant() ?? "",
        }, Schedule.ExpectedVersion);
        if (!string.IsNullOrWhiteSpace(Schedule.Escort.Name) || !string.IsNullOrWhiteSpace(Schedule.Escort.Organisation))
        {
            request.Escort = new Escort { Name = Schedule.Escort.Name?.Trim() ?? "", Organisation = Schedule.Escort.Organisation?.Trim() ?? "" };
        }

        return travel.ScheduleTravelAsync(request).ResponseAsync;
    }, nameof(Schedule), "returns.done.scheduled");

    public Task<IActionResult> OnPostDepartureAsync() => WriteAsync(
        () => travel.RecordDepartureAsync(Versions.At(new RecordDepartureRequest { CaseId = Id }, Departure.ExpectedVersion)).ResponseAsync,
        nameof(Departure),
        "returns.done.departed");

    /// <summary>A write, then back to the page (post/redirect/get); a refusal shows the page again around the person's input.</summary>
    private async Task<IActionResult> WriteAsync(Func<Task> call, string inputPrefix, string doneKey)
    {
        var result = await AttemptAsync(async () =>
        {
            await call();
            TempData["Done"] = doneKey;
            return RedirectToPage(new { id = Id });
        }, inputPrefix);
        if (result is PageResult && PurposeFor(Id) is { } purpose)
        {
            try
            {
                await LoadAsync(purpose, posted: inputPrefix);
            }
            catch (RpcException)
            {
                // The refusal of the write is what the person needs to see; the page shows what it could read.
            }
        }

        return result;
    }

    /// <summary>The page's reads; every form but the one <paramref name="posted"/> (refused, so it keeps what was typed) starts from what the services hold.</summary>
    private async Task LoadAsync(string purpose, string? posted)
    {
        var header = StatedPurposes.Header(purpose);
        Readiness = await travel.GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = Id });
        try
        {
            Referral = await referrals.GetReferralAsync(new GetReferralRequest { CaseId = Id }, header);
        }
        catch (RpcException none) when (none.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            // The readiness board was readable, so the case is of this side: it has no referral yet.
            Referral = null;
        }

        if (MayRequest && May(Home.Workspace.Method(Repatriation.Referrals.Descriptor, "RequestReferral")))
        {
            await LoadRequestFormAsync(header, prefill: posted != InputPrefix);
        }

        if (posted != nameof(Risk))
        {
            Risk.ExpectedVersion = Referral?.Version;
        }

        if (posted != nameof(Amend) && Referral is not null && May(Home.Workspace.Method(Repatriation.Referrals.Descriptor, "AmendDisclosurePackage")))
        {
            var sent = await referrals.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = Id }, header);
            Amend.Package = PackageInput.From(sent.Package);
        }
    }

    /// <summary>The receiving agencies of the person's country of origin; a fresh form starts from what identification recorded.</summary>
    private async Task LoadRequestFormAsync(Metadata header, bool prefill)
    {
        if (string.IsNullOrWhiteSpace(Origin) || prefill)
        {
            var person = await cases.GetCaseAsync(new GetCaseRequest { CaseId = Id }, header);
            Origin = string.IsNullOrWhiteSpace(Origin) ? person.Person?.Citizenships.FirstOrDefault() : Origin;
            if (prefill && person.Person is { } known && person.PersonalDataState == PersonalDataState.Present)
            {
                Input.Package.Identity = new TravelIdentityInput
                {
                    GivenName = known.GivenName,
                    FamilyName = known.FamilyName,
                    DateOfBirth = known.DateOfBirth is { Year: > 0 } born ? new DateOnly(born.Year, born.Month, born.Day) : null,
                    Nationality = known.Citizenships.FirstOrDefault(),
                };
                Input.Package.Languages = CodeLists.Join(known.Languages);
            }
        }

        if (!string.IsNullOrWhiteSpace(Origin))
        {
            var listed = await counterparts.ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = Origin.Trim().ToUpperInvariant() });
            Agencies = [.. listed.Agencies.Where(agency => agency.AcceptsReferrals)];
        }
    }
}
