using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Legal.LegalFiles;

public sealed class GetLegalSituationValidator : AbstractValidator<Proto.GetLegalSituationRequest>
{
    public GetLegalSituationValidator() => RuleFor(x => x.CaseId).MustBeId();
}

public sealed partial class LegalCasesService
{
    /// <summary>
    /// The person's legal situation as the caller's role may see it. Social-care roles learn that
    /// a hold or protection exists and what it means for them, never the proceedings' details.
    /// </summary>
    [Access(Roles.Prosecutor, Roles.LegalAidLawyer, Roles.WitnessProtectionAuthority, Roles.Supervisor,
        Roles.ShelterStaff, Roles.CaseWorker, Roles.ReceivingAgency, ReadsPersonalData = true)]
    public override async Task<Proto.LegalSituation> GetLegalSituation(Proto.GetLegalSituationRequest request, ServerCallContext context)
    {
        var file = await files.LoadForReadingAsync(request.CaseId, context.CancellationToken);
        files.EnsureLawyerAssigned(file);
        return LegalSituationView.For(file, files.Caller);
    }
}

/// <summary>What of a legal file each role sees: the need to know, per role and country.</summary>
public static class LegalSituationView
{
    /// <summary>The roles that work on the proceedings and see their details.</summary>
    public static readonly IReadOnlySet<string> SeeProceedings = new HashSet<string>
    {
        Roles.Prosecutor, Roles.LegalAidLawyer, Roles.WitnessProtectionAuthority, Roles.Supervisor,
    };

    public static Proto.LegalSituation For(LegalFile file, Caller caller)
    {
        var situation = new Proto.LegalSituation
        {
            CaseId = file.Id.ToString(),
            Country = file.Country,
            Version = file.Version,
            Effects = Effects(file),
            ReflectionPeriodRunning = file.ReflectionPeriod == ReflectionPeriodState.Running,
            DetailsVisible = SeeProceedings.Contains(caller.Role),
        };
        if (!situation.DetailsVisible)
        {
            return situation;
        }

        // Reached from a proceeding abroad: that country's proceedings only, nothing of the person's life here.
        var fromAbroad = !string.Equals(caller.Country, file.Country, StringComparison.Ordinal);
        var legalCases = file.LegalCases.Where(c => !fromAbroad || c.Jurisdiction.Country == caller.Country).ToList();
        var visible = legalCases.Select(c => c.Id).ToHashSet();
        situation.LegalCases.AddRange(legalCases.Select(ToProto));
        situation.WitnessProtection.AddRange(file.Protections.Where(p => visible.Contains(p.LegalCaseId)).Select(ToProto));
        situation.Holds.AddRange(file.Holds.Where(h => visible.Contains(h.LegalCaseId)).Select(ToProto));
        if (fromAbroad)
        {
            return situation;
        }

        if (file.Cooperation is { } cooperation)
        {
            situation.Cooperation = new Proto.CooperationDecisionDetails
            {
                Decision = ProtoValues.ToProto<Proto.CooperationDecision>(cooperation.Decision),
                DecidedOn = cooperation.DecidedOn.ToProto(),
                InformedBy = new Proto.InformedBy { Name = cooperation.InformedBy.Name, Role = cooperation.InformedBy.Role, Agency = cooperation.InformedBy.Agency },
                AtPersonsOwnInitiative = cooperation.AtPersonsOwnInitiative,
                RecordedBy = cooperation.RecordedBy.ToProto(),
            };
        }

        situation.LegalAid.AddRange(file.LegalAid.Select(a => new Proto.LegalAidDetails
        {
            LawyerUserId = a.LawyerUserId,
            LawyerName = a.LawyerName,
            BarOrAgency = a.BarOrAgency,
            LegalCaseId = a.LegalCaseId?.ToString() ?? "",
            AssignedAt = Timestamp.FromDateTimeOffset(a.AssignedAt),
        }));
        situation.Permits.AddRange(file.Permits.Select(p => new Proto.ResidencePermitDetails
        {
            PermitId = p.Id.ToString(),
            Type = ProtoValues.ToProto<Proto.PermitType>(p.Type),
            IssuingAuthority = p.IssuingAuthority,
            PermitNumber = p.PermitNumber,
            IssuedOn = p.IssuedOn.ToProto(),
            ExpiresOn = p.ExpiresOn?.ToProto(),
            Renewals = p.Renewals,
        }));
        situation.PermitRefusals.AddRange(file.PermitRefusals.Select(r => new Proto.PermitRefusalDetails
        {
            Type = ProtoValues.ToProto<Proto.PermitType>(r.Type),
            IssuingAuthority = r.IssuingAuthority,
            RefusedOn = r.RefusedOn.ToProto(),
            Reason = r.Reason,
            PermitId = r.PermitId?.ToString() ?? "",
        }));
        situation.CompensationClaims.AddRange(file.Claims.Select(ToProto));
        return situation;
    }

