using FluentValidation;
using Grpc.Core;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
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

/// <summary>
/// One service delivered, a document of its own rather than a list in the case's document: a
/// person in a long stay receives thousands, and every command on the case would otherwise read,
/// re-encrypt and rewrite them all. Its notes are encrypted under the case's key like the case's.
/// </summary>
public sealed record DeliveredService(
    Guid Id, Guid CaseId, long Version, ServiceKind Kind, DateOnly DeliveredOn, string Provider, [PersonalData] string Notes, Caller RecordedBy);

/// <summary>Inline, so that a service is listed as soon as its command returns.</summary>
public sealed partial class DeliveredServicesProjection : EventProjection
{
    public static DeliveredService Create(IEvent<ServiceDelivered> e) =>
        new(e.Id, e.Data.CaseId, e.Version, e.Data.Kind, e.Data.DeliveredOn, e.Data.Provider, e.Data.Notes, e.Data.RecordedBy);

    public static void Register(StoreOptions opts)
    {
        opts.Projections.Add<DeliveredServicesProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<DeliveredService>().Index(x => x.CaseId);
    }

    /// <summary>The case's services in the order they were recorded; the caller has unlocked the case's key.</summary>
    public static async Task<IReadOnlyList<DeliveredService>> OfCaseAsync(IQuerySession session, Guid caseId, CancellationToken cancellationToken) =>
        await session.Query<DeliveredService>().Where(s => s.CaseId == caseId).OrderBy(s => s.Version).ToListAsync(cancellationToken);
}

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
