using FluentValidation;
using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Legal.LegalFiles;

public sealed record FileCompensationClaim(
    Guid CaseId, Guid ClaimId, CompensationSource Source, Guid? LegalCaseId, Money Claimed, DateOnly FiledOn, DateTimeOffset Now)
    : LegalFileCommand(CaseId, Now);

public sealed record RecordCompensationDecision(
    Guid CaseId, Guid ClaimId, CompensationDecision Decision, Money? Awarded, DateOnly DecidedOn, string? Reason, DateTimeOffset Now)
    : LegalFileCommand(CaseId, Now);

public sealed record RecordCompensationPayment(Guid CaseId, Guid ClaimId, Money Paid, DateOnly ReceivedOn, DateTimeOffset Now) : LegalFileCommand(CaseId, Now);

public sealed record CompensationClaimFiled(
    Guid CaseId, Guid ClaimId, CompensationSource Source, Guid? LegalCaseId, Money Claimed, DateOnly FiledOn, DateTimeOffset RecordedAt);

public sealed record CompensationDecided(
    Guid CaseId, Guid ClaimId, CompensationDecision Decision, Money? Awarded, DateOnly DecidedOn, [PersonalData] string? Reason, DateTimeOffset RecordedAt);

public sealed record CompensationPaymentReceived(Guid CaseId, Guid ClaimId, Money Paid, DateOnly ReceivedOn, DateTimeOffset RecordedAt);

/// <summary>
/// What the person claims for the harm done to them, from the offenders (in the criminal or a
/// civil proceeding, so always tied to a legal case) or from a state fund; what was decided; what
/// was actually paid. Amounts are minor units of one currency per claim.
/// </summary>
public static class Compensation
{
    public const string LegalCaseRequiredRule = "claim-against-offenders-needs-legal-case";
    public const string ClaimAlreadyDecidedRule = "claim-already-decided";
    public const string CurrencyMismatchRule = "claim-currency-mismatch";
    public const string AwardExceedsClaimRule = "award-exceeds-claim";
    public const string ClaimNotAwardedRule = "claim-not-awarded";
    public const string PaymentsExceedAwardRule = "payments-exceed-award";

    /// <summary>Filing the same claim again (source, proceeding, amount, date) is a repeat.</summary>
    public static CompensationClaim? SameClaim(LegalFile state, CompensationSource source, Guid? legalCaseId, Money claimed, DateOnly filedOn) =>
        state.Claims.FirstOrDefault(c => c.Source == source && c.LegalCaseId == legalCaseId && c.Claimed == claimed && c.FiledOn == filedOn);

    public static CompensationClaim ClaimOf(LegalFile state, Guid claimId) =>
        state.Claims.FirstOrDefault(c => c.Id == claimId) ?? throw new NotFoundException("compensation claim", claimId.ToString());

    public static IReadOnlyList<object> Decide(FileCompensationClaim command, LegalFile state)
    {
        if (command.LegalCaseId is { } legalCaseId)
        {
            LegalFileDecider.LegalCaseOf(state, legalCaseId);
        }
        else if (command.Source != CompensationSource.StateFund)
        {
            throw new RuleViolationException(LegalCaseRequiredRule, "A claim against the offenders is made in a proceeding: name its legal case.");
        }

        if (state.Claims.Any(c => c.Id == command.ClaimId) || SameClaim(state, command.Source, command.LegalCaseId, command.Claimed, command.FiledOn) is not null)
        {
            return [];
        }

        return [new CompensationClaimFiled(command.CaseId, command.ClaimId, command.Source, command.LegalCaseId, command.Claimed, command.FiledOn, command.Now)];
    }

