using TipReferral.ServiceDefaults.Grpc;
using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using CaseVersion = TipReferral.Contracts.Common.V1.CaseVersion;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed record AppointGuardian(Guid CaseId, Guardian Guardian, string Reason, DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

/// <summary>A guardian was appointed for a (presumed) child; a later appointment replaces the earlier one.</summary>
public sealed record GuardianAppointed(Guid CaseId, Guardian Guardian, [PersonalData] string Reason, DateTimeOffset AppointedAt) : IHasReason;

public static class Guardianship
{
    public const string OnlyForChildrenRule = "guardian-only-for-children";
    public const string ReplacementNeedsReasonRule = "guardian-replacement-needs-reason";

    public static IReadOnlyList<object> Decide(AppointGuardian command, VictimCase state)
    {
        if (!state.IsPresumedChild)
        {
            throw new RuleViolationException(OnlyForChildrenRule, $"Case {state.Reference} is not a (presumed) child's; guardians are appointed for children.");
        }

        if (state.Guardian == command.Guardian)
        {
            return [];
        }

        if (state.Guardian is not null && string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new RuleViolationException(ReplacementNeedsReasonRule, $"Case {state.Reference} already has a guardian; say why they are replaced.");
        }

        return [new GuardianAppointed(command.CaseId, command.Guardian, command.Reason, command.Now)];
    }
}

public sealed class AppointGuardianValidator : CaseCommandValidator<Proto.AppointGuardianRequest>
{
    public AppointGuardianValidator()
    {
        RuleFor(x => x.Guardian).NotNull().WithMessage("is required");
        When(x => x.Guardian is not null, () =>
        {
            RuleFor(x => x.Guardian.FullName).MustBeShortText();
            RuleFor(x => x.Guardian.Organisation).MustBeShortText();
            RuleFor(x => x.Guardian.Contact).MaximumLength(RuleBuilderExtensions.MaxTextLength);
        });
        RuleFor(x => x.Reason).MaximumLength(RuleBuilderExtensions.MaxReasonLength);
    }
}

public sealed partial class VictimCasesService
{
    [Access(Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor)]
    public override Task<CaseVersion> AppointGuardian(Proto.AppointGuardianRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new AppointGuardian(
                caseId,
                new Guardian(request.Guardian.FullName.Trim(), request.Guardian.Organisation.Trim(), ProtoValues.NullIfBlank(request.Guardian.Contact)),
                request.Reason.Trim(),
                now),
            context.CancellationToken);
}
