using FluentValidation;
using Google.Protobuf.Collections;
using Grpc.Core;
using Marten;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Legal.LegalFiles;

public sealed class RequestWitnessProtectionValidator : CaseCommandValidator<Proto.RequestWitnessProtectionRequest>
{
    public RequestWitnessProtectionValidator()
    {
        RuleFor(x => x.LegalCaseId).MustBeId();
        RuleFor(x => x.Measures).NotEmpty().WithMessage("At least one measure is required.");
        RuleForEach(x => x.Measures).MustBeChosen();
        When(x => x.Measures.Contains(Proto.ProtectionMeasure.IdentityProtection), () => RuleFor(x => x.ProposedPseudonym).MustBeShortText());
        When(x => x.Measures.Contains(Proto.ProtectionMeasure.FamilyProtectionAbroad), () =>
        {
            RuleFor(x => x.FamilyAbroad).NotNull().WithMessage("is required with FAMILY_PROTECTION_ABROAD");
            When(x => x.FamilyAbroad is not null, () =>
            {
                RuleFor(x => x.FamilyAbroad.Country).MustBeCountry();
                RuleFor(x => x.FamilyAbroad.Members).MustBeNotes();
            });
        }).Otherwise(() => RuleFor(x => x.FamilyAbroad).Null().WithMessage("is given only with FAMILY_PROTECTION_ABROAD"));
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed class GrantWitnessProtectionValidator : CaseCommandValidator<Proto.GrantWitnessProtectionRequest>
{
    public GrantWitnessProtectionValidator()
    {
        RuleFor(x => x.ProtectionId).MustBeId();
        RuleFor(x => x.Measures).NotEmpty().WithMessage("At least one measure is granted; refuse the request otherwise.");
        RuleForEach(x => x.Measures).MustBeChosen();
        RuleFor(x => x.Pseudonym).MaximumLength(RuleBuilderExtensions.MaxTextLength);
        RuleFor(x => x.ReviewOn).MustBeDate();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed class RefuseWitnessProtectionValidator : CaseCommandValidator<Proto.RefuseWitnessProtectionRequest>
{
    public RefuseWitnessProtectionValidator()
    {
        RuleFor(x => x.ProtectionId).MustBeId();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed class ReviewWitnessProtectionValidator : CaseCommandValidator<Proto.ReviewWitnessProtectionRequest>
{
    public ReviewWitnessProtectionValidator()
    {
        RuleFor(x => x.ProtectionId).MustBeId();
        RuleFor(x => x.NextReviewOn).MustBeDate();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed class ChangeWitnessProtectionMeasuresValidator : CaseCommandValidator<Proto.ChangeWitnessProtectionMeasuresRequest>
{
    public ChangeWitnessProtectionMeasuresValidator()
    {
        RuleFor(x => x.ProtectionId).MustBeId();
        RuleFor(x => x.Measures).NotEmpty().WithMessage("At least one measure stays; lift the protection otherwise.");
        RuleForEach(x => x.Measures).MustBeChosen();
        RuleFor(x => x.Pseudonym).MaximumLength(RuleBuilderExtensions.MaxTextLength);
        RuleFor(x => x.ReviewOn).MustBeDate();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed class LiftWitnessProtectionValidator : CaseCommandValidator<Proto.LiftWitnessProtectionRequest>
{
    public LiftWitnessProtectionValidator()
    {
        RuleFor(x => x.ProtectionId).MustBeId();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

/// <summary>
/// A prosecutor of the legal case asks; the witness-protection authority of the proceedings'
/// country decides, reviews, changes and lifts. Family protection abroad is decided by the
/// authority of the family's country, which sees only that request.
/// </summary>
public sealed partial class WitnessProtectionService(LegalFileCommands files, CaseAccess access, ICaseKeys keys, IDocumentSession session, TimeProvider clock)
    : Proto.WitnessProtection.WitnessProtectionBase
{
    public const string NotCompetentAuthorityRule = "not-competent-authority";

    [Access(Roles.Prosecutor)]
    public override async Task<Proto.WitnessProtectionVersion> RequestWitnessProtection(Proto.RequestWitnessProtectionRequest request, ServerCallContext context)
    {
        var protectionId = Guid.CreateVersion7();
        var familyRequestId = Guid.CreateVersion7();
        var (version, events) = await files.DecideAsync(
            request,
            (caseId, now) => new RequestWitnessProtection(
                caseId, protectionId, Guid.Parse(request.LegalCaseId), Measures(request.Measures), ProtoValues.NullIfBlank(request.ProposedPseudonym),
                request.FamilyAbroad is { } family ? new FamilyAbroad(family.Country.Trim(), family.Members.Trim()) : null,
                familyRequestId, request.Reason.Trim(), now),
            context.CancellationToken,
            files.ProsecutorOf(request.LegalCaseId));
        var requested = events.OfType<WitnessProtectionRequested>().SingleOrDefault();
        return new Proto.WitnessProtectionVersion
        {
            CaseId = request.CaseId,
            ProtectionId = protectionId.ToString(),
            Version = version,
            FamilyProtectionRequestId = requested?.FamilyProtectionRequestId?.ToString() ?? "",
        };
    }

    [Access(Roles.WitnessProtectionAuthority)]
    public override Task<CaseVersion> GrantWitnessProtection(Proto.GrantWitnessProtectionRequest request, ServerCallContext context)
    {
        var reviewOn = ProtoValues.ToDateOnly(request.ReviewOn);
        return files.DecideToVersionAsync(
            request,
            (caseId, now) => new GrantWitnessProtection(
                caseId, Guid.Parse(request.ProtectionId), Measures(request.Measures), ProtoValues.NullIfBlank(request.Pseudonym), reviewOn, request.Reason.Trim(), now),
            context.CancellationToken,
            CompetentAuthorityFor(request.ProtectionId));
    }

    [Access(Roles.WitnessProtectionAuthority)]
    public override Task<CaseVersion> RefuseWitnessProtection(Proto.RefuseWitnessProtectionRequest request, ServerCallContext context) =>
        files.DecideToVersionAsync(
            request,
            (caseId, now) => new RefuseWitnessProtection(caseId, Guid.Parse(request.ProtectionId), request.Reason.Trim(), now),
            context.CancellationToken,
            CompetentAuthorityFor(request.ProtectionId));

    [Access(Roles.WitnessProtectionAuthority)]
    public override Task<CaseVersion> ReviewWitnessProtection(Proto.ReviewWitnessProtectionRequest request, ServerCallContext context)
    {
        var nextReviewOn = ProtoValues.ToDateOnly(request.NextReviewOn);
        return files.DecideToVersionAsync(
            request,
            (caseId, now) => new ReviewWitnessProtection(caseId, Guid.Parse(request.ProtectionId), nextReviewOn, request.Reason.Trim(), now),
            context.CancellationToken,
            CompetentAuthorityFor(request.ProtectionId));
    }

    [Access(Roles.WitnessProtectionAuthority)]
    public override Task<CaseVersion> ChangeWitnessProtectionMeasures(Proto.ChangeWitnessProtectionMeasuresRequest request, ServerCallContext context)
    {
        var reviewOn = ProtoValues.ToDateOnly(request.ReviewOn);
        return files.DecideToVersionAsync(
            request,
            (caseId, now) => new ChangeWitnessProtectionMeasures(
                caseId, Guid.Parse(request.ProtectionId), Measures(request.Measures), ProtoValues.NullIfBlank(request.Pseudonym), reviewOn, request.Reason.Trim(), now),
            context.CancellationToken,
            CompetentAuthorityFor(request.ProtectionId));
    }

    [Access(Roles.WitnessProtectionAuthority)]
    public override Task<CaseVersion> LiftWitnessProtection(Proto.LiftWitnessProtectionRequest request, ServerCallContext context) =>
        files.DecideToVersionAsync(
            request,
            (caseId, now) => new LiftWitnessProtection(caseId, Guid.Parse(request.ProtectionId), request.Reason.Trim(), now),
            context.CancellationToken,
            CompetentAuthorityFor(request.ProtectionId));

    /// <summary>Only the witness-protection authority of the proceedings' country decides on a protection in them.</summary>
    private Action<LegalFile> CompetentAuthorityFor(string protectionId) => file =>
    {
        var protection = WitnessProtections.ProtectionOf(file, Guid.Parse(protectionId));
        var jurisdiction = LegalFileDecider.LegalCaseOf(file, protection.LegalCaseId).Jurisdiction;
        if (!string.Equals(jurisdiction.Country, files.Caller.Country, StringComparison.Ordinal))
        {
            throw new AccessDeniedException(
                NotCompetentAuthorityRule, $"Witness protection in proceedings of {jurisdiction.Country} is decided by that country's authority, not {files.Caller.Country}'s.", file.Id);
        }
    };

    private static IReadOnlyList<ProtectionMeasure> Measures(RepeatedField<Proto.ProtectionMeasure> measures) =>
        [.. measures.Distinct().Select(m => ProtoValues.ToDomain<ProtectionMeasure>(m))];
}