    public static IReadOnlyList<object> Decide(RecordCompensationDecision command, LegalFile state)
    {
        var claim = ClaimOf(state, command.ClaimId);
        if (claim.Decision is { } decided)
        {
            return decided == command.Decision && claim.Awarded == command.Awarded && claim.DecidedOn == command.DecidedOn
                ? []
                : throw new RuleViolationException(ClaimAlreadyDecidedRule, $"Claim {claim.Id} was already decided ({decided}).");
        }

        if (command.Awarded is { } awarded)
        {
            EnsureSameCurrency(claim, awarded);
            if (awarded.AmountMinor > claim.Claimed.AmountMinor)
            {
                throw new RuleViolationException(AwardExceedsClaimRule, $"The award ({awarded.AmountMinor}) exceeds the claim ({claim.Claimed.AmountMinor} {claim.Claimed.Currency}).");
            }
        }

        return [new CompensationDecided(command.CaseId, claim.Id, command.Decision, command.Awarded, command.DecidedOn, command.Reason, command.Now)];
    }

    /// <summary>The same amount received on the same day is taken for a repeat of the same payment.</summary>
    public static IReadOnlyList<object> Decide(RecordCompensationPayment command, LegalFile state)
    {
        var claim = ClaimOf(state, command.ClaimId);
        if (claim.Awarded is not { } awarded)
        {
            throw new RuleViolationException(ClaimNotAwardedRule, $"Claim {claim.Id} was not awarded; nothing is paid on it.");
        }

        EnsureSameCurrency(claim, command.Paid);
        if (claim.Payments.Any(p => p.Paid == command.Paid && p.ReceivedOn == command.ReceivedOn))
        {
            return [];
        }

        if (claim.PaidTotal.AmountMinor + command.Paid.AmountMinor > awarded.AmountMinor)
        {
            throw new RuleViolationException(
                PaymentsExceedAwardRule, $"Payments would total {claim.PaidTotal.AmountMinor + command.Paid.AmountMinor}, more than the {awarded.AmountMinor} {awarded.Currency} awarded.");
        }

        return [new CompensationPaymentReceived(command.CaseId, claim.Id, command.Paid, command.ReceivedOn, command.Now)];
    }

    private static void EnsureSameCurrency(CompensationClaim claim, Money money)
    {
        if (money.Currency != claim.Claimed.Currency)
        {
            throw new RuleViolationException(CurrencyMismatchRule, $"Claim {claim.Id} is in {claim.Claimed.Currency}, not {money.Currency}.");
        }
    }

    public static LegalFile Evolve(LegalFile state, object e) => e switch
    {
        CompensationClaimFiled filed => state with
        {
            Claims = [.. state.Claims, new CompensationClaim(filed.ClaimId, filed.Source, filed.LegalCaseId, filed.Claimed, filed.FiledOn, null, null, null, null, [])],
        },
        CompensationDecided decided => WithClaim(state, decided.ClaimId, c => c with
        {
            Decision = decided.Decision,
            Awarded = decided.Awarded,
            DecidedOn = decided.DecidedOn,
            DecisionReason = decided.Reason,
        }),
        CompensationPaymentReceived received => WithClaim(state, received.ClaimId, c => c with
        {
            Payments = [.. c.Payments, new CompensationPayment(received.Paid, received.ReceivedOn)],
        }),
        _ => state,
    };

    private static LegalFile WithClaim(LegalFile state, Guid claimId, Func<CompensationClaim, CompensationClaim> change) =>
        state with { Claims = [.. state.Claims.Select(c => c.Id == claimId ? change(c) : c)] };
}

internal static class MoneyRules
{
    public static IRuleBuilderOptions<T, Proto.Money?> MustBeMoney<T>(this IRuleBuilder<T, Proto.Money?> rule) =>
        rule.NotNull().WithMessage("an amount is required").ChildRules(money =>
        {
            money.RuleFor(x => x!.AmountMinor).GreaterThan(0);
            money.RuleFor(x => x!.Currency).Matches("^[A-Z]{3}$").WithMessage("must be an ISO 4217 code in upper case, e.g. EUR");
        });
}

public sealed class FileCompensationClaimValidator : CaseCommandValidator<Proto.FileCompensationClaimRequest>
{
    public FileCompensationClaimValidator()
    {
        RuleFor(x => x.Source).MustBeChosen();
        When(x => x.Source != Proto.CompensationSource.StateFund || x.LegalCaseId.Length > 0, () => RuleFor(x => x.LegalCaseId).MustBeId());
        RuleFor(x => x.Claimed).MustBeMoney();
        RuleFor(x => x.FiledOn).MustBeDate();
    }
}

