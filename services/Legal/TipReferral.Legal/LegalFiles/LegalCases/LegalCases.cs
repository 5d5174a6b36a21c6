using FluentValidation;
using Marten;
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
/// A proceeding linked to the victim case. <paramref name="ProsecutorsOffice"/> is the agency
/// whose prosecutors are "the prosecutors of the legal case": the opening prosecutor's own
/// office for a case of their country, else the authority named for a proceeding abroad.
/// </summary>
public sealed record OpenLegalCase(
    Guid CaseId,
    Guid LegalCaseId,
    Jurisdiction Jurisdiction,
    string AuthorityCaseNumber,
    IReadOnlyList<Offence> Offences,
    LegalCaseStage Stage,
    IReadOnlyList<VictimRole> VictimRoles,
    string ProsecutorsOffice,
    DateTimeOffset Now) : LegalFileCommand(CaseId, Now);

public sealed record ChangeLegalCaseStage(Guid CaseId, Guid LegalCaseId, LegalCaseStage Stage, LegalCaseOutcome? Outcome, string Reason, DateTimeOffset Now)
    : LegalFileCommand(CaseId, Now);

public sealed record LegalCaseOpened(
    Guid CaseId,
    Guid LegalCaseId,
    Jurisdiction Jurisdiction,
    string AuthorityCaseNumber,
    IReadOnlyList<Offence> Offences,
    LegalCaseStage Stage,
    IReadOnlyList<VictimRole> VictimRoles,
    string ProsecutorsOffice,
    DateTimeOffset OpenedAt);

public sealed record LegalCaseStageChanged(Guid CaseId, Guid LegalCaseId, LegalCaseStage Stage, LegalCaseOutcome? Outcome, [PersonalData] string Reason, DateTimeOffset ChangedAt)
    : IHasReason;

public static class LegalCases
{
    public const string DuplicateAuthorityCaseNumberRule = "legal-case-already-linked";
    public const string LegalCaseClosedRule = "legal-case-closed";
    public const string OutcomeRequiredRule = "outcome-required";

