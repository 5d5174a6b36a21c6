using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Validation;
using CaseVersion = TipReferral.Contracts.Common.V1.CaseVersion;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed record CorrectPersonalDetails(
    Guid CaseId, PersonDetails Person, IReadOnlyList<int> NameIndex, string Reason, DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

/// <summary>The person's details were corrected; child status follows the corrected age.</summary>
public sealed record PersonalDetailsCorrected(
    Guid CaseId, PersonDetails Person, bool IsPresumedChild, [PersonalData] IReadOnlyList<int> NameIndex, [PersonalData] string Reason, DateTimeOffset CorrectedAt) : IHasReason;

public static class PersonalDetailsCorrection
{
    public static IReadOnlyList<object> Decide(CorrectPersonalDetails command, VictimCase state) =>
        state.Person.SameAs(command.Person)
            ? []
            : [new PersonalDetailsCorrected(command.CaseId, command.Person,
                command.Person.IsPresumedChildOn(DateOnly.FromDateTime(command.Now.UtcDateTime)), command.NameIndex, command.Reason, command.Now)];
}

public sealed class CorrectPersonalDetailsValidator : CaseCommandValidator<Proto.CorrectPersonalDetailsRequest>
{
    public CorrectPersonalDetailsValidator(TimeProvider clock)
    {
        RuleFor(x => x.Person).NotNull().WithMessage("is required").SetValidator(new PersonDetailsValidator(clock));
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed partial class VictimCasesService
{
    [Access(Roles.Screener, Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor)]
    public override Task<CaseVersion> CorrectPersonalDetails(Proto.CorrectPersonalDetailsRequest request, ServerCallContext context)
    {
        var person = request.Person.ToDomain();
        return DecideAsync(
            request,
            (caseId, now) => new CorrectPersonalDetails(caseId, person, nameIndex.Of(person.AllNames), request.Reason.Trim(), now),
            context.CancellationToken);
    }
}
