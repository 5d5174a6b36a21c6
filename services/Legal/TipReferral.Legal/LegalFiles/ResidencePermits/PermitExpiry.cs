using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Marten;
using Marten.Pagination;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Scheduling;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Legal.LegalFiles;

/// <summary>Raises a permit's next expiry alert if it is due; issued by the permit's timer.</summary>
public sealed record RaisePermitExpiryAlert(Guid CaseId, Guid PermitId, DateTimeOffset Now) : LegalFileCommand(CaseId, Now);

public sealed record ResidencePermitExpiryAlertRaised(Guid CaseId, Guid PermitId, PermitType Type, DateOnly ExpiresOn, int DaysBefore, DateTimeOffset RaisedAt);

/// <summary>A permit of a country that expires, for listing by expiry date without reading every file.</summary>
public sealed record ExpiringPermit(Guid Id, Guid CaseId, string Country, PermitType Type, string IssuingAuthority, DateOnly ExpiresOn);

/// <summary>An expiry alert as raised, per permit, expiry date and days before, for listing by country.</summary>
public sealed record PermitExpiryAlert(string Id, Guid CaseId, string Country, Guid PermitId, PermitType Type, DateOnly ExpiresOn, int DaysBefore, DateTimeOffset RaisedAt);

/// <summary>
/// Expiry alerts, 60 and 30 days before a permit expires. Each permit has one timer of
/// <see cref="TimerKind"/> (its stream id is the permit id), always set to the permit's next
/// alert: moved on to the 30-day one when the 60-day one is raised, moved with a renewal,
/// cancelled when none is left. A permit recorded or renewed already inside 60 days skips the
/// 60-day alert; inside 30 days its 30-day alert is raised at once, since a late warning that a
/// permit is about to run out still leaves time to act and a missing one leaves none.
/// </summary>
public static class PermitExpiry
{
    public const string TimerKind = "residence-permit-expiry";

    public static IReadOnlyList<int> AlertsAhead(DateOnly? expiresOn, DateTimeOffset now)
    {
        if (expiresOn is not { } expires)
        {
            return [];
        }

        return (expires.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber) switch
        {
            >= 60 => [60, 30],
            > 0 => [30],
            _ => [],
        };
    }

    /// <summary>A timer that fires late or twice finds its alert already raised, or not yet due, and changes nothing.</summary>
    public static IReadOnlyList<object> Decide(RaisePermitExpiryAlert command, LegalFile state)
    {
        var permit = ResidencePermits.PermitOf(state, command.PermitId);
        if (permit.NextExpiryAlert is not { } next || next.DueOn > DateOnly.FromDateTime(command.Now.UtcDateTime))
        {
            return [];
        }

        return [new ResidencePermitExpiryAlertRaised(command.CaseId, permit.Id, permit.Type, permit.ExpiresOn!.Value, next.DaysBefore, command.Now)];
    }

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static void Register(StoreOptions opts)
    {
        opts.Schema.For<ExpiringPermit>().Index(x => x.Country).Index(x => x.ExpiresOn).Index(x => x.CaseId);
        opts.Schema.For<PermitExpiryAlert>().Index(x => x.Country).Index(x => x.CaseId);
    }
}

/// <summary>Raises the alert a permit's timer is set for.</summary>
public sealed class PermitExpiryTimer(LegalFileWriter writer, TimeProvider clock) : ITimerHandler
{
    string ITimerHandler.Kind => PermitExpiry.TimerKind;

    public async Task HandleAsync(ScheduledTimer timer, IDocumentSession session, CancellationToken cancellationToken)
    {
        // The timer knows the permit; the permit's listing knows its case. Gone after erasure, and then so is the alert.
        if (await session.LoadAsync<ExpiringPermit>(timer.StreamId, cancellationToken) is not { } permit)
        {
            return;
        }

        await writer.DecideAsync(session, new RaisePermitExpiryAlert(permit.CaseId, permit.Id, clock.GetUtcNow()), expectedVersion: null, ensureMayReach: null, cancellationToken);
    }
}

