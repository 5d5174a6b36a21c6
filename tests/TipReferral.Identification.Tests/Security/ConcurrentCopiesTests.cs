using Marten;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Identification.V1;
using TipReferral.ServiceDefaults.Consent;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.Testing;
using Legal = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Identification.Tests.Security;

/// <summary>
/// Another service's copies of consents and protections are changed by consumers that run at the
/// same time: many messages for one case at once must all land, none overwritten by another.
/// </summary>
public sealed class ConcurrentCopiesTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    private const int AtOnce = 5;

    [Fact]
    public async Task Consents_given_for_one_case_at_the_same_moment_are_all_in_the_ledger()
    {
        await using var consumingService = await StartConsumingServiceAsync();
        var caseId = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(i => consumingService.Bus.Publish(new ConsentGivenIntegrationEvent(
            caseId, Guid.NewGuid(), "ShelterReferral", "NG", $"Shelter {i}", "Person", DateTimeOffset.UtcNow, ExpiresAt: null))));

        var store = consumingService.Services.GetRequiredService<IDocumentStore>();
        await Eventually.HoldsAsync(async () =>
        {
            await using var session = store.QuerySession();
            return (await session.LoadAsync<CaseConsents>(caseId))?.Consents.Count == AtOnce;
        }, $"All {AtOnce} consents in the ledger", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Protections_granted_for_one_witness_at_the_same_moment_all_mask_her()
    {
        await using var consumingService = await StartConsumingServiceAsync();
        var caseId = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(i => consumingService.Bus.Publish(new Legal.WitnessIdentityProtectedIntegrationEvent(
            caseId, "IT", Guid.NewGuid(), $"Witness {i}", [new Legal.ProsecutorsOffice("IT", "Procura di Torino")], DateTimeOffset.UtcNow))));

        var store = consumingService.Services.GetRequiredService<IDocumentStore>();
        await Eventually.HoldsAsync(async () =>
        {
            await using var session = store.QuerySession();
            return (await session.LoadAsync<ProtectedIdentity>(caseId))?.Standing.Count() == AtOnce;
        }, $"All {AtOnce} protections standing", TimeSpan.FromSeconds(60));
    }

    private Task<TestBus> StartConsumingServiceAsync() =>
        TestBus.StartAsync(service.RabbitMqUri, service.EntityPrefix, bus =>
        {
            bus.AddConsentLedger();
            bus.AddIdentityMasking();
        }, services => services.AddMarten(opts =>
        {
            opts.Connection(service.PostgresConnectionString);
            opts.DatabaseSchemaName = TestInfrastructure.UniqueName("copies");
        }));
}
