using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Legal.V1;

namespace TipReferral.Portal.Pages.Legal;

/// <summary>Witness protection: the prosecutor asks, the witness-protection authority decides, reviews, changes and lifts.</summary>
public sealed partial class CaseModel
{
    [BindProperty]
    public ProtectionRequestInput ProtectionRequest { get; set; } = new();

    [BindProperty]
    public ProtectionMeasuresInput ProtectionGrant { get; set; } = new();

    [BindProperty]
    public ProtectionEndInput ProtectionRefusal { get; set; } = new();

    [BindProperty]
    public ProtectionReviewInput ProtectionReview { get; set; } = new();

    [BindProperty]
    public ProtectionMeasuresInput ProtectionChange { get; set; } = new();

    [BindProperty]
    public ProtectionEndInput ProtectionLift { get; set; } = new();

    public Task<IActionResult> OnPostRequestProtectionAsync() => ActAsync(nameof(ProtectionRequest), "legal.done.protection-requested", async version =>
    {
        var family = ProtectionRequest.FamilyAbroad;
        var request = new RequestWitnessProtectionRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            LegalCaseId = Text(ProtectionRequest.LegalCaseId),
            ProposedPseudonym = Text(ProtectionRequest.ProposedPseudonym),
            // The family is named only when someone wrote of them: an empty one is no family.
            FamilyAbroad = string.IsNullOrWhiteSpace(family.Country) && string.IsNullOrWhiteSpace(family.Members)
                ? null
                : new FamilyAbroad { Country = Text(family.Country).ToUpperInvariant(), Members = Text(family.Members) },
            Reason = Text(ProtectionRequest.Reason),
        };
        request.Measures.AddRange(ProtectionRequest.Measures);
        await protection.RequestWitnessProtectionAsync(request);
    });

    public Task<IActionResult> OnPostGrantProtectionAsync() => ActAsync(nameof(ProtectionGrant), "legal.done.protection-granted", async version =>
    {
        var request = new GrantWitnessProtectionRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            ProtectionId = Text(ProtectionGrant.ProtectionId),
            Pseudonym = Text(ProtectionGrant.Pseudonym),
            ReviewOn = Day(ProtectionGrant.ReviewOn),
            Reason = Text(ProtectionGrant.Reason),
        };
        request.Measures.AddRange(ProtectionGrant.Measures);
        await protection.GrantWitnessProtectionAsync(request);
    });

    public Task<IActionResult> OnPostRefuseProtectionAsync() => ActAsync(nameof(ProtectionRefusal), "legal.done.protection-refused", version =>
        protection.RefuseWitnessProtectionAsync(new RefuseWitnessProtectionRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            ProtectionId = Text(ProtectionRefusal.ProtectionId),
            Reason = Text(ProtectionRefusal.Reason),
        }).ResponseAsync);

    public Task<IActionResult> OnPostReviewProtectionAsync() => ActAsync(nameof(ProtectionReview), "legal.done.protection-reviewed", version =>
        protection.ReviewWitnessProtectionAsync(new ReviewWitnessProtectionRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            ProtectionId = Text(ProtectionReview.ProtectionId),
            NextReviewOn = Day(ProtectionReview.NextReviewOn),
            Reason = Text(ProtectionReview.Reason),
        }).ResponseAsync);

    public Task<IActionResult> OnPostChangeMeasuresAsync() => ActAsync(nameof(ProtectionChange), "legal.done.protection-changed", async version =>
    {
        var request = new ChangeWitnessProtectionMeasuresRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            ProtectionId = Text(ProtectionChange.ProtectionId),
            Pseudonym = Text(ProtectionChange.Pseudonym),
            ReviewOn = Day(ProtectionChange.ReviewOn),
            Reason = Text(ProtectionChange.Reason),
        };
        request.Measures.AddRange(ProtectionChange.Measures);
        await protection.ChangeWitnessProtectionMeasuresAsync(request);
    });

    public Task<IActionResult> OnPostLiftProtectionAsync() => ActAsync(nameof(ProtectionLift), "legal.done.protection-lifted", version =>
        protection.LiftWitnessProtectionAsync(new LiftWitnessProtectionRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            ProtectionId = Text(ProtectionLift.ProtectionId),
            Reason = Text(ProtectionLift.Reason),
        }).ResponseAsync);
}
