using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using CaseVersion = TipReferral.Contracts.Common.V1.CaseVersion;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed record ProtectIdentity(Guid CaseId, string Pseudonym, string Reason, DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

public sealed record LiftIdentityProtection(Guid CaseId, string Reason, DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

/// <summary>The person's identity is protected: everyone without the need to know sees the pseudonym.</summary>
public sealed record IdentityProtected(Guid CaseId, string Pseudonym, [PersonalData] string Reason, DateTimeOffset ProtectedAt) : IHasReason;

public sealed record IdentityProtectionLifted(Guid CaseId, [PersonalData] string Reason, DateTimeOffset LiftedAt) : IHasReason;

public sealed record IdentityProtection(string Pseudonym, DateTimeOffset Since);

public static class IdentityProtections
{
    public static IReadOnlyList<object> Decide(ProtectIdentity command, VictimCase state) =>
        state.Protection?.Pseudonym == command.Pseudonym
            ? []
            : [new IdentityProtected(command.CaseId, command.Pseudonym, command.Reason, command.Now)];

    public static IReadOnlyList<object> Decide(LiftIdentityProtection command, VictimCase state) =>
        state.Protection is null ? [] : [new IdentityProtectionLifted(command.CaseId, command.Reason, command.Now)];

    public static VictimCase Evolve(VictimCase state, object @event) => @event switch
    {
        IdentityProtected applied => state with { Protection = new IdentityProtection(applied.Pseudonym, applied.ProtectedAt), UpdatedAt = applied.ProtectedAt },
        IdentityProtectionLifted lifted => state with { Protection = null, UpdatedAt = lifted.LiftedAt },
        _ => state,
    };
}

public sealed class ProtectIdentityValidator : CaseCommandValidator<Proto.ProtectIdentityRequest>
{
    public ProtectIdentityValidator()
    {
        RuleFor(x => x.Pseudonym).MustBeShortText();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed class LiftIdentityProtectionValidator : CaseCommandValidator<Proto.LiftIdentityProtectionRequest>
{
    public LiftIdentityProtectionValidator()
    {
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed partial class VictimCasesService
{
    [Access(Roles.WitnessProtectionAuthority)]
    public override Task<CaseVersion> ProtectIdentity(Proto.ProtectIdentityRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new ProtectIdentity(caseId, request.Pseudonym.Trim(), request.Reason.Trim(), now),
            context.CancellationToken);

    [Access(Roles.WitnessProtectionAuthority)]
    public override Task<CaseVersion> LiftIdentityProtection(Proto.LiftIdentityProtectionRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new LiftIdentityProtection(caseId, request.Reason.Trim(), now),
            context.CancellationToken);
}
