using FluentValidation;
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

public sealed record RecordResidencePermit(
    Guid CaseId, Guid PermitId, PermitType Type, string IssuingAuthority, string PermitNumber, DateOnly IssuedOn, DateOnly? ExpiresOn, DateTimeOffset Now)
    : LegalFileCommand(CaseId, Now);

public sealed record RenewResidencePermit(Guid CaseId, Guid PermitId, DateOnly RenewedOn, DateOnly ExpiresOn, string? PermitNumber, DateTimeOffset Now)
    : LegalFileCommand(CaseId, Now);

public sealed record RecordResidencePermitRefusal(
    Guid CaseId, PermitType Type, string IssuingAuthority, DateOnly RefusedOn, string Reason, Guid? PermitId, DateTimeOffset Now)
    : LegalFileCommand(CaseId, Now);

public sealed record ResidencePermitRecorded(
    Guid CaseId, Guid PermitId, PermitType Type, string IssuingAuthority, [PersonalData] string PermitNumber, DateOnly IssuedOn, DateOnly? ExpiresOn,
    DateTimeOffset RecordedAt);

public sealed record ResidencePermitRenewed(
    Guid CaseId, Guid PermitId, DateOnly RenewedOn, DateOnly ExpiresOn, [PersonalData] string? PermitNumber, DateTimeOffset RenewedAt);

public sealed record ResidencePermitRefused(
    Guid CaseId, PermitType Type, string IssuingAuthority, DateOnly RefusedOn, [PersonalData] string Reason, Guid? PermitId, DateTimeOffset RecordedAt)
    : IHasReason;

/// <summary>
/// The person's right to stay: permits as issued, renewed or refused. A permit's expiry alerts
/// (60 and 30 days before) are part of its state, so the timer that raises them is set from
/// the same decision that records or renews it (see <see cref="PermitExpiry"/>).
/// </summary>
public static class ResidencePermits
{
    public const string PermitNumberAlreadyRecordedRule = "permit-number-already-recorded";
    public const string PermanentPermitNotRenewedRule = "permanent-permit-not-renewed";
    public const string RenewalMustExtendRule = "renewal-must-extend-expiry";

    /// <summary>A permit is known by its issuing authority and number.</summary>
    public static ResidencePermit? WithNumber(LegalFile state, string issuingAuthority, string permitNumber) =>
        state.Permits.FirstOrDefault(p => string.Equals(p.IssuingAuthority, issuingAuthority, StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.PermitNumber, permitNumber, StringComparison.OrdinalIgnoreCase));

    public static ResidencePermit PermitOf(LegalFile state, Guid permitId) =>
        state.Permits.FirstOrDefault(p => p.Id == permitId) ?? throw new NotFoundException("residence permit", permitId.ToString());

    public static IReadOnlyList<object> Decide(RecordResidencePermit command, LegalFile state)
    {
        if (WithNumber(state, command.IssuingAuthority, command.PermitNumber) is { } known)
        {
            return known.Type == command.Type && known.IssuedOn == command.IssuedOn && known.ExpiresOn == command.ExpiresOn && known.Renewals == 0
                ? []
                : throw new RuleViolationException(
                    PermitNumberAlreadyRecordedRule, $"{command.IssuingAuthority}'s permit {command.PermitNumber} is already recorded; renew it instead.");
        }

        return
        [
            new ResidencePermitRecorded(
                command.CaseId, command.PermitId, command.Type, command.IssuingAuthority, command.PermitNumber, command.IssuedOn, command.ExpiresOn, command.Now),
        ];
    }

    public static IReadOnlyList<object> Decide(RenewResidencePermit command, LegalFile state)
    {
        var permit = PermitOf(state, command.PermitId);
        if (permit.ExpiresOn is not { } current)
        {
            throw new RuleViolationException(PermanentPermitNotRenewedRule, $"Permit {permit.Id} is permanent; it does not expire.");
        }

        if (current == command.ExpiresOn && (command.PermitNumber is null || command.PermitNumber == permit.PermitNumber))
        {
            return [];
        }

        if (command.ExpiresOn <= current)
        {
            throw new RuleViolationException(
                RenewalMustExtendRule, $"A renewal extends the permit beyond its current expiry ({current:yyyy-MM-dd}); {command.ExpiresOn:yyyy-MM-dd} does not.");
        }

        return [new ResidencePermitRenewed(command.CaseId, permit.Id, command.RenewedOn, command.ExpiresOn, command.PermitNumber, command.Now)];
    }