    private static Proto.ProtectionEffects Effects(LegalFile file)
    {
        var activeHolds = file.Holds.Where(h => h.IsActive).ToList();
        var identity = file.Protections.Where(p => p.ProtectsIdentity).OrderBy(p => p.RequestedAt).FirstOrDefault();
        return new Proto.ProtectionEffects
        {
            RemovalOnHold = activeHolds.Count > 0,
            HoldReviewOn = activeHolds.Count > 0 ? activeHolds.Min(h => h.ReviewOn).ToProto() : null,
            WitnessProtectionGranted = file.Protections.Any(p => p.Status == WitnessProtectionStatus.Granted),
            IdentityProtected = identity is not null,
            Pseudonym = identity?.Pseudonym ?? "",
        };
    }

    private static Proto.LegalCaseDetails ToProto(LegalCase legalCase)
    {
        var details = new Proto.LegalCaseDetails
        {
            LegalCaseId = legalCase.Id.ToString(),
            Jurisdiction = new Proto.Jurisdiction
            {
                Country = legalCase.Jurisdiction.Country,
                AuthorityKind = ProtoValues.ToProto<Proto.AuthorityKind>(legalCase.Jurisdiction.AuthorityKind),
                AuthorityName = legalCase.Jurisdiction.AuthorityName,
            },
            AuthorityCaseNumber = legalCase.AuthorityCaseNumber,
            Stage = ProtoValues.ToProto<Proto.LegalCaseStage>(legalCase.Stage),
            Outcome = legalCase.Outcome is { } outcome ? ProtoValues.ToProto<Proto.LegalCaseOutcome>(outcome) : Proto.LegalCaseOutcome.Unspecified,
            ProsecutorsOffice = legalCase.ProsecutorsOffice,
            OpenedAt = Timestamp.FromDateTimeOffset(legalCase.OpenedAt),
            VideoLinkTestimonyOn = legalCase.VideoLinkTestimonyOn?.ToProto(),
        };
        details.Offences.AddRange(legalCase.Offences.Select(o => ProtoValues.ToProto<Proto.Offence>(o)));
        details.VictimRoles.AddRange(legalCase.VictimRoles.Select(r => ProtoValues.ToProto<Proto.VictimRole>(r)));
        return details;
    }

    private static Proto.WitnessProtectionDetails ToProto(WitnessProtection protection)
    {
        var details = new Proto.WitnessProtectionDetails
        {
            ProtectionId = protection.Id.ToString(),
            LegalCaseId = protection.LegalCaseId.ToString(),
            Status = ProtoValues.ToProto<Proto.WitnessProtectionStatus>(protection.Status),
            Pseudonym = protection.Pseudonym ?? protection.ProposedPseudonym ?? "",
            ReviewOn = protection.ReviewOn?.ToProto(),
            DecisionReason = protection.DecisionReason ?? "",
            FamilyProtectionRequestId = protection.FamilyProtectionRequestId?.ToString() ?? "",
            RequestedAt = Timestamp.FromDateTimeOffset(protection.RequestedAt),
        };
        details.MeasuresRequested.AddRange(protection.Requested.Select(m => ProtoValues.ToProto<Proto.ProtectionMeasure>(m)));
        details.MeasuresGranted.AddRange(protection.Granted.Select(m => ProtoValues.ToProto<Proto.ProtectionMeasure>(m)));
        return details;
    }

    private static Proto.LegalHoldDetails ToProto(LegalHold hold) => new()
    {
        HoldId = hold.Id.ToString(),
        LegalCaseId = hold.LegalCaseId.ToString(),
        Active = hold.IsActive,
        ReviewOn = hold.ReviewOn.ToProto(),
        Reason = hold.Reason,
        PlacedAt = Timestamp.FromDateTimeOffset(hold.PlacedAt),
        ReleasedAt = hold.ReleasedAt is { } released ? Timestamp.FromDateTimeOffset(released) : null,
        ReleaseReason = hold.ReleaseReason ?? "",
    };

    private static Proto.CompensationClaimDetails ToProto(CompensationClaim claim)
    {
        var details = new Proto.CompensationClaimDetails
        {
            ClaimId = claim.Id.ToString(),
            Source = ProtoValues.ToProto<Proto.CompensationSource>(claim.Source),
            LegalCaseId = claim.LegalCaseId?.ToString() ?? "",
            Claimed = ToProto(claim.Claimed),
            FiledOn = claim.FiledOn.ToProto(),
            Decision = claim.Decision is { } decision ? ProtoValues.ToProto<Proto.CompensationDecision>(decision) : Proto.CompensationDecision.Unspecified,
            Awarded = claim.Awarded is { } awarded ? ToProto(awarded) : null,
            DecidedOn = claim.DecidedOn?.ToProto(),
            PaidTotal = ToProto(claim.PaidTotal),
        };
        details.Payments.AddRange(claim.Payments.Select(p => new Proto.CompensationPayment { Paid = ToProto(p.Paid), ReceivedOn = p.ReceivedOn.ToProto() }));
        return details;
    }

    private static Proto.Money ToProto(Money money) => new() { AmountMinor = money.AmountMinor, Currency = money.Currency };
}