/// <summary>
/// Written with the permit's events, from the file as they leave it: its timer and its listing
/// (which carries the case's country, something the permit events do not). Erasure takes both.
/// </summary>
public sealed class PermitExpirySideEffects : ILegalFileSideEffects
{
    public Task ApplyAsync(IDocumentSession session, LegalFile? before, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        if (before is null || events.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (events.Any(e => e is PersonalDataErased))
        {
            foreach (var permit in before.Permits)
            {
                session.CancelTimer(PermitExpiry.TimerKind, permit.Id);
            }

            session.DeleteWhere<ExpiringPermit>(p => p.CaseId == before.Id);
            session.DeleteWhere<PermitExpiryAlert>(a => a.CaseId == before.Id);
            return Task.CompletedTask;
        }

        var touched = events.Select(PermitIdOf).OfType<Guid>().ToHashSet();
        if (touched.Count == 0)
        {
            return Task.CompletedTask;
        }

        var after = events.Aggregate(before, (state, e) => LegalFileDecider.Evolve(state, e) ?? state);
        foreach (var permit in after.Permits.Where(p => touched.Contains(p.Id)))
        {
            if (permit.ExpiresOn is { } expiresOn)
            {
                session.Store(new ExpiringPermit(permit.Id, after.Id, after.Country, permit.Type, permit.IssuingAuthority, expiresOn));
            }

            if (permit.NextExpiryAlert is { } next)
            {
                session.ScheduleTimer(PermitExpiry.TimerKind, permit.Id, PermitExpiry.StartOf(next.DueOn));
            }
            else
            {
                session.CancelTimer(PermitExpiry.TimerKind, permit.Id);
            }
        }

        foreach (var raised in events.OfType<ResidencePermitExpiryAlertRaised>())
        {
            session.Store(new PermitExpiryAlert(
                $"{raised.PermitId:N}/{raised.ExpiresOn:yyyyMMdd}/{raised.DaysBefore}", raised.CaseId, after.Country, raised.PermitId, raised.Type, raised.ExpiresOn,
                raised.DaysBefore, raised.RaisedAt));
        }

        return Task.CompletedTask;
    }

    private static Guid? PermitIdOf(object e) => e switch
    {
        ResidencePermitRecorded recorded => recorded.PermitId,
        ResidencePermitRenewed renewed => renewed.PermitId,
        ResidencePermitRefused refused => refused.PermitId,
        ResidencePermitExpiryAlertRaised raised => raised.PermitId,
        _ => null,
    };
}

public sealed class ListExpiringPermitsValidator : AbstractValidator<Proto.ListExpiringPermitsRequest>
{
    public ListExpiringPermitsValidator()
    {
        RuleFor(x => x.Country).MustBeCountry();
        RuleFor(x => x.WithinDays).InclusiveBetween(1, 366);
        RuleFor(x => x.Page).MustBePage();
    }
}

public sealed class ListPermitExpiryAlertsValidator : AbstractValidator<Proto.ListPermitExpiryAlertsRequest>
{
    public ListPermitExpiryAlertsValidator()
    {
        RuleFor(x => x.Country).MustBeCountry();
        RuleFor(x => x.Page).MustBePage();
    }
}

/// <summary>
/// Lists of a whole country are for those who follow every case there; a lawyer sees only the
/// permits of their own clients, through each client's legal situation.
/// </summary>
public sealed partial class ResidencePermitsService
{
    [Access(Roles.CaseWorker, Roles.Supervisor)]
    public override async Task<Proto.ListExpiringPermitsResponse> ListExpiringPermits(Proto.ListExpiringPermitsRequest request, ServerCallContext context)
    {
        access.EnsureMayReach(request.Country);
        var (page, pageSize) = Paging.Of(request.Page);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var until = today.AddDays(request.WithinDays);
        var permits = await session.Query<ExpiringPermit>()
            .Where(p => p.Country == request.Country && p.ExpiresOn >= today && p.ExpiresOn <= until)
            .OrderBy(p => p.ExpiresOn).ThenBy(p => p.Id)
            .ToPagedListAsync(page, pageSize, context.CancellationToken);

        var response = new Proto.ListExpiringPermitsResponse { Page = new PageInfo { Page = page, PageSize = pageSize, TotalItems = permits.TotalItemCount } };
        response.Permits.AddRange(permits.Select(p => new Proto.ExpiringPermit
        {
            CaseId = p.CaseId.ToString(),
            PermitId = p.Id.ToString(),
            Type = ProtoValues.ToProto<Proto.PermitType>(p.Type),
            IssuingAuthority = p.IssuingAuthority,
            ExpiresOn = p.ExpiresOn.ToProto(),
            DaysLeft = p.ExpiresOn.DayNumber - today.DayNumber,
        }));
        return response;
    }

    [Access(Roles.CaseWorker, Roles.Supervisor)]
    public override async Task<Proto.ListPermitExpiryAlertsResponse> ListPermitExpiryAlerts(Proto.ListPermitExpiryAlertsRequest request, ServerCallContext context)
    {
        access.EnsureMayReach(request.Country);
        var (page, pageSize) = Paging.Of(request.Page);
        var alerts = await session.Query<PermitExpiryAlert>()
            .Where(a => a.Country == request.Country)
            .OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Id)
            .ToPagedListAsync(page, pageSize, context.CancellationToken);

        var response = new Proto.ListPermitExpiryAlertsResponse { Page = new PageInfo { Page = page, PageSize = pageSize, TotalItems = alerts.TotalItemCount } };
        response.Alerts.AddRange(alerts.Select(a => new Proto.PermitExpiryAlert
        {
            CaseId = a.CaseId.ToString(),
            PermitId = a.PermitId.ToString(),
            Type = ProtoValues.ToProto<Proto.PermitType>(a.Type),
            ExpiresOn = a.ExpiresOn.ToProto(),
            DaysBefore = a.DaysBefore,
            RaisedAt = Timestamp.FromDateTimeOffset(a.RaisedAt),
        }));
        return response;
    }
}