    public static IReadOnlyList<object> Decide(RecordResidencePermitRefusal command, LegalFile state)
    {
        if (command.PermitId is { } permitId)
        {
            PermitOf(state, permitId);
        }

        if (state.PermitRefusals.Any(r => r.Type == command.Type && r.RefusedOn == command.RefusedOn && r.PermitId == command.PermitId
            && string.Equals(r.IssuingAuthority, command.IssuingAuthority, StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }

        return [new ResidencePermitRefused(command.CaseId, command.Type, command.IssuingAuthority, command.RefusedOn, command.Reason, command.PermitId, command.Now)];
    }

    public static LegalFile Evolve(LegalFile state, object e) => e switch
    {
        ResidencePermitRecorded recorded => state with
        {
            Permits = [.. state.Permits, new ResidencePermit(
                recorded.PermitId, recorded.Type, recorded.IssuingAuthority, recorded.PermitNumber, recorded.IssuedOn, recorded.ExpiresOn, Renewals: 0,
                PermitExpiry.AlertsAhead(recorded.ExpiresOn, recorded.RecordedAt))],
        },
        ResidencePermitRenewed renewed => WithPermit(state, renewed.PermitId, p => p with
        {
            ExpiresOn = renewed.ExpiresOn,
            PermitNumber = renewed.PermitNumber ?? p.PermitNumber,
            Renewals = p.Renewals + 1,
            ExpiryAlertsAhead = PermitExpiry.AlertsAhead(renewed.ExpiresOn, renewed.RenewedAt),
        }),
        ResidencePermitRefused refused => WithRefusal(state, refused),
        ResidencePermitExpiryAlertRaised raised => WithPermit(state, raised.PermitId, p => p with
        {
            ExpiryAlertsAhead = [.. p.ExpiryAlertsAhead.Where(days => days != raised.DaysBefore)],
        }),
        _ => state,
    };

    /// <summary>A refused renewal leaves the permit to run out: the alerts, which exist to get it renewed in time, end with it.</summary>
    private static LegalFile WithRefusal(LegalFile state, ResidencePermitRefused refused)
    {
        var withRefusal = state with
        {
            PermitRefusals = [.. state.PermitRefusals, new PermitRefusal(refused.Type, refused.IssuingAuthority, refused.RefusedOn, refused.Reason, refused.PermitId)],
        };
        return refused.PermitId is { } permitId ? WithPermit(withRefusal, permitId, p => p with { ExpiryAlertsAhead = [] }) : withRefusal;
    }

    private static LegalFile WithPermit(LegalFile state, Guid permitId, Func<ResidencePermit, ResidencePermit> change) =>
        state with { Permits = [.. state.Permits.Select(p => p.Id == permitId ? change(p) : p)] };
}

public sealed class RecordResidencePermitValidator : CaseCommandValidator<Proto.RecordResidencePermitRequest>
{
    public RecordResidencePermitValidator()
    {
        RuleFor(x => x.Type).MustBeChosen();
        RuleFor(x => x.IssuingAuthority).MustBeShortText();
        RuleFor(x => x.PermitNumber).MustBeShortText();
        RuleFor(x => x.IssuedOn).MustBeDate();
        When(x => x.Type == Proto.PermitType.Permanent, () => RuleFor(x => x.ExpiresOn).Null().WithMessage("a permanent permit does not expire"))
            .Otherwise(() => RuleFor(x => x.ExpiresOn).MustBeDate().MustBeAfter(x => x.IssuedOn, "the issue date"));
    }
}

public sealed class RenewResidencePermitValidator : CaseCommandValidator<Proto.RenewResidencePermitRequest>
{
    public RenewResidencePermitValidator()
    {
        RuleFor(x => x.PermitId).MustBeId();
        RuleFor(x => x.RenewedOn).MustBeDate();
        RuleFor(x => x.ExpiresOn).MustBeDate().MustBeAfter(x => x.RenewedOn, "the renewal date");
        RuleFor(x => x.PermitNumber).MaximumLength(RuleBuilderExtensions.MaxTextLength);
    }
}

public sealed class RecordResidencePermitRefusalValidator : CaseCommandValidator<Proto.RecordResidencePermitRefusalRequest>
{
    public RecordResidencePermitRefusalValidator()
    {
        RuleFor(x => x.Type).MustBeChosen();
        RuleFor(x => x.IssuingAuthority).MustBeShortText();
        RuleFor(x => x.RefusedOn).MustBeDate();
        RuleFor(x => x.Reason).MustBeReason();
        When(x => x.PermitId.Length > 0, () => RuleFor(x => x.PermitId).MustBeId());
    }
}

internal static class DateRules
{
    /// <summary>A date strictly after another date of the request (not checked when that one is not a date).</summary>
    public static IRuleBuilderOptions<T, Google.Type.Date?> MustBeAfter<T>(
        this IRuleBuilderOptions<T, Google.Type.Date?> rule, Func<T, Google.Type.Date?> other, string otherName) =>
        rule.Must((request, date) => !ProtoValues.TryToDateOnly(other(request), out var before)
                || (ProtoValues.TryToDateOnly(date, out var after) && after > before))
            .WithMessage($"must be after {otherName}");
}

/// <summary>
/// Case workers and supervisors of the case's country record the person's permits, as does the
/// lawyer assigned to the person: it is their client's status they follow.
/// </summary>
public sealed partial class ResidencePermitsService(LegalFileCommands files, IDocumentSession session, CaseAccess access, TimeProvider clock)
    : Proto.ResidencePermits.ResidencePermitsBase
{
    [Access(Roles.CaseWorker, Roles.LegalAidLawyer, Roles.Supervisor)]
    public override async Task<Proto.ResidencePermitVersion> RecordResidencePermit(Proto.RecordResidencePermitRequest request, ServerCallContext context)
    {
        var permitId = Guid.NewGuid();
        var authority = request.IssuingAuthority.Trim();
        var number = request.PermitNumber.Trim();
        var (version, _) = await files.DecideAsync(
            request,
            (caseId, now) => new RecordResidencePermit(
                caseId, permitId, ProtoValues.ToDomain<PermitType>(request.Type), authority, number, ProtoValues.ToDateOnly(request.IssuedOn),
                ProtoValues.ToOptionalDateOnly(request.ExpiresOn), now),
            context.CancellationToken,
            file =>
            {
                files.EnsureActsForPerson(file);
                // A repeat answers with the permit already recorded, so a retrying client learns its id.
                permitId = ResidencePermits.WithNumber(file, authority, number)?.Id ?? permitId;
            });
        return new Proto.ResidencePermitVersion { CaseId = request.CaseId, PermitId = permitId.ToString(), Version = version };
    }

    [Access(Roles.CaseWorker, Roles.LegalAidLawyer, Roles.Supervisor)]
    public override Task<CaseVersion> RenewResidencePermit(Proto.RenewResidencePermitRequest request, ServerCallContext context) =>
        files.DecideToVersionAsync(
            request,
            (caseId, now) => new RenewResidencePermit(
                caseId, Guid.Parse(request.PermitId), ProtoValues.ToDateOnly(request.RenewedOn), ProtoValues.ToDateOnly(request.ExpiresOn),
                ProtoValues.NullIfBlank(request.PermitNumber), now),
            context.CancellationToken,
            files.EnsureActsForPerson);

    [Access(Roles.CaseWorker, Roles.LegalAidLawyer, Roles.Supervisor)]
    public override Task<CaseVersion> RecordResidencePermitRefusal(Proto.RecordResidencePermitRefusalRequest request, ServerCallContext context) =>
        files.DecideToVersionAsync(
            request,
            (caseId, now) => new RecordResidencePermitRefusal(
                caseId, ProtoValues.ToDomain<PermitType>(request.Type), request.IssuingAuthority.Trim(), ProtoValues.ToDateOnly(request.RefusedOn),
                request.Reason.Trim(), WireValues.ToOptionalId(request.PermitId), now),
            context.CancellationToken,
            files.EnsureActsForPerson);
}
