using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TipReferral.PersonalData;

namespace TipReferral.ServiceDefaults.Scheduling;

/// <summary>
/// A durable timer: fires once, at <see cref="DueAt"/> or as soon after as the service runs,
/// for one stream. There is at most one timer of a kind per stream; scheduling it again moves it.
/// </summary>
public sealed record ScheduledTimer(string Id, string Kind, Guid StreamId, DateTimeOffset DueAt);

/// <summary>What a service does when a timer of its <see cref="Kind"/> is due.</summary>
public interface ITimerHandler
{
    string Kind { get; }

    /// <summary>
    /// Applies the timer's effect through <paramref name="session"/> (do not save it). The timer is
    /// removed in the same transaction, so effect and removal commit together; schedule it again
    /// in the session to fire later. Runs in a personal-data scope of its own.
    /// </summary>
    Task HandleAsync(ScheduledTimer timer, IDocumentSession session, CancellationToken cancellationToken);
}

public static class Timers
{
    /// <summary>Schedules (or moves) the <paramref name="kind"/> timer of a stream; commits with the session.</summary>
    public static void ScheduleTimer(this IDocumentSession session, string kind, Guid streamId, DateTimeOffset dueAt) =>
        session.Store(new ScheduledTimer(IdOf(kind, streamId), kind, streamId, dueAt));

    public static void CancelTimer(this IDocumentSession session, string kind, Guid streamId) =>
        session.Delete<ScheduledTimer>(IdOf(kind, streamId));

    private static string IdOf(string kind, Guid streamId) => $"{kind}/{streamId:N}";

    /// <summary>
    /// The one scheduling mechanism of every service: timers are Marten documents, written in the
    /// transaction of the decision that sets them, and fired by <see cref="TimerDispatcher"/> on the
    /// service's injected <see cref="TimeProvider"/> (so tests move time). Nothing depends on the
    /// broker's delayed-exchange plugin, which the Debian RabbitMQ lacks.
    /// </summary>
    public static WebApplicationBuilder AddTimers(this WebApplicationBuilder builder, params Type[] handlers)
    {
        builder.Services.ConfigureMarten(opts => opts.Schema.For<ScheduledTimer>().Index(t => t.DueAt));
        foreach (var handler in handlers)
        {
            builder.Services.AddSingleton(typeof(ITimerHandler), handler);
        }

        var interval = builder.Configuration.GetValue("Timers:PollInterval", TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(services => new TimerDispatcher(
            services.GetRequiredService<IDocumentStore>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetServices<ITimerHandler>(),
            services.GetRequiredService<ILogger<TimerDispatcher>>(),
            interval));
        builder.Services.AddHostedService(services => services.GetRequiredService<TimerDispatcher>());
        return builder;
    }
}

/// <summary>
/// Fires due timers. Each runs in its own session and transaction; a handler that fails
/// leaves its timer in place to be retried on the next round. Several replicas may fire the
/// same timer: handlers decide on the stream's current state with optimistic concurrency, so
/// the second firing finds nothing left to do.
/// </summary>
public sealed class TimerDispatcher(
    IDocumentStore store, TimeProvider clock, IEnumerable<ITimerHandler> handlers, ILogger<TimerDispatcher> logger, TimeSpan pollInterval) : BackgroundService
{
    private const int BatchSize = 100;
    private readonly Dictionary<string, ITimerHandler> byKind = handlers.ToDictionary(h => h.Kind);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FireDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Firing due timers failed; retrying in {Interval}", pollInterval);
            }

            try
            {
                await Task.Delay(pollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Fires every timer due by the clock's now; returns how many fired.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<ScheduledTimer> due;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<ScheduledTimer>().Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(BatchSize).ToListAsync(cancellationToken);
        }

        var fired = 0;
        foreach (var timer in due)
        {
            if (!byKind.TryGetValue(timer.Kind, out var handler))
            {
                logger.LogError("Timer {TimerId} has kind {Kind}, which no handler takes; it stays until one does", timer.Id, timer.Kind);
                continue;
            }

            try
            {
                using var scope = PersonalDataScope.Begin();
                await using var session = store.LightweightSession();
                // Only this firing of the timer: if it was moved meanwhile, the moved one stays.
                session.DeleteWhere<ScheduledTimer>(t => t.Id == timer.Id && t.DueAt == timer.DueAt);
                await handler.HandleAsync(timer, session, cancellationToken);
                await session.SaveChangesAsync(cancellationToken);
                fired++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Timer {TimerId} failed; it is retried on the next round", timer.Id);
            }
        }

        return fired;
    }
}
