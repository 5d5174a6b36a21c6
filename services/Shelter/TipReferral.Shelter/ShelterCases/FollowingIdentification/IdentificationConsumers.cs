using Marten;
using MassTransit;
using TipReferral.Contracts.Identification.V1;
using TipReferral.ServiceDefaults.Consent;
using TipReferral.ServiceDefaults.Messaging;
using ConsentPurpose = TipReferral.Domain.ConsentPurpose;

namespace TipReferral.Shelter.ShelterCases;

// The identification service's facts, taken in once each (the inbox drops redeliveries) and
// decided like any command, so a replayed or duplicated message changes nothing.

public sealed class VictimCaseRegisteredConsumer(IDocumentStore store, TimeProvider clock, ShelterCaseWriter writer, ReflectionPeriodSettings reflectionPeriods)
    : IdempotentConsumer<VictimCaseRegisteredIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<VictimCaseRegisteredIntegrationEvent> context, IDocumentSession session)
    {
        var registered = context.Message;
        return writer.AwaitPlacementAsync(
            session, registered.CaseId, registered.CaseReference, registered.Country, registered.IsPresumedChild, formallyIdentified: false,
            reflectionPeriods, registered.RegisteredAt, context.CancellationToken);
    }
}

public sealed class VictimIdentifiedConsumer(IDocumentStore store, TimeProvider clock, ShelterCaseWriter writer, ReflectionPeriodSettings reflectionPeriods)
    : IdempotentConsumer<VictimIdentifiedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<VictimIdentifiedIntegrationEvent> context, IDocumentSession session)
    {
        var identified = context.Message;
        return writer.AwaitPlacementAsync(
            session, identified.CaseId, identified.CaseReference, identified.Country, identified.IsPresumedChild, formallyIdentified: true,
            reflectionPeriods, identified.IdentifiedAt, context.CancellationToken);
    }
}

public sealed class GuardianAppointedConsumer(IDocumentStore store, TimeProvider clock, ShelterCaseWriter writer)
    : IdempotentConsumer<GuardianAppointedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<GuardianAppointedIntegrationEvent> context, IDocumentSession session) =>
        writer.DecideAsync(
            session, new NoteGuardianAppointed(context.Message.CaseId, context.Message.AppointedAt), expectedVersion: null, ensureMayReach: null, context.CancellationToken);
}

public sealed class VictimCaseClosedConsumer(IDocumentStore store, TimeProvider clock, ShelterCaseWriter writer)
    : IdempotentConsumer<VictimCaseClosedIntegrationEvent>(store, clock)
{
    protected override Task HandleAsync(ConsumeContext<VictimCaseClosedIntegrationEvent> context, IDocumentSession session) =>
        writer.DecideAsync(
            session, new NoteCaseClosed(context.Message.CaseId, context.Message.ClosureReason, context.Message.ClosedAt),
            expectedVersion: null, ensureMayReach: null, context.CancellationToken);
}

public sealed class PersonalDataErasedConsumer(IDocumentStore store, TimeProvider clock, ShelterCaseWriter writer, TipReferral.PersonalData.ICaseKeys keys)
    : IdempotentConsumer<PersonalDataErasedIntegrationEvent>(store, clock)
{
    protected override async Task HandleAsync(ConsumeContext<PersonalDataErasedIntegrationEvent> context, IDocumentSession session)
    {
        var erased = context.Message;
        var (_, events) = await writer.DecideAsync(
            session, new NotePersonalDataErased(erased.CaseId, erased.ErasedAt), expectedVersion: null, ensureMayReach: null, context.CancellationToken);
        if (events.Count > 0)
        {
            // Crypto-shredding here too: the shelter's notes become unreadable with the key, in the same transaction.
            await keys.EraseAsync(session, erased.CaseId, "identification-service", erased.ErasedAt, context.CancellationToken);
        }
    }
}

/// <summary>Consent to shelter referral withdrawn: a pending referral to a shelter of that recipient lapses.</summary>
public sealed class ShelterReferralConsentWithdrawal(ShelterCaseWriter writer) : IConsentWithdrawalHandler
{
    public async Task OnConsentWithdrawnAsync(ConsentWithdrawnIntegrationEvent withdrawal, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (withdrawal.Purpose != nameof(ConsentPurpose.ShelterReferral) || !await session.Query<ShelterCase>().AnyAsync(c => c.Id == withdrawal.CaseId, cancellationToken))
        {
            return;
        }

        await writer.DecideAsync(
            session, new WithdrawReferralForLackOfConsent(withdrawal.CaseId, withdrawal.RecipientCountry, withdrawal.RecipientAgency, withdrawal.WithdrawnAt),
            expectedVersion: null, ensureMayReach: null, cancellationToken);
    }
}

internal static class AwaitingPlacementWrites
{
    /// <summary>Registered or identified: the case awaits placement under its country's reflection policy.</summary>
    public static Task AwaitPlacementAsync(
        this ShelterCaseWriter writer, IDocumentSession session, Guid caseId, string reference, string country, bool isPresumedChild, bool formallyIdentified,
        ReflectionPeriodSettings reflectionPeriods, DateTimeOffset at, CancellationToken cancellationToken) =>
        writer.DecideAsync(
            session,
            new AwaitPlacement(caseId, reference, country, isPresumedChild, formallyIdentified, reflectionPeriods.For(country), at),
            expectedVersion: null, ensureMayReach: null, cancellationToken);
}
