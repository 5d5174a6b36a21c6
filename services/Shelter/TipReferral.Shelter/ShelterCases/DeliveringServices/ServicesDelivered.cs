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

public sealed record RecordServiceDelivered(
    Guid CaseId, ServiceKind Kind, DateOnly DeliveredOn, string Provider, string Notes, Caller RecordedBy, DateTimeOffset Now)
    : ShelterCaseCommand(CaseId, Now);

public sealed record ServiceDelivered(
    Guid CaseId, ServiceKind Kind, DateOnly DeliveredOn, string Provider, [PersonalData] string Notes, Caller RecordedBy, DateTimeOffset RecordedAt);

public static class ServicesDelivered
{
    public static IReadOnlyList<object> Decide(RecordServiceDelivered command)
    {
        NeedsAssessments.EnsureNotInFuture(command.DeliveredOn, command.Now, "service");
        return [new ServiceDelivered(command.CaseId, command.Kind, command.DeliveredOn, command.Provider, command.Notes, command.RecordedBy, command.Now)];
    }
}

public sealed class RecordServiceDeliveredValidator : CaseCommandValidator<Proto.RecordServiceDeliveredRequest>
{
    public RecordServiceDeliveredValidator()
    {
        RuleFor(x => x.Kind).MustBeChosen();
        RuleFor(x => x.DeliveredOn).MustBeDate();
        RuleFor(x => x.Provider).MustBeShortText();
        RuleFor(x => x.Notes).MaximumLength(RuleBuilderExtensions.MaxNotesLength);
    }
}

public sealed partial class ShelterCasesService
{
    [Access(Roles.ShelterStaff, Roles.Supervisor)]
    public override Task<CaseVersion> RecordServiceDelivered(Proto.RecordServiceDeliveredRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new RecordServiceDelivered(
                caseId, ProtoValues.ToDomain<ServiceKind>(request.Kind), ProtoValues.ToDateOnly(request.DeliveredOn), request.Provider.Trim(),
                request.Notes.Trim(), access.Caller, now),
            context.CancellationToken);
}
