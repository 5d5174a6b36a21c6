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

/// <summary>
/// The person's own decision whether to cooperate with the authorities, after being informed of
/// their rights. <paramref name="PersonsStatement"/> is what the person said when they came
/// forward on their own during the reflection period.
/// </summary>
public sealed record RecordCooperationDecision(
    Guid CaseId,
    CooperationDecision Decision,
    DateOnly DecidedOn,
    InformedBy InformedBy,
    bool AtPersonsOwnInitiative,
    string? PersonsStatement,
    Caller RecordedBy,
    DateTimeOffset Now) : LegalFileCommand(CaseId, Now);

/// <summary>
/// Stays inside this service: no integration event tells of it, so no service can reduce
/// assistance because a person declined to cooperate.
/// </summary>
public sealed record CooperationDecisionRecorded(
    Guid CaseId,
    CooperationDecision Decision,
    DateOnly DecidedOn,
    InformedBy InformedBy,
    bool AtPersonsOwnInitiative,
    [PersonalData] string? PersonsStatement,
    Caller RecordedBy,
    DateTimeOffset RecordedAt);

public static class CooperationDecisions
{
    public const string NoDecisionDuringReflectionPeriodRule = "no-cooperation-decision-during-reflection-period";
    public const string DecidedOnInFutureRule = "cooperation-decided-on-in-future";

    public static IReadOnlyList<object> Decide(RecordCooperationDecision command, LegalFile state)
    {
        // The period exists so the person recovers without being pressed to decide: only their
        // own recorded initiative (with their statement) may break it.
        var ownInitiative = command.AtPersonsOwnInitiative && !string.IsNullOrWhiteSpace(command.PersonsStatement);
        if (state.ReflectionPeriod == ReflectionPeriodState.Running && !ownInitiative)
        {
            throw new RuleViolationException(
                NoDecisionDuringReflectionPeriodRule,
                $"The reflection and recovery period of case {state.Reference} runs until {state.ReflectionPeriodEndsAt:yyyy-MM-dd}: a decision to cooperate is neither asked for nor recorded, unless the person comes forward on their own.");
        }

        if (command.DecidedOn > DateOnly.FromDateTime(command.Now.UtcDateTime))
        {
            throw new RuleViolationException(DecidedOnInFutureRule, $"A decision recorded on {command.Now:yyyy-MM-dd} cannot have been taken on {command.DecidedOn:yyyy-MM-dd}.");
        }

        if (state.Cooperation is { } current && current.Decision == command.Decision && current.DecidedOn == command.DecidedOn
            && current.InformedBy == command.InformedBy && current.AtPersonsOwnInitiative == command.AtPersonsOwnInitiative)
        {
            return [];
        }

        return
        [
            new CooperationDecisionRecorded(
                command.CaseId, command.Decision, command.DecidedOn, command.InformedBy, command.AtPersonsOwnInitiative, command.PersonsStatement,
                command.RecordedBy, command.Now),
        ];
    }

    public static LegalFile Evolve(LegalFile state, object e) => e switch
    {
        CooperationDecisionRecorded recorded => state with
        {
            Cooperation = new CooperationRecord(recorded.Decision, recorded.DecidedOn, recorded.InformedBy, recorded.AtPersonsOwnInitiative, recorded.RecordedBy),
        },
        _ => state,
    };
}

public sealed class RecordCooperationDecisionValidator : CaseCommandValidator<Proto.RecordCooperationDecisionRequest>
{
    public RecordCooperationDecisionValidator()
    {
        RuleFor(x => x.Decision).MustBeChosen();
        RuleFor(x => x.DecidedOn).MustBeDate();
        RuleFor(x => x.InformedBy).NotNull().WithMessage("Who informed the person of their rights is required.");
        When(x => x.InformedBy is not null, () =>
        {
            RuleFor(x => x.InformedBy.Name).MustBeShortText();
            RuleFor(x => x.InformedBy.Role).MustBeShortText();
            RuleFor(x => x.InformedBy.Agency).MustBeShortText();
        });
        When(x => x.AtPersonsOwnInitiative, () => RuleFor(x => x.PersonsStatement).MustBeNotes());
    }
}

public sealed class CooperationService(LegalFileCommands files) : Proto.Cooperation.CooperationBase
{
    /// <summary>
    /// Recorded by a prosecutor or by the person's own legal-aid lawyer, of the person's country:
    /// a proceeding abroad reaches the file but not the person's life here.
    /// </summary>
    [Access(Roles.Prosecutor, Roles.LegalAidLawyer)]
    public override Task<CaseVersion> RecordCooperationDecision(Proto.RecordCooperationDecisionRequest request, ServerCallContext context)
    {
        var decidedOn = ProtoValues.ToDateOnly(request.DecidedOn);
        var caller = files.Caller;
        return files.DecideToVersionAsync(
            request,
            (caseId, now) => new RecordCooperationDecision(
                caseId, ProtoValues.ToDomain<CooperationDecision>(request.Decision), decidedOn,
                new InformedBy(request.InformedBy.Name.Trim(), request.InformedBy.Role.Trim(), request.InformedBy.Agency.Trim()),
                request.AtPersonsOwnInitiative, ProtoValues.NullIfBlank(request.PersonsStatement), caller, now),
            context.CancellationToken,
            file =>
            {
                if (file.Country != caller.Country)
                {
                    throw new AccessDeniedException(AccessDeniedException.OtherCountryRule, $"A {caller.Role} of {caller.Country} does not record the decisions of a person in {file.Country}.", file.Id);
                }

                files.EnsureLawyerAssigned(file);
            });
    }
}
