using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

/// <summary>
/// <paramref name="SharedMask"/> is what the other services' protections say (read at the edge);
/// the decider adds the case's own protection to it.
/// </summary>
public sealed record RevealProtectedIdentity(Guid CaseId, string Reason, Caller RevealedTo, IdentityMask? SharedMask, DateTimeOffset Now)
    : VictimCaseCommand(CaseId, Now);

/// <summary>A protected identity was shown to someone without the need to know, for the reason they gave.</summary>
public sealed record ProtectedIdentityRevealed(Guid CaseId, [PersonalData] string Reason, Caller RevealedTo, DateTimeOffset RevealedAt) : IHasReason;

public static class ProtectedIdentityReveals
{
    public const string IdentityNotProtectedRule = "identity-not-protected";

    /// <summary>Every reveal is recorded, a repeated one too: each is a separate look at the identity.</summary>
    public static IReadOnlyList<object> Decide(RevealProtectedIdentity command, VictimCase state)
    {
        PersonalDataErasure.EnsureNotErased(state);
        return state.MaskWith(command.SharedMask)?.HidesIdentityFrom(command.RevealedTo) == true
            ? [new ProtectedIdentityRevealed(command.CaseId, command.Reason, command.RevealedTo, command.Now)]
            : throw new RuleViolationException(IdentityNotProtectedRule, $"Nothing of case {state.Reference} is masked for a {command.RevealedTo.Role}.");
    }
}

public sealed class RevealProtectedIdentityValidator : CaseCommandValidator<Proto.RevealProtectedIdentityRequest>
{
    public RevealProtectedIdentityValidator()
    {
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed partial class VictimCasesService
{
    [Access(Roles.Screener, Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor, Roles.Prosecutor, Roles.LegalAidLawyer,
        Roles.WitnessProtectionAuthority, Roles.DataProtectionOfficer, ReadsPersonalData = true)]
    public override async Task<Proto.VictimCaseDetails> RevealProtectedIdentity(Proto.RevealProtectedIdentityRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var shared = await IdentityMasks.LoadAsync(session, Guid.Parse(request.CaseId), cancellationToken);
        var reason = request.Reason.Trim();
        await DecideInFullAsync(request, (caseId, now) => new RevealProtectedIdentity(caseId, reason, access.Caller, shared, now), cancellationToken);

        var revealed = await LoadForReadingAsync(request.CaseId, cancellationToken);
        access.RecordReveal(revealed.Id, revealed.Country, reason);
        return revealed.ToProto(PersonalDataState.Present);
    }
}
