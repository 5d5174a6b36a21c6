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

public sealed record IdentifyFormally(
    Guid CaseId,
    IdentificationOutcome Outcome,
    Organisation DecidingOrganisation,
    string Reason,
    DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

/// <summary>A competent authority decided the person's trafficking status (HTCDS "traffickingStatus").</summary>
public sealed record FormalIdentificationDecided(
    Guid CaseId,
    IdentificationOutcome Outcome,
    Organisation DecidingOrganisation,
    [PersonalData] string Reason,
    DateTimeOffset DecidedAt) : IHasReason;

public static class FormalIdentification
{
    public const string AlreadyDecidedRule = "identification-already-decided";

    public static IReadOnlyList<object> Decide(IdentifyFormally command, VictimCase state)
    {
        if (state.Status != TraffickingStatus.PresumedVictim)
        {
            return AlreadyDecidedAs(command, state)
                ? []
                : throw new RuleViolationException(AlreadyDecidedRule,
                    $"Case {state.Reference} was already formally decided as {state.Status}; a different decision needs a review, not a second identification.");
        }

        var decided = new FormalIdentificationDecided(command.CaseId, command.Outcome, command.DecidingOrganisation, command.Reason, command.Now);

        // A negative decision closes the victim case: "not a victim" ends it, "smuggled
        // migrant" redirects the person to the migrant-protection route outside TipReferral.
        return command.Outcome switch
        {
            IdentificationOutcome.IdentifiedAsVictim => [decided],
            IdentificationOutcome.NotAVictim => [decided, new VictimCaseClosed(command.CaseId, CaseClosureReason.NotAVictim, command.Reason, command.Now)],
            _ => [decided, new VictimCaseClosed(command.CaseId, CaseClosureReason.RedirectedAsSmuggledMigrant, command.Reason, command.Now)],
        };
    }

    public static bool AlreadyDecidedAs(IdentifyFormally command, VictimCase state) =>
        state.Status == StatusAfter(command.Outcome) && state.DecidingOrganisation == command.DecidingOrganisation;

    public static TraffickingStatus StatusAfter(IdentificationOutcome outcome) => outcome switch
    {
        IdentificationOutcome.IdentifiedAsVictim => TraffickingStatus.IdentifiedVictim,
        IdentificationOutcome.NotAVictim => TraffickingStatus.NotAVictim,
        _ => TraffickingStatus.SmuggledMigrantNotTrafficked,
    };
}

public sealed class IdentifyFormallyValidator : CaseCommandValidator<Proto.IdentifyFormallyRequest>
{
    public IdentifyFormallyValidator()
    {
        RuleFor(x => x.Outcome).MustBeChosen();
        RuleFor(x => x.DecidingOrganisation).NotNull().WithMessage("is required");
        When(x => x.DecidingOrganisation is not null, () =>
        {
            RuleFor(x => x.DecidingOrganisation.Name).MustBeShortText();
            RuleFor(x => x.DecidingOrganisation.Kind).MustBeChosen();
        });
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed partial class VictimCasesService
{
    [Access(Roles.Supervisor)]
    public override Task<CaseVersion> IdentifyFormally(Proto.IdentifyFormallyRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new IdentifyFormally(
                caseId,
                ProtoValues.ToDomain<IdentificationOutcome>(request.Outcome),
                new Organisation(request.DecidingOrganisation.Name.Trim(), ProtoValues.ToDomain<OrganisationKind>(request.DecidingOrganisation.Kind)),
                request.Reason.Trim(),
                now),
            context.CancellationToken);
}
