using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using CaseVersion = TipReferral.Contracts.Common.V1.CaseVersion;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed record RequestErasure(Guid CaseId, string Reason, Caller RequestedBy, DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

public sealed record ApproveErasure(Guid CaseId, string Reason, Caller ApprovedBy, DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

public sealed record RejectErasure(Guid CaseId, string Reason, Caller RejectedBy, DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

/// <summary>Erasure of the person's data was requested on a lawful ground; a DataProtectionOfficer decides.</summary>
public sealed record ErasureRequested(Guid CaseId, string Reason, Caller RequestedBy, DateTimeOffset RequestedAt) : IHasReason;

public sealed record ErasureRejected(Guid CaseId, string Reason, Caller RejectedBy, DateTimeOffset RejectedAt) : IHasReason;

/// <summary>
/// The case's data key was destroyed: every personal field, in every stored event and
/// document, now reads as erased. The events themselves, their actors and times remain.
/// </summary>
public sealed record PersonalDataErased(Guid CaseId, string Reason, Caller RequestedBy, Caller ApprovedBy, DateTimeOffset ErasedAt) : IHasReason;

public sealed record ErasureState(string Reason, Caller RequestedBy, DateTimeOffset RequestedAt, Caller? ApprovedBy = null, DateTimeOffset? ErasedAt = null);

public static class PersonalDataErasure
{
    public const string ErasedRule = "personal-data-erased";
    public const string NotRequestedRule = "erasure-not-requested";
    public const string FourEyesRule = "erasure-four-eyes";

    public static void EnsureNotErased(VictimCase state)
    {
        if (state.IsErased)
        {
            throw new RuleViolationException(ErasedRule, $"The personal data of case {state.Reference} was lawfully erased.");
        }
    }

    public static IReadOnlyList<object> Decide(RequestErasure command, VictimCase state) =>
        state.Erasure is not null
            ? [] // pending or done: asking again changes nothing
            : [new ErasureRequested(command.CaseId, command.Reason, command.RequestedBy, command.Now)];

    public static IReadOnlyList<object> Decide(ApproveErasure command, VictimCase state)
    {
        if (state.IsErased)
        {
            return [];
        }

        var request = Pending(state);
        if (request.RequestedBy.UserId == command.ApprovedBy.UserId)
        {
            throw new RuleViolationException(FourEyesRule, "Whoever requested an erasure cannot also approve it.");
        }

        return [new PersonalDataErased(command.CaseId, command.Reason, request.RequestedBy, command.ApprovedBy, command.Now)];
    }

    public static IReadOnlyList<object> Decide(RejectErasure command, VictimCase state)
    {
        if (state.IsErased)
        {
            throw new RuleViolationException(ErasedRule, $"The personal data of case {state.Reference} was already erased.");
        }

        Pending(state);
        return [new ErasureRejected(command.CaseId, command.Reason, command.RejectedBy, command.Now)];
    }

    private static ErasureState Pending(VictimCase state) =>
        state.Erasure ?? throw new RuleViolationException(NotRequestedRule, $"No erasure of case {state.Reference} was requested.");

    public static VictimCase Evolve(VictimCase state, object @event) => @event switch
    {
        ErasureRequested requested => state with { Erasure = new ErasureState(requested.Reason, requested.RequestedBy, requested.RequestedAt), UpdatedAt = requested.RequestedAt },
        ErasureRejected rejected => state with { Erasure = null, UpdatedAt = rejected.RejectedAt },
        // The blind name index goes too: nobody can find the person again, even by a guess.
        PersonalDataErased erased => state with
        {
            Erasure = state.Erasure! with { ApprovedBy = erased.ApprovedBy, ErasedAt = erased.ErasedAt },
            NameIndex = [],
            UpdatedAt = erased.ErasedAt,
        },
        _ => state,
    };
}

public sealed class RequestErasureValidator : CaseCommandValidator<Proto.RequestErasureRequest>
{
    public RequestErasureValidator()
    {
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed class DecideErasureValidator : CaseCommandValidator<Proto.DecideErasureRequest>
{
    public DecideErasureValidator()
    {
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed partial class VictimCasesService
{
    [Access(Roles.CaseWorker, Roles.ShelterStaff, Roles.Supervisor, Roles.DataProtectionOfficer)]
    public override Task<CaseVersion> RequestErasure(Proto.RequestErasureRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new RequestErasure(caseId, request.Reason.Trim(), access.Caller, now),
            context.CancellationToken);

    [Access(Roles.DataProtectionOfficer)]
    public override Task<CaseVersion> ApproveErasure(Proto.DecideErasureRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new ApproveErasure(caseId, request.Reason.Trim(), access.Caller, now),
            context.CancellationToken);

    [Access(Roles.DataProtectionOfficer)]
    public override Task<CaseVersion> RejectErasure(Proto.DecideErasureRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new RejectErasure(caseId, request.Reason.Trim(), access.Caller, now),
            context.CancellationToken);
}
