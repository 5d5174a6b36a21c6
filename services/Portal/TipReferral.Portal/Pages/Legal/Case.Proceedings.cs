using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Legal.V1;

namespace TipReferral.Portal.Pages.Legal;

/// <summary>Proceedings, the person's decision to cooperate, holds and legal aid.</summary>
public sealed partial class CaseModel
{
    [BindProperty]
    public LegalCaseInput LegalCase { get; set; } = new();

    [BindProperty]
    public StageInput Stage { get; set; } = new();

    [BindProperty]
    public CooperationInput Cooperation { get; set; } = new();

    [BindProperty]
    public HoldInput Hold { get; set; } = new();

    [BindProperty]
    public HoldReleaseInput HoldRelease { get; set; } = new();

    [BindProperty]
    public VideoLinkInput VideoLink { get; set; } = new();

    [BindProperty]
    public LegalAidInput LegalAid { get; set; } = new();

    public Task<IActionResult> OnPostOpenLegalCaseAsync() => ActAsync(nameof(LegalCase), "legal.done.opened", async version =>
    {
        var request = new OpenLegalCaseRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            Jurisdiction = new Jurisdiction { Country = Me.Country, AuthorityKind = LegalCase.Jurisdiction.AuthorityKind, AuthorityName = Text(LegalCase.Jurisdiction.AuthorityName) },
            AuthorityCaseNumber = Text(LegalCase.AuthorityCaseNumber),
            Stage = LegalCase.Stage,
        };
        request.Offences.AddRange(LegalCase.Offences);
        request.VictimRoles.AddRange(LegalCase.VictimRoles);
        await legalCases.OpenLegalCaseAsync(request);
    });

    public Task<IActionResult> OnPostChangeStageAsync() => ActAsync(nameof(Stage), "legal.done.stage", version =>
        legalCases.ChangeLegalCaseStageAsync(new ChangeLegalCaseStageRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            LegalCaseId = Text(Stage.LegalCaseId),
            Stage = Stage.Stage,
            Outcome = Stage.Outcome,
            Reason = Text(Stage.Reason),
        }).ResponseAsync);

    public Task<IActionResult> OnPostCooperationAsync() => ActAsync(nameof(Cooperation), "legal.done.cooperation", version =>
        cooperation.RecordCooperationDecisionAsync(new RecordCooperationDecisionRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            Decision = Cooperation.Decision,
            DecidedOn = Day(Cooperation.DecidedOn),
            InformedBy = new InformedBy { Name = Text(Cooperation.InformedBy.Name), Role = Text(Cooperation.InformedBy.Role), Agency = Text(Cooperation.InformedBy.Agency) },
            AtPersonsOwnInitiative = Cooperation.AtPersonsOwnInitiative,
            PersonsStatement = Text(Cooperation.PersonsStatement),
        }).ResponseAsync);

    public Task<IActionResult> OnPostPlaceHoldAsync() => ActAsync(nameof(Hold), "legal.done.hold", version =>
        holds.PlaceLegalHoldAsync(new PlaceLegalHoldRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            LegalCaseId = Text(Hold.LegalCaseId),
            ReviewOn = Day(Hold.ReviewOn),
            Reason = Text(Hold.Reason),
        }).ResponseAsync);

    public Task<IActionResult> OnPostReleaseHoldAsync() => ActAsync(nameof(HoldRelease), "legal.done.hold-released", version =>
        holds.ReleaseLegalHoldAsync(new ReleaseLegalHoldRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            HoldId = Text(HoldRelease.HoldId),
            Reason = Text(HoldRelease.Reason),
        }).ResponseAsync);

    public Task<IActionResult> OnPostVideoLinkAsync() => ActAsync(nameof(VideoLink), "legal.done.video-link", version =>
        holds.ArrangeVideoLinkTestimonyAsync(new ArrangeVideoLinkTestimonyRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            LegalCaseId = Text(VideoLink.LegalCaseId),
            TestimonyOn = Day(VideoLink.TestimonyOn),
            Reason = Text(VideoLink.Reason),
        }).ResponseAsync);

    public Task<IActionResult> OnPostAssignLawyerAsync() => ActAsync(nameof(LegalAid), "legal.done.lawyer", version =>
        legalAid.AssignLegalAidLawyerAsync(new AssignLegalAidLawyerRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            LawyerUserId = Text(LegalAid.LawyerUserId),
            LawyerName = Text(LegalAid.LawyerName),
            BarOrAgency = Text(LegalAid.BarOrAgency),
            LegalCaseId = Text(LegalAid.LegalCaseId),
        }).ResponseAsync);
}
