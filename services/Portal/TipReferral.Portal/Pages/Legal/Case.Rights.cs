using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Legal.V1;

namespace TipReferral.Portal.Pages.Legal;

/// <summary>The person's own matters: residence permits and compensation.</summary>
public sealed partial class CaseModel
{
    [BindProperty]
    public PermitInput Permit { get; set; } = new();

    [BindProperty]
    public PermitRenewalInput PermitRenewal { get; set; } = new();

    [BindProperty]
    public PermitRefusalInput PermitRefusal { get; set; } = new();

    [BindProperty]
    public ClaimInput Claim { get; set; } = new();

    [BindProperty]
    public ClaimDecisionInput ClaimDecision { get; set; } = new();

    [BindProperty]
    public PaymentInput Payment { get; set; } = new();

    public Task<IActionResult> OnPostRecordPermitAsync() => ActAsync(nameof(Permit), "legal.done.permit", version =>
        permits.RecordResidencePermitAsync(new RecordResidencePermitRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            Type = Permit.Type,
            IssuingAuthority = Text(Permit.IssuingAuthority),
            PermitNumber = Text(Permit.PermitNumber),
            IssuedOn = Day(Permit.IssuedOn),
            ExpiresOn = Day(Permit.ExpiresOn),
        }).ResponseAsync);

    public Task<IActionResult> OnPostRenewPermitAsync() => ActAsync(nameof(PermitRenewal), "legal.done.permit-renewed", version =>
        permits.RenewResidencePermitAsync(new RenewResidencePermitRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            PermitId = Text(PermitRenewal.PermitId),
            RenewedOn = Day(PermitRenewal.RenewedOn),
            ExpiresOn = Day(PermitRenewal.ExpiresOn),
            PermitNumber = Text(PermitRenewal.PermitNumber),
        }).ResponseAsync);

    public Task<IActionResult> OnPostPermitRefusalAsync() => ActAsync(nameof(PermitRefusal), "legal.done.permit-refused", version =>
        permits.RecordResidencePermitRefusalAsync(new RecordResidencePermitRefusalRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            Type = PermitRefusal.Type,
            IssuingAuthority = Text(PermitRefusal.IssuingAuthority),
            RefusedOn = Day(PermitRefusal.RefusedOn),
            Reason = Text(PermitRefusal.Reason),
            PermitId = Text(PermitRefusal.PermitId),
        }).ResponseAsync);

    public Task<IActionResult> OnPostFileClaimAsync() => ActAsync(nameof(Claim), "legal.done.claim", version =>
        compensation.FileCompensationClaimAsync(new FileCompensationClaimRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            Source = Claim.Source,
            LegalCaseId = Text(Claim.LegalCaseId),
            Claimed = Claim.Claimed.ToProto(),
            FiledOn = Day(Claim.FiledOn),
        }).ResponseAsync);

    public Task<IActionResult> OnPostDecideClaimAsync() => ActAsync(nameof(ClaimDecision), "legal.done.claim-decided", version =>
        compensation.RecordCompensationDecisionAsync(new RecordCompensationDecisionRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            ClaimId = Text(ClaimDecision.ClaimId),
            Decision = ClaimDecision.Decision,
            Awarded = ClaimDecision.Decision == CompensationDecision.Rejected ? null : ClaimDecision.Awarded.ToProto(),
            DecidedOn = Day(ClaimDecision.DecidedOn),
            Reason = Text(ClaimDecision.Reason),
        }).ResponseAsync);

    public Task<IActionResult> OnPostPaymentAsync() => ActAsync(nameof(Payment), "legal.done.payment", version =>
        compensation.RecordCompensationPaymentAsync(new RecordCompensationPaymentRequest
        {
            CaseId = Id,
            ExpectedVersion = version,
            ClaimId = Text(Payment.ClaimId),
            Paid = Payment.Paid.ToProto(),
            ReceivedOn = Day(Payment.ReceivedOn),
        }).ResponseAsync);
}
