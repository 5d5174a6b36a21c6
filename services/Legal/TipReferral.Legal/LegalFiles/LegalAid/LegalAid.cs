using FluentValidation;
using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Legal.LegalFiles;

public sealed record AssignLegalAidLawyer(
    Guid CaseId, string LawyerUserId, string LawyerName, string BarOrAgency, Guid? LegalCaseId, DateTimeOffset Now) : LegalFileCommand(CaseId, Now);

public sealed record LegalAidLawyerAssigned(
    Guid CaseId, string LawyerUserId, [PersonalData] string LawyerName, string BarOrAgency, Guid? LegalCaseId, DateTimeOffset AssignedAt);

/// <summary>
/// A lawyer assigned to the person, for their legal matters in general or for one proceeding:
/// from then on that lawyer reads the person's legal situation and acts for them.
/// </summary>
public static class LegalAid
{
    public static IReadOnlyList<object> Decide(AssignLegalAidLawyer command, LegalFile state)
    {
        if (command.LegalCaseId is { } legalCaseId)
        {
            var legalCase = LegalFileDecider.LegalCaseOf(state, legalCaseId);
            if (legalCase.Stage == LegalCaseStage.Closed)
            {
                throw new RuleViolationException(LegalCases.LegalCaseClosedRule, $"Legal case {legalCase.AuthorityCaseNumber} is closed.");
            }
        }

        if (state.LegalAid.Any(a => a.LawyerUserId == command.LawyerUserId && a.LegalCaseId == command.LegalCaseId))
        {
            return [];
        }

        return [new LegalAidLawyerAssigned(command.CaseId, command.LawyerUserId, command.LawyerName, command.BarOrAgency, command.LegalCaseId, command.Now)];
    }

    public static LegalFile Evolve(LegalFile state, object e) => e switch
    {
        LegalAidLawyerAssigned assigned => state with
        {
            LegalAid = [.. state.LegalAid, new LegalAidAssignment(assigned.LawyerUserId, assigned.LawyerName, assigned.BarOrAgency, assigned.LegalCaseId, assigned.AssignedAt)],
        },
        _ => state,
    };
}

public sealed class AssignLegalAidLawyerValidator : CaseCommandValidator<Proto.AssignLegalAidLawyerRequest>
{
    public AssignLegalAidLawyerValidator()
    {
        RuleFor(x => x.LawyerUserId).MustBeShortText();
        RuleFor(x => x.LawyerName).MustBeShortText();
        RuleFor(x => x.BarOrAgency).MustBeShortText();
        When(x => x.LegalCaseId.Length > 0, () => RuleFor(x => x.LegalCaseId).MustBeId());
    }
}

/// <summary>
/// The case worker who organises the person's support links them to a lawyer (a supervisor may
/// too); never a prosecutor, whose proceeding the lawyer may have to stand up to. Only the case's
/// own country assigns: legal aid is given where the person lives.
/// </summary>
public sealed class LegalAidService(LegalFileCommands files) : Proto.LegalAid.LegalAidBase
{
    [Access(Roles.CaseWorker, Roles.Supervisor)]
    public override Task<CaseVersion> AssignLegalAidLawyer(Proto.AssignLegalAidLawyerRequest request, ServerCallContext context) =>
        files.DecideToVersionAsync(
            request,
            (caseId, now) => new AssignLegalAidLawyer(
                caseId, request.LawyerUserId.Trim(), request.LawyerName.Trim(), request.BarOrAgency.Trim(), WireValues.ToOptionalId(request.LegalCaseId), now),
            context.CancellationToken,
            files.EnsureOfCaseCountry);
}
