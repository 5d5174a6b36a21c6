using MassTransit;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Testing;

namespace TipReferral.Legal.Tests;

/// <summary>The legal-assistance service with a probe recording every integration event it may publish.</summary>
public sealed class RecordingLegalService : LegalService
{
    public MessageLog<WitnessProtectionGrantedIntegrationEvent> ProtectionGranted { get; private set; } = null!;
    public MessageLog<WitnessProtectionLiftedIntegrationEvent> ProtectionLifted { get; private set; } = null!;
    public MessageLog<WitnessIdentityProtectedIntegrationEvent> IdentityProtected { get; private set; } = null!;
    public MessageLog<WitnessIdentityProtectionLiftedIntegrationEvent> IdentityProtectionLifted { get; private set; } = null!;
    public MessageLog<LegalHoldPlacedIntegrationEvent> HoldPlaced { get; private set; } = null!;
    public MessageLog<LegalHoldReleasedIntegrationEvent> HoldReleased { get; private set; } = null!;
    public MessageLog<ResidencePermitExpiringIntegrationEvent> PermitExpiring { get; private set; } = null!;

    /// <summary>Every recorded message about <paramref name="caseId"/>, of whatever type.</summary>
    public IReadOnlyList<object> PublishedAbout(string caseId)
    {
        var id = Guid.Parse(caseId);
        return
        [
            .. ProtectionGranted.Deliveries.Select(d => d.Message).Where(m => m.CaseId == id),
            .. ProtectionLifted.Deliveries.Select(d => d.Message).Where(m => m.CaseId == id),
            .. IdentityProtected.Deliveries.Select(d => d.Message).Where(m => m.CaseId == id),
            .. IdentityProtectionLifted.Deliveries.Select(d => d.Message).Where(m => m.CaseId == id),
            .. HoldPlaced.Deliveries.Select(d => d.Message).Where(m => m.CaseId == id),
            .. HoldReleased.Deliveries.Select(d => d.Message).Where(m => m.CaseId == id),
            .. PermitExpiring.Deliveries.Select(d => d.Message).Where(m => m.CaseId == id),
        ];
    }

    protected override void Record(IBusRegistrationConfigurator probe)
    {
        ProtectionGranted = probe.Record<WitnessProtectionGrantedIntegrationEvent>();
        ProtectionLifted = probe.Record<WitnessProtectionLiftedIntegrationEvent>();
        IdentityProtected = probe.Record<WitnessIdentityProtectedIntegrationEvent>();
        IdentityProtectionLifted = probe.Record<WitnessIdentityProtectionLiftedIntegrationEvent>();
        HoldPlaced = probe.Record<LegalHoldPlacedIntegrationEvent>();
        HoldReleased = probe.Record<LegalHoldReleasedIntegrationEvent>();
        PermitExpiring = probe.Record<ResidencePermitExpiringIntegrationEvent>();
    }
}
