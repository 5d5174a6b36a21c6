using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Scheduling;
using TipReferral.Testing;

namespace TipReferral.Legal.Tests.LegalFiles.ResidencePermits;

/// <summary>The legal-assistance service on a clock the tests move, its timers polled every second of it.</summary>
public sealed class LegalServiceOnTestClock : LegalService
{
    public LegalServiceOnTestClock()
        : base(new FakeTimeProvider(DateTimeOffset.UtcNow)) =>
        WithSetting("Timers:PollInterval", "00:00:01");

    public FakeTimeProvider TestClock => (FakeTimeProvider)Clock;

    public MessageLog<ResidencePermitExpiringIntegrationEvent> Expiring { get; private set; } = null!;

    protected override void Record(IBusRegistrationConfigurator probe) => Expiring = probe.Record<ResidencePermitExpiringIntegrationEvent>();

    /// <summary>Moves the clock by <paramref name="by"/>, then nudges it a second at a time until <paramref name="condition"/> holds.</summary>
    public async Task AdvanceUntilAsync(TimeSpan by, Func<Task<bool>> condition, string what)
    {
        TestClock.Advance(by);
        await Eventually.HoldsAsync(async () =>
        {
            if (await condition())
            {
                return true;
            }

            TestClock.Advance(TimeSpan.FromSeconds(1));
            return false;
        }, what);
    }

    /// <summary>Moves the clock and fires whatever is due by then, for asserting that nothing was.</summary>
    public Task<int> AdvanceAndFireAsync(TimeSpan by)
    {
        TestClock.Advance(by);
        return Services.GetRequiredService<TimerDispatcher>().FireDueAsync(CancellationToken.None);
    }
}

public sealed class PermitExpiryAlertTests(LegalServiceOnTestClock service) : IClassFixture<LegalServiceOnTestClock>
{
    private static readonly DemoUser CaseWorker = DemoUsers.For(Roles.CaseWorker, "IT");

    private Contracts.Legal.V1.ResidencePermits.ResidencePermitsClient Permits => service.ClientFor<Contracts.Legal.V1.ResidencePermits.ResidencePermitsClient>(CaseWorker);

    private DateOnly Today => DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime);

    private async Task<IReadOnlyList<(int DaysBefore, DateOnly ExpiresOn)>> AlertsOfAsync(string permitId)
    {
        var alerts = await Permits.ListPermitExpiryAlertsAsync(new ListPermitExpiryAlertsRequest { Country = "IT", Page = new() { PageSize = 100 } });
        return [.. alerts.Alerts.Where(a => a.PermitId == permitId).OrderBy(a => a.RaisedAt)
            .Select(a => (a.DaysBefore, new DateOnly(a.ExpiresOn.Year, a.ExpiresOn.Month, a.ExpiresOn.Day)))];
    }

    private int Published(string permitId, int daysBefore) => service.Expiring.Deliveries.Count(d => d.Message.PermitId == Guid.Parse(permitId) && d.Message.DaysBefore == daysBefore);

    [Fact]
    public async Task Alerts_come_sixty_then_thirty_days_before_expiry_each_once_and_a_renewal_moves_them()
    {
        var caseId = await service.AVictimCaseAsync();
        var expiresOn = Today.AddDays(90);
        var recorded = await Permits.RecordResidencePermitAsync(new RecordResidencePermitRequest
        {
            CaseId = caseId,
            Type = PermitType.Humanitarian,
            IssuingAuthority = "Questura di Torino",
            PermitNumber = "TO1234567",
            IssuedOn = Today.AddDays(-275).ToProto(),
            ExpiresOn = expiresOn.ToProto(),
        });
        var permitId = recorded.PermitId;

        await service.AdvanceAndFireAsync(TimeSpan.FromDays(29));
        (await AlertsOfAsync(permitId)).ShouldBeEmpty("Nothing before 60 days ahead of expiry");

        await service.AdvanceUntilAsync(TimeSpan.FromDays(1), async () => (await AlertsOfAsync(permitId)).Count > 0, "The 60-day alert");
        (await AlertsOfAsync(permitId)).ShouldBe([(60, expiresOn)]);
        (await service.Expiring.WaitForAsync(e => e.PermitId == Guid.Parse(permitId))).ShouldSatisfyAllConditions(
            e => e.DaysBefore.ShouldBe(60), e => e.ExpiresOn.ShouldBe(expiresOn), e => e.PermitType.ShouldBe("HUMANITARIAN"), e => e.Country.ShouldBe("IT"));

        await service.AdvanceUntilAsync(TimeSpan.FromDays(30), async () => (await AlertsOfAsync(permitId)).Count > 1, "The 30-day alert");
        await service.AdvanceAndFireAsync(TimeSpan.FromDays(1));
        (await AlertsOfAsync(permitId)).ShouldBe([(60, expiresOn), (30, expiresOn)]);
        await service.Expiring.WaitForAsync(e => e.PermitId == Guid.Parse(permitId) && e.DaysBefore == 30);

        var renewedUntil = expiresOn.AddDays(365);
        await Permits.RenewResidencePermitAsync(new RenewResidencePermitRequest
        {
            CaseId = caseId,
            PermitId = permitId,
            RenewedOn = Today.ToProto(),
            ExpiresOn = renewedUntil.ToProto(),
        });
        var untilNewSixty = renewedUntil.AddDays(-60).DayNumber - Today.DayNumber;
        await service.AdvanceAndFireAsync(TimeSpan.FromDays(untilNewSixty - 1));
        (await AlertsOfAsync(permitId)).Count.ShouldBe(2, "Nothing for the renewed permit before 60 days ahead of its new expiry");

        await service.AdvanceUntilAsync(TimeSpan.FromDays(1), async () => (await AlertsOfAsync(permitId)).Count > 2, "The renewed permit's 60-day alert");
        (await AlertsOfAsync(permitId)).ShouldBe([(60, expiresOn), (30, expiresOn), (60, renewedUntil)]);
        await service.Expiring.WaitForAsync(e => e.PermitId == Guid.Parse(permitId) && e.ExpiresOn == renewedUntil);
        Published(permitId, 60).ShouldBe(2);
        Published(permitId, 30).ShouldBe(1);
    }

    [Fact]
    public async Task A_permit_recorded_inside_thirty_days_raises_its_thirty_day_alert_at_once()
    {
        var caseId = await service.AVictimCaseAsync();
        var recorded = await Permits.RecordResidencePermitAsync(new RecordResidencePermitRequest
        {
            CaseId = caseId,
            Type = PermitType.Cooperation,
            IssuingAuthority = "Questura di Torino",
            PermitNumber = "TO7777777",
            IssuedOn = Today.AddDays(-100).ToProto(),
            ExpiresOn = Today.AddDays(20).ToProto(),
        });

        await service.AdvanceUntilAsync(TimeSpan.FromSeconds(1), async () => (await AlertsOfAsync(recorded.PermitId)).Count > 0, "The 30-day alert");
        (await AlertsOfAsync(recorded.PermitId)).ShouldBe([(30, Today.AddDays(20))]);
    }
}
