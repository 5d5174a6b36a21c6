using FluentValidation;
using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.Repatriation.SignedDocuments;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Repatriation.ReturnCases;

public sealed class AcknowledgeReferralValidator : CaseCommandValidator<Proto.AcknowledgeReferralRequest>
{
    public AcknowledgeReferralValidator() => RuleFor(x => x.ContactPerson).MustBeShortText();
}

public sealed class AcceptReferralValidator : CaseCommandValidator<Proto.AcceptReferralRequest>
{
    public AcceptReferralValidator() => RuleFor(x => x.Note).MaximumLength(RuleBuilderExtensions.MaxNotesLength);
}

public sealed class DeclineReferralValidator : CaseCommandValidator<Proto.DeclineReferralRequest>
{
    public DeclineReferralValidator() => RuleFor(x => x.Reason).MustBeReason();
}

public sealed partial class ReferralsService
{
    [Access(Roles.ReceivingAgency)]
    public override Task<CaseVersion> AcknowledgeReferral(Proto.AcknowledgeReferralRequest request, ServerCallContext context) =>
        answers.AnswerAsync(request, "acknowledgement", new { contact_person = request.ContactPerson.Trim() },
            (current, signed, now) => new AcknowledgeReferral(current.Id, request.ContactPerson.Trim(), signed.DocumentId, signed.Compact, now), context.CancellationToken);

    [Access(Roles.ReceivingAgency)]
    public override Task<CaseVersion> AcceptReferral(Proto.AcceptReferralRequest request, ServerCallContext context) =>
        answers.AnswerAsync(request, "acceptance", new { note = request.Note.Trim() },
            (current, signed, now) => new AcceptReferral(current.Id, request.Note.Trim(), signed.DocumentId, signed.Compact, now), context.CancellationToken);

    [Access(Roles.ReceivingAgency)]
    public override Task<CaseVersion> DeclineReferral(Proto.DeclineReferralRequest request, ServerCallContext context) =>
        answers.AnswerAsync(request, "decline", new { reason = request.Reason.Trim() },
            (current, signed, now) => new DeclineReferral(current.Id, request.Reason.Trim(), signed.DocumentId, signed.Compact, now), context.CancellationToken);
}

/// <summary>
/// An answer of the receiving agency: signed by its country, and verified by the destination
/// side on receipt before it is recorded. Only the agency the referral names answers.
/// </summary>
public sealed class SignedAnswers(ReturnCaseCommands cases, DocumentReceipt receipt)
{
    public Task<CaseVersion> AnswerAsync<TBody>(
        ICaseCommandRequest request, string kind, TBody body, Func<ReturnCase, SignedDocument, DateTimeOffset, ReturnCaseCommand> command, CancellationToken cancellationToken) =>
        cases.DecideToVersionAsync(
            request,
            async (current, now) =>
            {
                var referral = current.Referral ?? throw new RuleViolationException(Referring.NoActiveReferralRule, $"Case {current.Reference} has no referral.");
                var signed = cases.Documents.Sign(kind, referral.ReceivingCountry, current.Country, current.Id, referral.Id, referral.PackageRevision, cases.Caller, now, body);
                await receipt.VerifyAsync(signed.Compact, cases.Caller, current.Country, cancellationToken);
                return command(current, signed, now);
            },
            cases.EnsureReceivingAgency,
            cancellationToken);
}
