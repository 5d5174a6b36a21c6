using System.Text.Json;
using FluentValidation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Marten;
using Marten.Pagination;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.Repatriation.Counterparts;
using TipReferral.Repatriation.SignedDocuments;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Repatriation.ReturnCases;

public sealed class RequestReferralValidator : CaseCommandValidator<Proto.RequestReferralRequest>
{
    public RequestReferralValidator()
    {
        RuleFor(x => x.ReceivingAgencyId).MustBeId();
        RuleFor(x => x.Purpose).MustBeChosen();
        RuleFor(x => x.ReturnDecision).NotNull().WithMessage("the person's decision to return is required");
        RuleFor(x => x.ReturnDecision.DecidedOn).MustBeDate().When(x => x.ReturnDecision is not null);
        RuleFor(x => x.ReturnDecision.InformedBy).MustBeShortText().When(x => x.ReturnDecision is not null);
        RuleFor(x => x.ReturnDecision.Statement).MustBeNotes().When(x => x.ReturnDecision is not null);
        RuleFor(x => x.Package).NotNull().WithMessage("the disclosure package is required").SetValidator(new DisclosurePackageValidator());
    }
}

/// <summary>What every revision of the package must hold, whether sent with the referral or amended later.</summary>
public sealed class DisclosurePackageValidator : AbstractValidator<Proto.DisclosurePackage>
{
    public DisclosurePackageValidator()
    {
        RuleFor(x => x.Identity).NotNull().WithMessage("identity for travel documents is required");
        When(x => x.Identity is not null, () =>
        {
            RuleFor(x => x.Identity.GivenName).MustBeShortText();
            RuleFor(x => x.Identity.FamilyName).MustBeShortText();
            RuleFor(x => x.Identity.DateOfBirth).MustBeDate();
            RuleFor(x => x.Identity.Nationality).MustBeCountry();
            RuleFor(x => x.Identity.PlaceOfOrigin).MaximumLength(RuleBuilderExtensions.MaxTextLength);
        });
        RuleFor(x => x.Languages).NotEmpty().WithMessage("at least one language the person speaks");
        RuleForEach(x => x.Languages).MustBeLanguage();
        RuleFor(x => x.HealthNeeds).MaximumLength(RuleBuilderExtensions.MaxNotesLength);
        RuleFor(x => x.ProtectionNeeds).MaximumLength(RuleBuilderExtensions.MaxNotesLength);
        RuleFor(x => x.Risks).MaximumLength(RuleBuilderExtensions.MaxNotesLength);
        When(x => x.Guardian is not null, () =>
        {
            RuleFor(x => x.Guardian.Name).MustBeShortText();
            RuleFor(x => x.Guardian.Relationship).MustBeShortText();
            RuleFor(x => x.Guardian.Contact).MustBeShortText();
        });
    }
}

