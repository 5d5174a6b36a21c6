using Marten;
using MassTransit;
using TipReferral.Contracts.Identification.V1;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.Legal.LegalFiles;

// The identification service's facts, taken in once each (the inbox drops redeliveries) and
// decided like any command, so a replayed or duplicated message changes nothing.

public sealed class VictimCaseRegisteredConsumer(IDocumentStore store, TimeProvider clock, LegalFileWriter writer)
    : IdempotentConsumer<VictimCaseRegisteredIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<VictimCaseRegisteredIntegrationEvent> context, IDocumentSession session)
    {
        var registered = context.Message;
        return writer.DecideAsync(
            session, new OpenLegalFile(registered.CaseId, registered.CaseReference, registered.Country, registered.IsPresumedChild, registered.RegisteredAt),
            expectedVersion: null, ensureMayReach: null, context.CancellationToken);
    }
}

/// <summary>Identification may be the first this service hears of a case (the registration still queued): it opens the file too.</summary>
public sealed class VictimIdentifiedConsumer(IDocumentStore store, TimeProvider clock, LegalFileWriter writer)
    : IdempotentConsumer<VictimIdentifiedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<VictimIdentifiedIntegrationEvent> context, IDocumentSession session)
    {
        var identified = context.Message;
        return writer.DecideAsync(
            session, new OpenLegalFile(identified.CaseId, identified.CaseReference, identified.Country, identified.IsPresumedChild, identified.IdentifiedAt),
            expectedVersion: null, ensureMayReach: null, context.CancellationToken);
    }
}

public sealed class PersonalDataErasedConsumer(IDocumentStore store, TimeProvider clock, LegalFileWriter writer, ICaseKeys keys)
    : IdempotentConsumer<PersonalDataErasedIntegrationEvent>(store, clock)
{
    protected override async Task HandleAsync(ConsumeContext<PersonalDataErasedIntegrationEvent> context, IDocumentSession session)
    {
        var erased = context.Message;
        if (!await session.Query<LegalFile>().AnyAsync(f => f.Id == erased.CaseId, context.CancellationToken))
        {
            return;
        }

        var (_, events) = await writer.DecideAsync(
            session, new NotePersonalDataErased(erased.CaseId, erased.ErasedAt), expectedVersion: null, ensureMayReach: null, context.CancellationToken);
        if (events.Count > 0)
        {
            // Crypto-shredding here too: reasons and statements become unreadable with the key, in the same transaction.
            await keys.EraseAsync(session, erased.CaseId, "identification-service", erased.ErasedAt, context.CancellationToken);
        }
    }
}
