using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Portal.Calling;
using TipReferral.Portal.Home;

namespace TipReferral.Portal.Pages.Cases;

/// <summary>
/// One victim case as the identification service shows it to this person (masked where it must
/// be), with the identification work on it: duplicates, formal identification, guardian,
/// consents, corrections and closure. Each form posts to its own handler under its own prefix.
/// </summary>
public sealed class CaseModel(VictimCases.VictimCasesClient cases) : CaseFormPage
{
    public VictimCaseDetails? Case { get; private set; }

    [BindProperty]
    public IdentifyInput Identify { get; set; } = new();

    [BindProperty]
    public GuardianInput Guardian { get; set; } = new();

    [BindProperty]
    public ConsentInput Consent { get; set; } = new();

    [BindProperty]
    public WithdrawConsentInput Withdraw { get; set; } = new();

    [BindProperty]
    public CorrectDetailsInput Correct { get; set; } = new();

    [BindProperty]
    public DuplicateInput Duplicate { get; set; } = new();

    [BindProperty]
    public CloseInput Close { get; set; } = new();

    public static Google.Protobuf.Reflection.MethodDescriptor Rpc(string name) => Workspace.Method(VictimCases.Descriptor, name);

    public Task<IActionResult> OnGetAsync() => ReadAsync(() =>
    {
        Consent.Recipient.Country = Me.Country;
        Consent.GivenBy = Case!.IsPresumedChild ? ConsentGiver.Guardian : ConsentGiver.Person;
        Correct.Person = PersonInput.From(Case.Person);
    });

    public Task<IActionResult> OnPostIdentifyAsync() => WriteAsync(nameof(Identify), "done.identified", () => cases.IdentifyFormallyAsync(new IdentifyFormallyRequest
    {
        CaseId = Id,
        ExpectedVersion = Identify.ExpectedVersion,
        Outcome = Identify.Outcome,
        DecidingOrganisation = new Organisation { Name = Identify.DecidingOrganisation.Name?.Trim() ?? "", Kind = Identify.DecidingOrganisation.Kind },
        Reason = Identify.Reason?.Trim() ?? "",
    }).ResponseAsync);

    public Task<IActionResult> OnPostAppointGuardianAsync() => WriteAsync(nameof(Guardian), "done.guardian-appointed", () => cases.AppointGuardianAsync(new AppointGuardianRequest
    {
        CaseId = Id,
        ExpectedVersion = Guardian.ExpectedVersion,
        Guardian = new Contracts.Identification.V1.Guardian
        {
            FullName = Guardian.Guardian.FullName?.Trim() ?? "",
            Organisation = Guardian.Guardian.Organisation?.Trim() ?? "",
            Contact = Guardian.Guardian.Contact?.Trim() ?? "",
        },
        Reason = Guardian.Reason?.Trim() ?? "",
    }).ResponseAsync);

    public Task<IActionResult> OnPostRecordConsentAsync() => WriteAsync(nameof(Consent), "done.consent-recorded", () => cases.RecordConsentAsync(new RecordConsentRequest
    {
        CaseId = Id,
        ExpectedVersion = Consent.ExpectedVersion,
        Purpose = Consent.Purpose,
        Recipient = new ConsentRecipient { Country = Consent.Recipient.Country?.Trim().ToUpperInvariant() ?? "", Agency = Consent.Recipient.Agency?.Trim() ?? "" },
        GivenBy = Consent.GivenBy,
        ExpiresAt = Consent.ExpiryTimestamp(),
    }).ResponseAsync);

    public Task<IActionResult> OnPostWithdrawConsentAsync() => WriteAsync(nameof(Withdraw), "done.consent-withdrawn", () => cases.WithdrawConsentAsync(new WithdrawConsentRequest
    {
        CaseId = Id,
        ConsentId = Withdraw.ConsentId ?? "",
        ExpectedVersion = Withdraw.ExpectedVersion,
        Reason = Withdraw.Reason?.Trim() ?? "",
    }).ResponseAsync);

    public Task<IActionResult> OnPostCorrectAsync() => WriteAsync(nameof(Correct), "done.details-corrected", () => cases.CorrectPersonalDetailsAsync(new CorrectPersonalDetailsRequest
    {
        CaseId = Id,
        ExpectedVersion = Correct.ExpectedVersion,
        Person = Correct.Person.ToProto(),
        Reason = Correct.Reason?.Trim() ?? "",
    }).ResponseAsync);

    public Task<IActionResult> OnPostResolveDuplicateAsync() => WriteAsync(nameof(Duplicate), "done.duplicate-resolved", () => cases.ResolvePossibleDuplicateAsync(new ResolvePossibleDuplicateRequest
    {
        CaseId = Id,
        OtherCaseId = Duplicate.OtherCaseId ?? "",
        ExpectedVersion = Duplicate.ExpectedVersion,
        Resolution = Duplicate.Resolution,
        Reason = Duplicate.Reason?.Trim() ?? "",
    }).ResponseAsync);

    public Task<IActionResult> OnPostCloseAsync() => WriteAsync(nameof(Close), "done.closed", () => cases.CloseCaseAsync(new CloseCaseRequest
    {
        CaseId = Id,
        ExpectedVersion = Close.ExpectedVersion,
        ClosureReason = Close.ClosureReason,
        Reason = Close.Reason?.Trim() ?? "",
    }).ResponseAsync);

    protected override async Task LoadAsync(string purpose) =>
        Case = await cases.GetCaseAsync(new GetCaseRequest { CaseId = Id }, StatedPurposes.Header(purpose));
}
