using Marten;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Testing;

namespace TipReferral.Shelter.Tests.ShelterCases.FollowingIdentification;

public sealed class IdentificationEventsTests(ShelterService service) : IClassFixture<ShelterService>
{
    /// <summary>
    /// Registration and identification of one case arrive on two queues at once, and both would
    /// create the case: the one that loses the race is retried, never acknowledged without effect.
    /// </summary>
    [Fact]
    public async Task Registration_and_identification_arriving_together_leave_every_case_identified()
    {
        var cases = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToList();
        var now = DateTimeOffset.UtcNow;

        await Task.WhenAll(cases.SelectMany(id => new[]
        {
            service.PublishAsync(new VictimCaseRegisteredIntegrationEvent(id, $"NG-R-{id:N}"[..20], "NG", false, now)),
            service.PublishAsync(new VictimIdentifiedIntegrationEvent(id, $"NG-R-{id:N}"[..20], "NG", false, "NAPTIP", now)),
        }));

        await Eventually.HoldsAsync(async () =>
        {
            await using var session = service.Store.QuerySession();
            var identified = await session.Query<TipReferral.Shelter.ShelterCases.ShelterCase>()
                .Where(c => c.FormallyIdentified)
                .Select(c => c.Id)
                .ToListAsync();
            return cases.All(identified.Contains);
        }, "Every case being identified in the shelter service");
    }
}
