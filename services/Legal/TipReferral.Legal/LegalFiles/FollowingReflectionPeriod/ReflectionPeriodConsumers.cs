using Marten;
using MassTransit;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.Legal.LegalFiles;

// The shelter service's reflection-period clock, taken in once each. A period for a case this
// service has not heard of yet is not lost: the message is retried until the file is opened.

public sealed class ReflectionPeriodStartedConsumer(IDocumentStore store, TimeProvider clock, LegalFileWriter writer)
    : IdempotentConsumer<ReflectionPeriodStartedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<ReflectionPeriodStartedIntegrationEvent> context, IDocumentSession session) =>
        writer.DecideAsync(
            session, new NoteReflectionPeriod(context.Message.CaseId, ReflectionPeriodState.Running, context.Message.EndsAt, How: null, context.Message.StartedAt),
            expectedVersion: null, ensureMayReach: null, context.CancellationToken);
}

public sealed class ReflectionPeriodExtendedConsumer(IDocumentStore store, TimeProvider clock, LegalFileWriter writer)
    : IdempotentConsumer<ReflectionPeriodExtendedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<ReflectionPeriodExtendedIntegrationEvent> context, IDocumentSession session) =>
        writer.DecideAsync(
            session, new NoteReflectionPeriod(context.Message.CaseId, ReflectionPeriodState.Running, context.Message.EndsAt, How: null, context.Message.ExtendedAt),
            expectedVersion: null, ensureMayReach: null, context.CancellationToken);
}

public sealed class ReflectionPeriodEndedConsumer(IDocumentStore store, TimeProvider clock, LegalFileWriter writer)
    : IdempotentConsumer<ReflectionPeriodEndedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<ReflectionPeriodEndedIntegrationEvent> context, IDocumentSession session) =>
        writer.DecideAsync(
            session, new NoteReflectionPeriod(context.Message.CaseId, ReflectionPeriodState.Ended, EndsAt: null, context.Message.How, context.Message.EndedAt),
            expectedVersion: null, ensureMayReach: null, context.CancellationToken);
}
