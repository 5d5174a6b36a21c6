using Marten;
using MassTransit;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.Repatriation.ReturnCases;

// The other services' facts, taken in once each (the inbox drops redeliveries) and decided like
// any command. A fact about a case this service has not heard of yet is retried until the
// registration arrives, so it is never lost.

public sealed class VictimCaseRegisteredConsumer(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer)
    : IdempotentConsumer<VictimCaseRegisteredIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<VictimCaseRegisteredIntegrationEvent> context, IDocumentSession session)
    {
        var registered = context.Message;
        return writer.DecideAsync(
            session,
            new OpenReturnCase(registered.CaseId, registered.CaseReference, registered.Country, registered.IsPresumedChild,
                context.SourceOf(ServiceNames.Identification, registered.RegisteredAt), registered.RegisteredAt),
            context.CancellationToken);
    }
}

/// <summary>Identification may be the first this service hears of a case; it also settles whether the person is a child.</summary>
public sealed class VictimIdentifiedConsumer(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer)
    : IdempotentConsumer<VictimIdentifiedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<VictimIdentifiedIntegrationEvent> context, IDocumentSession session)
    {
        var identified = context.Message;
        return writer.DecideAsync(
            session,
            new OpenReturnCase(identified.CaseId, identified.CaseReference, identified.Country, identified.IsPresumedChild,
                context.SourceOf(ServiceNames.Identification, identified.IdentifiedAt), identified.IdentifiedAt),
            context.CancellationToken);
    }
}

public sealed class PersonalDataErasedConsumer(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer, ICaseKeys keys)
    : IdempotentConsumer<PersonalDataErasedIntegrationEvent>(store, clock)
{
    protected override async Task HandleAsync(ConsumeContext<PersonalDataErasedIntegrationEvent> context, IDocumentSession session)
    {
        var erased = context.Message;
        if (!await session.Query<ReturnCase>().AnyAsync(c => c.Id == erased.CaseId, context.CancellationToken))
        {
            return;
        }

        var (_, events) = await writer.DecideAsync(
            session, new NotePersonalDataErased(erased.CaseId, context.SourceOf(ServiceNames.Identification, erased.ErasedAt), erased.ErasedAt), context.CancellationToken);
        if (events.Count > 0)
        {
            // Crypto-shredding: the signed documents and statements become unreadable with the key, in the same transaction.
            await keys.EraseAsync(session, erased.CaseId, "identification-service", erased.ErasedAt, context.CancellationToken);
        }
    }
}

public sealed class ReflectionPeriodStartedConsumer(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer)
    : IdempotentConsumer<ReflectionPeriodStartedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<ReflectionPeriodStartedIntegrationEvent> context, IDocumentSession session) =>
        writer.DecideAsync(
            session,
            new NoteReflectionPeriod(context.Message.CaseId, ReflectionPeriodState.Running, context.SourceOf(ServiceNames.Shelter, context.Message.StartedAt), context.Message.StartedAt),
            context.CancellationToken);
}

public sealed class ReflectionPeriodEndedConsumer(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer)
    : IdempotentConsumer<ReflectionPeriodEndedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<ReflectionPeriodEndedIntegrationEvent> context, IDocumentSession session) =>
        writer.DecideAsync(
            session,
            new NoteReflectionPeriod(context.Message.CaseId, ReflectionPeriodState.Ended, context.SourceOf(ServiceNames.Shelter, context.Message.EndedAt), context.Message.EndedAt),
            context.CancellationToken);
}

public sealed class LegalHoldPlacedConsumer(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer)
    : IdempotentConsumer<LegalHoldPlacedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<LegalHoldPlacedIntegrationEvent> context, IDocumentSession session) =>
        writer.DecideAsync(
            session,
            new NoteLegalHold(context.Message.CaseId, context.Message.HoldId, Placed: true, context.SourceOf(ServiceNames.LegalAssistance, context.Message.PlacedAt), context.Message.PlacedAt),
            context.CancellationToken);
}

public sealed class LegalHoldReleasedConsumer(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer)
    : IdempotentConsumer<LegalHoldReleasedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<LegalHoldReleasedIntegrationEvent> context, IDocumentSession session) =>
        writer.DecideAsync(
            session,
            new NoteLegalHold(context.Message.CaseId, context.Message.HoldId, Placed: false, context.SourceOf(ServiceNames.LegalAssistance, context.Message.ReleasedAt), context.Message.ReleasedAt),
            context.CancellationToken);
}

/// <summary>The other services, by the names their histories and health checks use.</summary>
public static class ServiceNames
{
    public const string Identification = "identification";
    public const string Shelter = "shelter";
    public const string LegalAssistance = "legal-assistance";
}
