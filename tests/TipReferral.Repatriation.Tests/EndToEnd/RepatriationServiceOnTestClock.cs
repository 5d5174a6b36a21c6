using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.ServiceDefaults.Scheduling;
using TipReferral.Testing;

namespace TipReferral.Repatriation.Tests.EndToEnd;

/// <summary>
/// The repatriation service on a clock the tests move (its own, or one shared with other
/// services), recording the integration events that tell other services a referral stalled.
/// </summary>
public sealed class RepatriationServiceOnTestClock : RepatriationService
{
    public RepatriationServiceOnTestClock()
        : this(new FakeTimeProvider(DateTimeOffset.UtcNow))
    {
    }

    /// <summary>On a clock shared with other services; internal, as a class fixture has one public constructor.</summary>
    internal RepatriationServiceOnTestClock(FakeTimeProvider clock)
        : base(clock) =>
        WithSetting("Timers:PollInterval", "00:00:01");

    public FakeTimeProvider TestClock => (FakeTimeProvider)Clock;

    public MessageLog<ReferralAnswerOverdueIntegrationEvent> AnswerOverdue { get; private set; } = null!;

    public MessageLog<TravelSuspendedIntegrationEvent> TravelSuspended { get; private set; } = null!;

    protected override void Record(IBusRegistrationConfigurator probe)
    {
        AnswerOverdue = probe.Record<ReferralAnswerOverdueIntegrationEvent>();
        TravelSuspended = probe.Record<TravelSuspendedIntegrationEvent>();
    }

    /// <summary>
    /// Moves the clock and fires whatever timers are due by then. The dispatcher's own loop also
    /// wakes on the clock and may fire first: assert on the outcome, not on the count returned.
    /// </summary>
    public Task<int> AdvanceAndFireAsync(TimeSpan by)
    {
        TestClock.Advance(by);
        return Services.GetRequiredService<TimerDispatcher>().FireDueAsync(CancellationToken.None);
    }
}
