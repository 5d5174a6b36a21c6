using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Marten;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Validation;
using FluentValidation;

namespace TipReferral.ServiceDefaults.Access;

public sealed class WhoViewedCaseValidator : AbstractValidator<WhoViewedCaseRequest>
{
    public WhoViewedCaseValidator()
    {
        RuleFor(x => x.CaseId).MustBeId();
        RuleFor(x => x.Page).MustBePage();
    }
}

public sealed class WhatDidUserViewValidator : AbstractValidator<WhatDidUserViewRequest>
{
    public WhatDidUserViewValidator()
    {
        RuleFor(x => x.UserId).MustBeShortText();
        RuleFor(x => x.Page).MustBePage();
    }
}

public sealed class ListDataProtectionNotificationsValidator : AbstractValidator<ListDataProtectionNotificationsRequest>
{
    public ListDataProtectionNotificationsValidator()
    {
        RuleFor(x => x.Country).MustBeCountry();
        RuleFor(x => x.Page).MustBePage();
    }
}

/// <summary>
/// A DataProtectionOfficer's questions to this service's read audit: who viewed a case, and
/// what a user viewed. Each service answers for the reads it served.
/// </summary>
public sealed class ReadAuditService(IQuerySession session, CaseAccess access) : ReadAudit.ReadAuditBase
{
    [Access(Roles.DataProtectionOfficer)]
    public override async Task<AccessRecords> WhoViewedCase(WhoViewedCaseRequest request, ServerCallContext context)
    {
        var caseId = Guid.Parse(request.CaseId);
        var country = await session.Query<AccessRecord>()
            .Where(r => r.CaseId == caseId && r.CaseCountry != null)
            .Select(r => r.CaseCountry!)
            .FirstOrDefaultAsync(context.CancellationToken);
        if (country is not null)
        {
            access.EnsureMayReach(country, caseId);
        }

        return await PageAsync(session.Query<AccessRecord>().Where(r => r.CaseId == caseId), request.IncludeDenied, request.Page, context.CancellationToken);
    }

    [Access(Roles.DataProtectionOfficer)]
    public override async Task<AccessRecords> WhatDidUserView(WhatDidUserViewRequest request, ServerCallContext context)
    {
        var userId = request.UserId.Trim();
        var country = await session.Query<AccessRecord>()
            .Where(r => r.UserId == userId)
            .Select(r => r.Country)
            .FirstOrDefaultAsync(context.CancellationToken);
        if (country is not null)
        {
            access.EnsureMayReach(country);
        }

        return await PageAsync(session.Query<AccessRecord>().Where(r => r.UserId == userId), request.IncludeDenied, request.Page, context.CancellationToken);
    }

    [Access(Roles.DataProtectionOfficer)]
    public override async Task<DataProtectionNotifications> ListDataProtectionNotifications(
        ListDataProtectionNotificationsRequest request, ServerCallContext context)
    {
        access.EnsureMayReach(request.Country);
        var notifications = session.Query<DataProtectionNotification>().Where(n => n.CaseCountry == request.Country);
        var (page, pageSize) = Paging.Of(request.Page);
        var total = await notifications.CountAsync(context.CancellationToken);
        var found = await notifications.OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(context.CancellationToken);
        return new DataProtectionNotifications
        {
            Notifications = { found.Select(ToProto) },
            Page = new PageInfo { Page = page, PageSize = pageSize, TotalItems = total },
        };
    }

    private static async Task<AccessRecords> PageAsync(
        IQueryable<AccessRecord> records, bool includeDenied, PageRequest? pageRequest, CancellationToken cancellationToken)
    {
        if (!includeDenied)
        {
            records = records.Where(r => r.Outcome == AccessOutcome.Allowed);
        }

        var (page, pageSize) = Paging.Of(pageRequest);
        var total = await records.CountAsync(cancellationToken);
        var found = await records.OrderBy(r => r.At).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AccessRecords
        {
            Records = { found.Select(ToProto) },
            Page = new PageInfo { Page = page, PageSize = pageSize, TotalItems = total },
        };
    }

    private static Contracts.Audit.V1.AccessRecord ToProto(AccessRecord record) => new()
    {
        RecordId = record.Id.ToString(),
        Service = record.Service,
        Operation = record.Operation,
        CaseId = record.CaseId?.ToString() ?? "",
        Actor = new Actor { UserId = record.UserId, Role = record.Role, Agency = record.Agency, Country = record.Country },
        At = Timestamp.FromDateTimeOffset(record.At),
        Purpose = record.Purpose,
        Outcome = record.Outcome == AccessOutcome.Allowed ? Contracts.Audit.V1.AccessOutcome.Allowed : Contracts.Audit.V1.AccessOutcome.Denied,
        DenialReason = record.DenialReason ?? "",
        RevealReason = record.RevealReason ?? "",
    };

    private static Contracts.Audit.V1.DataProtectionNotification ToProto(DataProtectionNotification notification) => new()
    {
        NotificationId = notification.Id.ToString(),
        Service = notification.Service,
        Kind = notification.Kind,
        CaseId = notification.CaseId.ToString(),
        Actor = new Actor { UserId = notification.UserId, Role = notification.Role, Agency = notification.Agency, Country = notification.Country },
        At = Timestamp.FromDateTimeOffset(notification.At),
        Reason = notification.Reason,
    };
}
