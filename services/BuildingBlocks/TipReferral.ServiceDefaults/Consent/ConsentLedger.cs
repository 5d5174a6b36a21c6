using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using ConsentGiver = TipReferral.Domain.ConsentGiver;
using ConsentPurpose = TipReferral.Domain.ConsentPurpose;
using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.ServiceDefaults.Consent;

/// <summary>
/// A service's own copy of the consents the identification service holds for one case,
/// kept current from its integration events, so the service can check consent before it
/// shares data even while the identification service is unreachable.
/// </summary>
public sealed record CaseConsents(Guid Id, IReadOnlyList<Domain.Consent> Consents);

/// <summary>
/// What a service does with the data it holds of a case when a consent it relied on is
/// withdrawn: purge it, or mask it. Register one per kind of data with
/// <see cref="ConsentLedgerExtensions.AddConsentLedger"/>; each runs in the same
/// transaction as the ledger's update.
/// </summary>
public interface IConsentWithdrawalHandler
{
    Task OnConsentWithdrawnAsync(ConsentWithdrawnIntegrationEvent withdrawal, IDocumentSession session, CancellationToken cancellationToken);
}

public static class ConsentLedger
{
    /// <summary>Refuses (FailedPrecondition, naming the missing consent) to share a case's data without a valid consent.</summary>
    public static async Task<Domain.Consent> RequireConsentAsync(
        this IQuerySession session, Guid caseId, ConsentPurpose purpose, string recipientCountry, string recipientAgency, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ledger = await session.LoadAsync<CaseConsents>(caseId, cancellationToken);
        return ConsentRules.Require(ledger?.Consents ?? [], purpose, recipientCountry, recipientAgency, now);
    }
}

public sealed class ConsentGivenConsumer(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<ConsentGivenIntegrationEvent>(store, clock)
{
    protected override async Task HandleAsync(ConsumeContext<ConsentGivenIntegrationEvent> context, IDocumentSession session)
    {
        var given = context.Message;
        var loaded = await session.LoadAsync<CaseConsents>(given.CaseId, context.CancellationToken);
        var ledger = loaded ?? new CaseConsents(given.CaseId, []);
        var consent = new Domain.Consent(
            given.ConsentId, Enum.Parse<ConsentPurpose>(given.Purpose), new Domain.ConsentRecipient(given.RecipientCountry, given.RecipientAgency),
            Enum.Parse<ConsentGiver>(given.GivenBy), given.GivenAt, given.ExpiresAt, WithdrawnAt: null, RecordedBy: null);
        if (ledger.Consents.All(c => c.ConsentId != consent.ConsentId))
        {
            session.Save(loaded, ledger with { Consents = [.. ledger.Consents, consent] });
        }
    }
}

public sealed class ConsentWithdrawnConsumer(IDocumentStore store, TimeProvider clock, IEnumerable<IConsentWithdrawalHandler> handlers)
    : IdempotentConsumer<ConsentWithdrawnIntegrationEvent>(store, clock)
{
    protected override async Task HandleAsync(ConsumeContext<ConsentWithdrawnIntegrationEvent> context, IDocumentSession session)
    {
        var withdrawn = context.Message;
        var loaded = await session.LoadAsync<CaseConsents>(withdrawn.CaseId, context.CancellationToken);
        var ledger = loaded ?? new CaseConsents(withdrawn.CaseId, []);
        // A withdrawal that overtakes its consent still counts: the consent is recorded as withdrawn.
        var consents = ledger.Consents.Any(c => c.ConsentId == withdrawn.ConsentId)
            ? ledger.Consents.Select(c => c.ConsentId == withdrawn.ConsentId ? c with { WithdrawnAt = withdrawn.WithdrawnAt } : c)
            : ledger.Consents.Append(new Domain.Consent(
                withdrawn.ConsentId, Enum.Parse<ConsentPurpose>(withdrawn.Purpose), new Domain.ConsentRecipient(withdrawn.RecipientCountry, withdrawn.RecipientAgency),
                ConsentGiver.Person, withdrawn.WithdrawnAt, ExpiresAt: null, withdrawn.WithdrawnAt, RecordedBy: null));
        session.Save(loaded, ledger with { Consents = [.. consents] });
        foreach (var handler in handlers)
        {
            await handler.OnConsentWithdrawnAsync(withdrawn, session, context.CancellationToken);
        }
    }
}

public static class ConsentLedgerExtensions
{
    /// <summary>
    /// Keeps a consent ledger from the identification service's events and runs the
    /// service's withdrawal handlers. Call inside AddTipReferralMessaging's configuration.
    /// </summary>
    public static IBusRegistrationConfigurator AddConsentLedger(this IBusRegistrationConfigurator bus)
    {
        bus.ConfigureMarten(CopiedDocuments.Register<CaseConsents>);
        bus.AddConsumer<ConsentGivenConsumer>();
        bus.AddConsumer<ConsentWithdrawnConsumer>();
        return bus;
    }
}