public sealed class AmendDisclosurePackageValidator : CaseCommandValidator<Proto.AmendDisclosurePackageRequest>
{
    public AmendDisclosurePackageValidator()
    {
        RuleFor(x => x.Package).NotNull().WithMessage("the disclosure package is required").SetValidator(new DisclosurePackageValidator());
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed class WithdrawReturnDecisionValidator : CaseCommandValidator<Proto.WithdrawReturnDecisionRequest>
{
    public WithdrawReturnDecisionValidator() => RuleFor(x => x.Reason).MustBeReason();
}

public sealed class GetReferralValidator : AbstractValidator<Proto.GetReferralRequest>
{
    public GetReferralValidator() => RuleFor(x => x.CaseId).MustBeId();
}

public sealed class GetDisclosurePackageValidator : AbstractValidator<Proto.GetDisclosurePackageRequest>
{
    public GetDisclosurePackageValidator() => RuleFor(x => x.CaseId).MustBeId();
}

public sealed class ListIncomingReferralsValidator : AbstractValidator<Proto.ListIncomingReferralsRequest>
{
    public ListIncomingReferralsValidator() => RuleFor(x => x.Page).MustBePage();
}

/// <summary>
/// The referral between the destination case worker and the receiving agency. Every message
/// between the two countries is a signed document: the package signed by the case's country,
/// each answer by the receiving country, verified by the other side on receipt.
/// </summary>
public sealed partial class ReferralsService(ReturnCaseCommands cases, ReferralDeadlines deadlines, DocumentReceipt receipt, SignedAnswers answers) : Proto.Referrals.ReferralsBase
{
    public const string PackageWithdrawnRule = "disclosure-package-withdrawn";
    public const string PackageKind = "referral-package";

    [Access(Roles.CaseWorker)]
    public override async Task<Proto.ReferralVersion> RequestReferral(Proto.RequestReferralRequest request, ServerCallContext context)
    {
        var agencyId = Guid.Parse(request.ReceivingAgencyId);
        var agency = await cases.Session.LoadAsync<ReceivingAgencyEntry>(agencyId, context.CancellationToken)
            ?? throw new NotFoundException("receiving agency", request.ReceivingAgencyId);
        var referralId = Guid.NewGuid();
        var (version, _) = await cases.DecideAsync(
            request,
            async (current, now) =>
            {
                var purpose = ProtoValues.ToDomain<ReferralPurpose>(request.Purpose);
                var package = cases.Documents.Sign(
                    PackageKind, current.Country, agency.Country, current.Id, referralId, revision: 1, cases.Caller, now, PackageBody(request.Purpose, request.Package));
                var due = deadlines.For(agency.Country);
                return new RequestReferral(
                    current.Id, referralId, new AddressedAgency(agency.Id, agency.Country, agency.Name, agency.AcceptsReferrals), purpose,
                    ProtoValues.ToDateOnly(request.ReturnDecision.DecidedOn), request.ReturnDecision.InformedBy.Trim(), request.ReturnDecision.Statement.Trim(),
                    request.Package.Guardian is not null, package.DocumentId, package.Compact,
                    await cases.ConsentForAsync(current.Id, agency.Country, agency.Name, context.CancellationToken),
                    now + due.Acknowledge, now + due.Answer, now);
            },
            current =>
            {
                cases.EnsureSendingSide(current);
                // A repeat answers with the referral already made, so a retrying client learns its id.
                referralId = current.ActiveReferral is { } active && active.AgencyId == agencyId ? active.Id : referralId;
            },
            context.CancellationToken);
        return new Proto.ReferralVersion { CaseId = request.CaseId, ReferralId = referralId.ToString(), Version = version };
    }

    /// <summary>The sending side signs the next revision, for the same purpose; the agency's copy is replaced in the same transaction.</summary>
    [Access(Roles.CaseWorker)]
    public override Task<CaseVersion> AmendDisclosurePackage(Proto.AmendDisclosurePackageRequest request, ServerCallContext context) =>
        cases.DecideToVersionAsync(
            request,
            async (current, now) =>
            {
                var referral = ReturnCaseDecider.ActiveReferralOf(current);
                var package = cases.Documents.Sign(
                    PackageKind, current.Country, referral.ReceivingCountry, current.Id, referral.Id, referral.PackageRevision + 1, cases.Caller, now,
                    PackageBody(ProtoValues.ToProto<Proto.ReferralPurpose>(referral.Purpose), request.Package));
                return new AmendDisclosurePackage(
                    current.Id, request.Package.Guardian is not null, package.DocumentId, package.Compact, request.Reason.Trim(),
                    await cases.ConsentForAsync(current.Id, referral.ReceivingCountry, referral.ReceivingAgency, context.CancellationToken),
                    now + deadlines.For(referral.ReceivingCountry).Answer, now);
            },
            cases.EnsureSendingSide,
            context.CancellationToken);

    /// <summary>The package body is the contract's own message as JSON: the schema every deployment shares.</summary>
    private static JsonElement PackageBody(Proto.ReferralPurpose purpose, Proto.DisclosurePackage package)
    {
        using var json = JsonDocument.Parse(JsonFormatter.Default.Format(new Proto.DisclosurePackageView { Purpose = purpose, Package = package }));
        return json.RootElement.Clone();
    }

    /// <summary>Recorded by the destination side, who are with the person.</summary>
    [Access(Roles.CaseWorker, Roles.Supervisor)]
    public override Task<CaseVersion> WithdrawReturnDecision(Proto.WithdrawReturnDecisionRequest request, ServerCallContext context) =>
        cases.DecideToVersionAsync(request, (current, now) => new WithdrawReturnDecision(current.Id, request.Reason.Trim(), now), cases.EnsureSendingSide, context.CancellationToken);

    /// <summary>The referral as either side sees it; the receiving agency never sees why the person withdrew.</summary>
    [Access(Roles.CaseWorker, Roles.Supervisor, Roles.ReceivingAgency, ReadsPersonalData = true)]
    public override async Task<Proto.Referral> GetReferral(Proto.GetReferralRequest request, ServerCallContext context)
    {
        var returnCase = await cases.LoadForReadingAsync(request.CaseId, context.CancellationToken);
        cases.EnsureEitherSide(returnCase);
        var referral = returnCase.Referral ?? throw new NotFoundException("referral", request.CaseId);
        var view = ToSummary(returnCase, referral);
        view.Reason = returnCase.Country == cases.Caller.Country ? referral.Reason ?? "" : "";
        return view;
    }

    /// <summary>
    /// The disclosure package: to the receiving agency, its own verified copy, gone once the referral
    /// stopped; to the destination side, the package it sent.
    /// </summary>
    [Access(Roles.CaseWorker, Roles.Supervisor, Roles.ReceivingAgency, ReadsPersonalData = true)]
    public override async Task<Proto.DisclosurePackageView> GetDisclosurePackage(Proto.GetDisclosurePackageRequest request, ServerCallContext context)
    {
        var returnCase = await cases.LoadForReadingAsync(request.CaseId, context.CancellationToken);
        var referral = returnCase.Referral ?? throw new NotFoundException("referral", request.CaseId);
        cases.EnsureOwnSide(returnCase);

        var received = await cases.Session.LoadAsync<ReceivedReferral>(referral.Id, context.CancellationToken)
            ?? throw new AccessDeniedException(
                PackageWithdrawnRule,
                referral.PackageRevoked
                    ? $"The person withdrew their consent to share case {returnCase.Reference}'s disclosure package; it is no longer shared."
                    : $"The referral of case {returnCase.Reference} stopped ({referral.Status}); its disclosure package is no longer shared.",
                returnCase.Id);
        var document = await receipt.VerifyAsync(received.Document, cases.Caller, cases.Caller.Country, context.CancellationToken);
        var view = JsonParser.Default.Parse<Proto.DisclosurePackageView>(document.Body.GetRawText());
        view.CaseId = request.CaseId;
        view.ReferralId = referral.Id.ToString();
        view.Revision = document.Revision;
        view.SignedDocument = received.Document;
        view.SignedByCountry = document.IssuerCountry;
        view.KeyId = ReferralDocuments.ReadClaims(received.Document).KeyId ?? "";
        return view;
    }

    /// <summary>The receiving agency's inbox: referrals addressed to its own agency, newest first.</summary>
    [Access(Roles.ReceivingAgency)]
    public override async Task<Proto.ReferralSummaryList> ListIncomingReferrals(Proto.ListIncomingReferralsRequest request, ServerCallContext context)
    {
        var caller = cases.Caller;
        var (page, size) = Paging.Of(request.Page);
        var found = await cases.Session.Query<ReturnCase>()
            .Where(c => c.Referral != null && c.Referral.ReceivingCountry == caller.Country && c.Referral.ReceivingAgency == caller.Agency)
            .OrderByDescending(c => c.Referral!.RequestedAt)
            .ToPagedListAsync(page, size, context.CancellationToken);
        var list = new Proto.ReferralSummaryList { Page = new PageInfo { Page = page, PageSize = size, TotalItems = found.TotalItemCount } };
        list.Referrals.AddRange(found.Select(c => new Proto.ReferralSummary
        {
            CaseId = c.Id.ToString(),
            ReferralId = c.Referral!.Id.ToString(),
            CaseReference = c.Reference,
            SendingCountry = c.Country,
            Status = ProtoValues.ToProto<Proto.ReferralStatus>(c.Referral.Status),
            RequestedAt = Timestamp.FromDateTimeOffset(c.Referral.RequestedAt),
            AnswerBy = Timestamp.FromDateTimeOffset(c.Referral.AnswerBy),
        }));
        return list;
    }

    private static Proto.Referral ToSummary(ReturnCase returnCase, Referral referral) => new()
    {
        CaseId = returnCase.Id.ToString(),
        ReferralId = referral.Id.ToString(),
        CaseReference = returnCase.Reference,
        SendingCountry = returnCase.Country,
        ReceivingCountry = referral.ReceivingCountry,
        ReceivingAgencyId = referral.AgencyId.ToString(),
        ReceivingAgency = referral.ReceivingAgency,
        Purpose = ProtoValues.ToProto<Proto.ReferralPurpose>(referral.Purpose),
        Status = ProtoValues.ToProto<Proto.ReferralStatus>(referral.Status),
        IsChild = returnCase.IsChild,
        RequestedAt = Timestamp.FromDateTimeOffset(referral.RequestedAt),
        AcknowledgeBy = Timestamp.FromDateTimeOffset(referral.AcknowledgeBy),
        AnswerBy = Timestamp.FromDateTimeOffset(referral.AnswerBy),
        ContactPerson = referral.ContactPerson ?? "",
        PackageRevision = referral.PackageRevision,
        TravelOn = referral.Travel?.TravelOn.ToProto(),
        Version = returnCase.Version,
    };
}
