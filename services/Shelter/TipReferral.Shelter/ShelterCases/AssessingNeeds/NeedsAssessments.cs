using FluentValidation;
using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.ShelterCases;

public sealed record RecordNeedsAssessment(Guid CaseId, DateOnly AssessedOn, IReadOnlyList<NeedArea> Needs, string Notes, Caller RecordedBy, DateTimeOffset Now)
    : ShelterCaseCommand(CaseId, Now);

public sealed record NeedsAssessed(
    Guid CaseId, DateOnly AssessedOn, IReadOnlyList<NeedArea> Needs, [PersonalData] string Notes, Caller RecordedBy, DateTimeOffset RecordedAt);

public static class NeedsAssessments
{
    public const string DateInFutureRule = "date-in-future";

    public static IReadOnlyList<object> Decide(RecordNeedsAssessment command)
    {
        EnsureNotInFuture(command.AssessedOn, command.Now, "assessment");
        return [new NeedsAssessed(command.CaseId, command.AssessedOn, [.. command.Needs.Distinct()], command.Notes, command.RecordedBy, command.Now)];
    }

    /// <summary>Something recorded as done cannot be dated after today (in any time zone: a day's grace for the date line).</summary>
    internal static void EnsureNotInFuture(DateOnly date, DateTimeOffset now, string what)
    {
        if (date > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
        {
            throw new RuleViolationException(DateInFutureRule, $"The {what} is dated {date:yyyy-MM-dd}, after today; record it when it has happened.");
        }
    }
}

public sealed class RecordNeedsAssessmentValidator : CaseCommandValidator<Proto.RecordNeedsAssessmentRequest>
{
    public RecordNeedsAssessmentValidator()
    {
        RuleFor(x => x.AssessedOn).MustBeDate();
        RuleFor(x => x.Needs).NotEmpty().WithMessage("name at least one area of need");
        RuleForEach(x => x.Needs).MustBeChosen();
        RuleFor(x => x.Notes).MustBeNotes();
    }
}

public sealed partial class ShelterCasesService
{
    [Access(Roles.ShelterStaff, Roles.Supervisor)]
    public override Task<CaseVersion> RecordNeedsAssessment(Proto.RecordNeedsAssessmentRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new RecordNeedsAssessment(
                caseId, ProtoValues.ToDateOnly(request.AssessedOn), [.. request.Needs.Select(need => ProtoValues.ToDomain<NeedArea>(need))], request.Notes.Trim(), access.Caller, now),
            context.CancellationToken);
}
