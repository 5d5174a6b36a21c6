using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using CaseVersion = TipReferral.Contracts.Common.V1.CaseVersion;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed record WithdrawConsent(Guid CaseId, Guid ConsentId, string Reason, DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

/// <summary>A consent was withdrawn: from now on nobody may share the person's data on its strength.</summary>
public sealed record ConsentWithdrawn(Guid CaseId, Guid ConsentId, ConsentPurpose Purpose, ConsentRecipient Recipient, [PersonalData] string Reason, DateTimeOffset WithdrawnAt) : IHasReason;

public static class ConsentWithdrawal
{
    /// <summary>Withdrawal is always possible, also on a closed or erased case; repeating it changes nothing.</summary>
    public static IReadOnlyList<object> Decide(WithdrawConsent command, VictimCase state)
    {
        var consent = state.Consents.FirstOrDefault(c => c.ConsentId == command.ConsentId)
            ?? throw new NotFoundException("consent", command.ConsentId.ToString());
        return consent.WithdrawnAt is not null
            ? []
            : [new ConsentWithdrawn(command.CaseId, consent.ConsentId, consent.Purpose, consent.Recipient, command.Reason, command.Now)];
    }

    public static VictimCase Evolve(VictimCase state, ConsentWithdrawn withdrawn) => state with
    {
        Consents = [.. state.Consents.Select(c => c.ConsentId == withdrawn.ConsentId ? c with { WithdrawnAt = withdrawn.WithdrawnAt } : c)],
        UpdatedAt = withdrawn.WithdrawnAt,
    };
}

public sealed class WithdrawConsentValidator : CaseCommandValidator<Proto.WithdrawConsentRequest>
{
    public WithdrawConsentValidator()
    {
        RuleFor(x => x.ConsentId).MustBeId();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed partial class VictimCasesService
{
    [Access(Roles.Screener, Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor)]
    public override Task<CaseVersion> WithdrawConsent(Proto.WithdrawConsentRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new WithdrawConsent(caseId, Guid.Parse(request.ConsentId), request.Reason.Trim(), now),
            context.CancellationToken);
}
