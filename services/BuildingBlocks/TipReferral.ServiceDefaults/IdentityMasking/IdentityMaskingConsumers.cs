using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.ServiceDefaults.Messaging;
using Identification = TipReferral.Contracts.Identification.V1;
using Legal = TipReferral.Contracts.Legal.V1;

namespace TipReferral.ServiceDefaults.IdentityMasking;

public sealed class WitnessIdentityProtectedConsumer(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<Legal.WitnessIdentityProtectedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<Legal.WitnessIdentityProtectedIntegrationEvent> context, IDocumentSession session)
    {
        var granted = context.Message;
        return ProtectionLedger.ApplyAsync(session, granted.CaseId, new ProtectionEntry(
            granted.ProtectionId.ToString(), granted.Pseudonym, [.. granted.SeenBy.Select(o => new ProsecutorsOffice(o.Country, o.Agency))], granted.ProtectedAt, Lifted: false),
            context.CancellationToken);
    }
}

public sealed class WitnessIdentityProtectionLiftedConsumer(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<Legal.WitnessIdentityProtectionLiftedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<Legal.WitnessIdentityProtectionLiftedIntegrationEvent> context, IDocumentSession session)
    {
        var lifted = context.Message;
        return ProtectionLedger.ApplyAsync(session, lifted.CaseId, new ProtectionEntry(
            lifted.ProtectionId.ToString(), "", [], lifted.LiftedAt, Lifted: true),
            context.CancellationToken);
    }
}

public sealed class IdentityProtectedConsumer(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<Identification.IdentityProtectedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<Identification.IdentityProtectedIntegrationEvent> context, IDocumentSession session)
    {
        var granted = context.Message;
        return ProtectionLedger.ApplyAsync(session, granted.CaseId, new ProtectionEntry(
            IdentityMasks.IdentificationSource, granted.Pseudonym, [], granted.ProtectedAt, Lifted: false),
            context.CancellationToken);
    }
}

public sealed class IdentityProtectionLiftedConsumer(IDocumentStore store, TimeProvider clock)
    : IdempotentConsumer<Identification.IdentityProtectionLiftedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<Identification.IdentityProtectionLiftedIntegrationEvent> context, IDocumentSession session)
    {
        var lifted = context.Message;
        return ProtectionLedger.ApplyAsync(session, lifted.CaseId, new ProtectionEntry(
            IdentityMasks.IdentificationSource, "", [], lifted.LiftedAt, Lifted: true),
            context.CancellationToken);
    }
}

internal static class ProtectionLedger
{
    public static async Task ApplyAsync(IDocumentSession session, Guid caseId, ProtectionEntry message, CancellationToken cancellationToken)
    {
        var loaded = await session.LoadAsync<ProtectedIdentity>(caseId, cancellationToken);
        session.Save(loaded, (loaded ?? new ProtectedIdentity(caseId, [])).Apply(message));
    }
}

public static class IdentityMaskingExtensions
{
    /// <summary>
    /// Keeps the <see cref="ProtectedIdentity"/> documents from the legal-assistance and
    /// identification services' events, for <see cref="IdentityMasks.LoadAsync(IQuerySession, IReadOnlyCollection{Guid}, CancellationToken)"/>.
    /// Call inside AddTipReferralMessaging's configuration.
    /// </summary>
    public static IBusRegistrationConfigurator AddIdentityMasking(this IBusRegistrationConfigurator bus)
    {
        bus.ConfigureMarten(IdentityMasks.Register);
        bus.AddConsumer<WitnessIdentityProtectedConsumer>();
        bus.AddConsumer<WitnessIdentityProtectionLiftedConsumer>();
        bus.AddConsumer<IdentityProtectedConsumer>();
        bus.AddConsumer<IdentityProtectionLiftedConsumer>();
        return bus;
    }
}