    public static IReadOnlyList<object> Decide(OpenLegalCase command, LegalFile state)
    {
        if (state.FindLegalCase(command.LegalCaseId) is not null)
        {
            return [];
        }

        if (state.LegalCases.Any(c => c.Jurisdiction == command.Jurisdiction
            && string.Equals(c.AuthorityCaseNumber, command.AuthorityCaseNumber, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RuleViolationException(
                DuplicateAuthorityCaseNumberRule,
                $"{command.Jurisdiction.AuthorityName}'s case {command.AuthorityCaseNumber} is already linked to case {state.Reference}.");
        }

        return
        [
            new LegalCaseOpened(
                command.CaseId, command.LegalCaseId, command.Jurisdiction, command.AuthorityCaseNumber, command.Offences, command.Stage, command.VictimRoles,
                command.ProsecutorsOffice, command.Now),
        ];
    }

    public static IReadOnlyList<object> Decide(ChangeLegalCaseStage command, LegalFile state)
    {
        var legalCase = LegalFileDecider.LegalCaseOf(state, command.LegalCaseId);
        if (legalCase.Stage == command.Stage && legalCase.Outcome == command.Outcome)
        {
            return [];
        }

        if (legalCase.Stage == LegalCaseStage.Closed)
        {
            throw new RuleViolationException(LegalCaseClosedRule, $"Legal case {legalCase.AuthorityCaseNumber} is closed.");
        }

        if (command.Stage is LegalCaseStage.Judgement or LegalCaseStage.Closed && command.Outcome is null)
        {
            throw new RuleViolationException(OutcomeRequiredRule, $"A legal case reaches {command.Stage} with an outcome.");
        }

        return [new LegalCaseStageChanged(command.CaseId, command.LegalCaseId, command.Stage, command.Outcome, command.Reason, command.Now)];
    }

    public static LegalFile Evolve(LegalFile state, object e) => e switch
    {
        LegalCaseOpened opened => state with
        {
            LegalCases = [.. state.LegalCases, new LegalCase(
                opened.LegalCaseId, opened.Jurisdiction, opened.AuthorityCaseNumber, opened.Offences, opened.Stage, null, opened.VictimRoles,
                opened.ProsecutorsOffice, opened.OpenedAt, null)],
        },
        LegalCaseStageChanged changed => WithLegalCase(state, changed.LegalCaseId, c => c with { Stage = changed.Stage, Outcome = changed.Outcome ?? c.Outcome }),
        _ => state,
    };

    /// <summary>The file with one of its legal cases replaced by <paramref name="change"/>'s result.</summary>
    public static LegalFile WithLegalCase(LegalFile state, Guid legalCaseId, Func<LegalCase, LegalCase> change) =>
        state with { LegalCases = [.. state.LegalCases.Select(c => c.Id == legalCaseId ? change(c) : c)] };
}

public sealed class OpenLegalCaseValidator : CaseCommandValidator<Proto.OpenLegalCaseRequest>
{
    public OpenLegalCaseValidator()
    {
        RuleFor(x => x.Jurisdiction).NotNull().WithMessage("A jurisdiction is required.");
        When(x => x.Jurisdiction is not null, () =>
        {
            RuleFor(x => x.Jurisdiction.Country).MustBeCountry();
            RuleFor(x => x.Jurisdiction.AuthorityKind).MustBeChosen();
            RuleFor(x => x.Jurisdiction.AuthorityName).MustBeShortText();
        });
        RuleFor(x => x.AuthorityCaseNumber).MustBeShortText();
        RuleFor(x => x.Offences).NotEmpty().WithMessage("At least one offence is required.");
        RuleForEach(x => x.Offences).MustBeChosen();
        RuleFor(x => x.VictimRoles).NotEmpty().WithMessage("The victim's role in the proceedings is required.");
        RuleForEach(x => x.VictimRoles).MustBeChosen();
    }
}

public sealed class ChangeLegalCaseStageValidator : CaseCommandValidator<Proto.ChangeLegalCaseStageRequest>
{
    public ChangeLegalCaseStageValidator()
    {
        RuleFor(x => x.LegalCaseId).MustBeId();
        RuleFor(x => x.Stage).MustBeChosen();
        RuleFor(x => x.Reason).MustBeReason();
        When(x => x.Stage is Proto.LegalCaseStage.Judgement or Proto.LegalCaseStage.Closed, () => RuleFor(x => x.Outcome).MustBeChosen());
    }
}

public sealed partial class LegalCasesService(LegalFileCommands files, IDocumentSession session) : Proto.LegalCases.LegalCasesBase
{
    /// <summary>
    /// A prosecutor links a proceeding of their own office, or (for the victim case's own
    /// country) records one abroad whose prosecutors then reach the file from there.
    /// </summary>
    [Access(Roles.Prosecutor)]
    public override async Task<Proto.LegalCaseVersion> OpenLegalCase(Proto.OpenLegalCaseRequest request, ServerCallContext context)
    {
        var legalCaseId = Guid.NewGuid();
        var jurisdiction = new Jurisdiction(
            request.Jurisdiction.Country.Trim().ToUpperInvariant(),
            ProtoValues.ToDomain<AuthorityKind>(request.Jurisdiction.AuthorityKind),
            request.Jurisdiction.AuthorityName.Trim());
        var caller = files.Caller;
        var ownJurisdiction = jurisdiction.Country == caller.Country;
        var (version, _) = await files.DecideAsync(
            request,
            (caseId, now) => new OpenLegalCase(
                caseId, legalCaseId, jurisdiction, request.AuthorityCaseNumber.Trim(), [.. request.Offences.Distinct().Select(o => ProtoValues.ToDomain<Offence>(o))],
                request.Stage == Proto.LegalCaseStage.Unspecified ? LegalCaseStage.Investigation : ProtoValues.ToDomain<LegalCaseStage>(request.Stage),
                [.. request.VictimRoles.Distinct().Select(r => ProtoValues.ToDomain<VictimRole>(r))],
                ownJurisdiction ? caller.Agency : jurisdiction.AuthorityName,
                now),
            context.CancellationToken,
            file =>
            {
                // A proceeding abroad is recorded from the victim case's own country, never claimed from outside it.
                if (!ownJurisdiction && file.Country != caller.Country)
                {
                    throw new AccessDeniedException(AccessDeniedException.OtherCountryRule, $"A Prosecutor of {caller.Country} may only link proceedings of {caller.Country}.", file.Id);
                }
            });
        return new Proto.LegalCaseVersion { CaseId = request.CaseId, LegalCaseId = legalCaseId.ToString(), Version = version };
    }

    [Access(Roles.Prosecutor)]
    public override Task<CaseVersion> ChangeLegalCaseStage(Proto.ChangeLegalCaseStageRequest request, ServerCallContext context) =>
        files.DecideToVersionAsync(
            request,
            (caseId, now) => new ChangeLegalCaseStage(
                caseId, Guid.Parse(request.LegalCaseId), ProtoValues.ToDomain<LegalCaseStage>(request.Stage),
                request.Outcome == Proto.LegalCaseOutcome.Unspecified ? null : ProtoValues.ToDomain<LegalCaseOutcome>(request.Outcome),
                request.Reason.Trim(), now),
            context.CancellationToken,
            files.ProsecutorOf(request.LegalCaseId));
}
