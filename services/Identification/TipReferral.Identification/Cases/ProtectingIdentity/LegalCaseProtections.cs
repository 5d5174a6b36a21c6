using Marten;
using MassTransit;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.ServiceDefaults.Messaging;
using Legal = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Identification.Cases;

/// <summary>
/// The identity was protected in a legal case of the legal-assistance service. Recorded on the
/// victim case so its history shows who masked it and from when; the masking itself follows the
/// shared <see cref="ProtectedIdentity"/> document, which also keeps the order of grants and lifts.
/// </summary>
public sealed record WitnessIdentityProtectedInLegalCase(
    Guid CaseId, Guid ProtectionId, string Pseudonym, IReadOnlyList<ProsecutorsOffice> SeenBy, DateTimeOffset ProtectedAt);

public sealed record WitnessIdentityProtectionLiftedInLegalCase(Guid CaseId, Guid ProtectionId, DateTimeOffset LiftedAt);

public static class LegalCaseProtections
{
    /// <summary>The actor the case's history names for these events.</summary>
    public const string RecordedBy = "legal-assistance";
}

/// <summary>Appends what the legal-assistance service said to the case's stream, stamped as coming from it.</summary>
public abstract class LegalCaseProtectionRecorder<TMessage>(IDocumentStore store, TimeProvider clock, ICaseKeys keys) : IdempotentConsumer<TMessage>(store, clock)
    where TMessage : class
{
    protected async Task RecordAsync(IDocumentSession session, Guid caseId, string country, object @event, CancellationToken cancellationToken)
    {
        // A case this service does not hold (or no longer can write) has no history to add to.
        if (!await keys.UnlockForWritingAsync(session, caseId, cancellationToken))
        {
            return;
        }

        session.StampWith(new Caller(LegalCaseProtections.RecordedBy, LegalCaseProtections.RecordedBy, LegalCaseProtections.RecordedBy, country));
        session.Events.Append(caseId, @event);
    }
}

public sealed class WitnessIdentityProtectedRecorder(IDocumentStore store, TimeProvider clock, ICaseKeys keys)
    : LegalCaseProtectionRecorder<Legal.WitnessIdentityProtectedIntegrationEvent>(store, clock, keys)
{
    protected override Task HandleAsync(ConsumeContext<Legal.WitnessIdentityProtectedIntegrationEvent> context, IDocumentSession session)
    {
        var granted = context.Message;
        return RecordAsync(session, granted.CaseId, granted.Country, new WitnessIdentityProtectedInLegalCase(
            granted.CaseId, granted.ProtectionId, granted.Pseudonym, [.. granted.SeenBy.Select(o => new ProsecutorsOffice(o.Country, o.Agency))], granted.ProtectedAt),
            context.CancellationToken);
    }
}

public sealed class WitnessIdentityProtectionLiftedRecorder(IDocumentStore store, TimeProvider clock, ICaseKeys keys)
    : LegalCaseProtectionRecorder<Legal.WitnessIdentityProtectionLiftedIntegrationEvent>(store, clock, keys)
{
    protected override Task HandleAsync(ConsumeContext<Legal.WitnessIdentityProtectionLiftedIntegrationEvent> context, IDocumentSession session)
    {
        var lifted = context.Message;
        return RecordAsync(session, lifted.CaseId, lifted.Country,
            new WitnessIdentityProtectionLiftedInLegalCase(lifted.CaseId, lifted.ProtectionId, lifted.LiftedAt), context.CancellationToken);
    }
}
