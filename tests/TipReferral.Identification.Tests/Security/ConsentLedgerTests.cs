using System.Collections.Concurrent;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using ConsentGiver = TipReferral.Contracts.Identification.V1.ConsentGiver;
using ConsentPurpose = TipReferral.Contracts.Identification.V1.ConsentPurpose;
using ConsentRecipient = TipReferral.Contracts.Identification.V1.ConsentRecipient;
using TipReferral.ServiceDefaults.Consent;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Security;

/// <summary>What a shelter-like service purged when a consent it relied on was withdrawn.</summary>
public sealed class PurgeRecorder : IConsentWithdrawalHandler
{
    public ConcurrentBag<(Guid CaseId, string Purpose)> Purged { get; } = [];

    public Task OnConsentWithdrawnAsync(ConsentWithdrawnIntegrationEvent withdrawal, IDocumentSession session, CancellationToken cancellationToken)
    {
        Purged.Add((withdrawal.CaseId, withdrawal.Purpose));
        return Task.CompletedTask;
    }
}

public sealed class ConsentLedgerTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    [Fact]
    public async Task Another_services_ledger_follows_consent_given_then_withdrawn_and_purges_what_it_held()
    {
        var purges = new PurgeRecorder();
        await using var shelterService = await TestBus.StartAsync(service.RabbitMqUri, service.EntityPrefix, bus => bus.AddConsentLedger(), services =>
        {
            services.AddMarten(opts =>
            {
                opts.Connection(service.PostgresConnectionString);
                opts.DatabaseSchemaName = TestInfrastructure.UniqueName("ledger");
            });
            services.AddSingleton<IConsentWithdrawalHandler>(purges);
        });
        var store = shelterService.Services.GetRequiredService<IDocumentStore>();
        var worker = service.ClientFor(DemoUsers.For(Roles.CaseWorker, "NG"));
        var registered = await worker.RegisterPresumedVictimAsync(ARegistration());
        var caseId = Guid.Parse(registered.CaseId);

        var consent = await worker.RecordConsentAsync(new RecordConsentRequest
        {
            CaseId = registered.CaseId,
            Purpose = ConsentPurpose.ShelterReferral,
            GivenBy = ConsentGiver.Person,
            Recipient = new ConsentRecipient { Country = "NG" },
        });

        var held = await Eventually(async () =>
        {
            await using var session = store.QuerySession();
            return await session.LoadAsync<CaseConsents>(caseId);
        }, ledger => ledger is { Consents.Count: 1 });
        await using (var session = store.QuerySession())
        {
            var covering = await session.RequireConsentAsync(caseId, Domain.ConsentPurpose.ShelterReferral, "NG", "Any shelter in Lagos", DateTimeOffset.UtcNow, default);
            covering.ConsentId.ShouldBe(Guid.Parse(consent.ConsentId));
        }

        await worker.WithdrawConsentAsync(new WithdrawConsentRequest { CaseId = registered.CaseId, ConsentId = consent.ConsentId, Reason = "She changed her mind" });

        await Eventually(() => Task.FromResult(purges.Purged.ToList()), purged => purged.Contains((caseId, "ShelterReferral")));
        // The handler runs inside the ledger's transaction, so it can be seen before that transaction commits.
        await Eventually(async () =>
        {
            await using var session = store.QuerySession();
            return await session.LoadAsync<CaseConsents>(caseId);
        }, ledger => ledger is { Consents: [{ WithdrawnAt: not null }] });
        await using (var session = store.QuerySession())
        {
            var refusal = await Should.ThrowAsync<RuleViolationException>(
                () => session.RequireConsentAsync(caseId, Domain.ConsentPurpose.ShelterReferral, "NG", "Any shelter in Lagos", DateTimeOffset.UtcNow, default));
            refusal.Rule.ShouldBe(ConsentRules.ConsentRequiredRule);
        }

        held!.Consents.ShouldHaveSingleItem().RecordedBy.ShouldBeNull();
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                done(value).ShouldBeTrue("the ledger did not catch up within 30 s");
                return value;
            }

            await Task.Delay(100);
        }
    }
}
