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

/// <summary>A fact of another service, decided on the return case like any command.</summary>
public abstract class FactConsumer<TMessage>(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer) : IdempotentConsumer<TMessage>(store, clock)
    where TMessage : class
{
    protected abstract ReturnCaseCommand CommandFor(ConsumeContext<TMessage> context);

    protected override Task HandleAsync(ConsumeContext<TMessage> context, IDocumentSession session) =>
        writer.DecideAsync(session, CommandFor(context), context.CancellationToken);
}

public sealed class VictimCaseRegisteredConsumer(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer)
    : FactConsumer<VictimCaseRegisteredIntegrationEvent>(store, clock, writer)
{
    protected override ReturnCaseCommand CommandFor(ConsumeContext<VictimCaseRegisteredIntegrationEvent> context) =>
        new OpenReturnCase(context.Message.CaseId, context.Message.CaseReference, context.Message.Country, context.Message.IsPresumedChild,
            context.SourceOf(ServiceNames.Identification, context.Message.RegisteredAt), context.Message.RegisteredAt);
}

/// <summary>Identification may be the first this service hears of a case; it also settles whether the person is a child.</summary>
public sealed class VictimIdentifiedConsumer(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer)
    : FactConsumer<VictimIdentifiedIntegrationEvent>(store, clock, writer)
{
    protected override ReturnCaseCommand CommandFor(ConsumeContext<VictimIdentifiedIntegrationEvent> context) =>
        new OpenReturnCase(context.Message.CaseId, context.Message.CaseReference, context.Message.Country, context.Message.IsPresumedChild,
            context.SourceOf(ServiceNames.Identification, context.Message.IdentifiedAt), context.Message.IdentifiedAt);
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
    : FactConsumer<ReflectionPeriodStartedIntegrationEvent>(store, clock, writer)
{
    protected override ReturnCaseCommand CommandFor(ConsumeContext<ReflectionPeriodStartedIntegrationEvent> context) =>
        new NoteReflectionPeriod(context.Message.CaseId, ReflectionPeriodState.Running, context.SourceOf(ServiceNames.Shelter, context.Message.StartedAt), context.Message.StartedAt);
}

public sealed class ReflectionPeriodEndedConsumer(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer)
    : FactConsumer<ReflectionPeriodEndedIntegrationEvent>(store, clock, writer)
{
    protected override ReturnCaseCommand CommandFor(ConsumeContext<ReflectionPeriodEndedIntegrationEvent> context) =>
        new NoteReflectionPeriod(context.Message.CaseId, ReflectionPeriodState.Ended, context.SourceOf(ServiceNames.Shelter, context.Message.EndedAt), context.Message.EndedAt);
}

public sealed class LegalHoldPlacedConsumer(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer)
    : FactConsumer<LegalHoldPlacedIntegrationEvent>(store, clock, writer)
{
    protected override ReturnCaseCommand CommandFor(ConsumeContext<LegalHoldPlacedIntegrationEvent> context) =>
        new NoteLegalHold(context.Message.CaseId, context.Message.HoldId, Placed: true, context.SourceOf(ServiceNames.LegalAssistance, context.Message.PlacedAt), context.Message.PlacedAt);
}

public sealed class LegalHoldReleasedConsumer(IDocumentStore store, TimeProvider clock, ReturnCaseWriter writer)
    : FactConsumer<LegalHoldReleasedIntegrationEvent>(store, clock, writer)
{
    protected override ReturnCaseCommand CommandFor(ConsumeContext<LegalHoldReleasedIntegrationEvent> context) =>
        new NoteLegalHold(context.Message.CaseId, context.Message.HoldId, Placed: false, context.SourceOf(ServiceNames.LegalAssistance, context.Message.ReleasedAt), context.Message.ReleasedAt);
}

/// <summary>The other services, by the names their histories and health checks use.</summary>
public static class ServiceNames
{
    public const string Identification = "identification";
    public const string Shelter = "shelter";
    public const string LegalAssistance = "legal-assistance";
}