public sealed class RecordCompensationDecisionValidator : CaseCommandValidator<Proto.RecordCompensationDecisionRequest>
{
    public RecordCompensationDecisionValidator()
    {
        RuleFor(x => x.ClaimId).MustBeId();
        RuleFor(x => x.Decision).MustBeChosen();
        RuleFor(x => x.DecidedOn).MustBeDate();
        When(x => x.Decision == Proto.CompensationDecision.Rejected, () =>
        {
            RuleFor(x => x.Reason).MustBeReason();
            RuleFor(x => x.Awarded).Null().WithMessage("a rejected claim awards nothing");
        }).Otherwise(() =>
        {
            RuleFor(x => x.Awarded).MustBeMoney();
            RuleFor(x => x.Reason).MaximumLength(RuleBuilderExtensions.MaxReasonLength);
        });
    }
}

public sealed class RecordCompensationPaymentValidator : CaseCommandValidator<Proto.RecordCompensationPaymentRequest>
{
    public RecordCompensationPaymentValidator()
    {
        RuleFor(x => x.ClaimId).MustBeId();
        RuleFor(x => x.Paid).MustBeMoney();
        RuleFor(x => x.ReceivedOn).MustBeDate();
    }
}

/// <summary>
/// The claim is the person's own: their assigned lawyer pursues it, a supervisor of the case's
/// country may record it for them. Prosecutors act for the state, not for the person's purse,
/// and do not record it.
/// </summary>
public sealed class CompensationService(LegalFileCommands files) : Proto.Compensation.CompensationBase
{
    [Access(Roles.LegalAidLawyer, Roles.Supervisor)]
    public override async Task<Proto.CompensationClaimVersion> FileCompensationClaim(Proto.FileCompensationClaimRequest request, ServerCallContext context)
    {
        var claimId = Guid.NewGuid();
        var source = ProtoValues.ToDomain<CompensationSource>(request.Source);
        var legalCaseId = WireValues.ToOptionalId(request.LegalCaseId);
        var claimed = WireValues.ToMoney(request.Claimed);
        var filedOn = ProtoValues.ToDateOnly(request.FiledOn);
        var (version, _) = await files.DecideAsync(
            request,
            (caseId, now) => new FileCompensationClaim(caseId, claimId, source, legalCaseId, claimed, filedOn, now),
            context.CancellationToken,
            file =>
            {
                files.EnsureActsForPerson(file);
                // A repeat answers with the claim already filed, so a retrying client learns its id.
                claimId = Compensation.SameClaim(file, source, legalCaseId, claimed, filedOn)?.Id ?? claimId;
            });
        return new Proto.CompensationClaimVersion { CaseId = request.CaseId, ClaimId = claimId.ToString(), Version = version };
    }

    [Access(Roles.LegalAidLawyer, Roles.Supervisor)]
    public override Task<CaseVersion> RecordCompensationDecision(Proto.RecordCompensationDecisionRequest request, ServerCallContext context) =>
        files.DecideToVersionAsync(
            request,
            (caseId, now) => new RecordCompensationDecision(
                caseId, Guid.Parse(request.ClaimId), ProtoValues.ToDomain<CompensationDecision>(request.Decision),
                request.Awarded is null ? null : WireValues.ToMoney(request.Awarded), ProtoValues.ToDateOnly(request.DecidedOn), ProtoValues.NullIfBlank(request.Reason), now),
            context.CancellationToken,
            files.EnsureActsForPerson);

    [Access(Roles.LegalAidLawyer, Roles.Supervisor)]
    public override Task<CaseVersion> RecordCompensationPayment(Proto.RecordCompensationPaymentRequest request, ServerCallContext context) =>
        files.DecideToVersionAsync(
            request,
            (caseId, now) => new RecordCompensationPayment(caseId, Guid.Parse(request.ClaimId), WireValues.ToMoney(request.Paid), ProtoValues.ToDateOnly(request.ReceivedOn), now),
            context.CancellationToken,
            files.EnsureActsForPerson);
}
