using FluentValidation;
using Grpc.Core;
using Marten;
using Marten.Pagination;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;
using Proto = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Repatriation.ReturnCases;

public enum NoticeKind
{
    ReferralReceived,
    AnswerReminder,
    AnswerOverdueEscalation,
    ReferralAccepted,
    ReferralDeclined,
    ReferralWithdrawn,
    TravelSuspended,
    HandoverConfirmed,
    FollowUpVisitOverdue,
    PackageAmended,
    PackageRevoked,
}

/// <summary>
/// What one side is told about a referral, addressed to the roles of a country (and, on the
/// receiving side, to the one agency): never anything personal, only which step and why.
/// </summary>
public sealed record ReferralNotice(
    Guid Id,
    NoticeKind Kind,
    Guid CaseId,
    Guid ReferralId,
    string CaseReference,
    string SendingCountry,
    string ReceivingCountry,
    string ReceivingAgency,
    string AudienceCountry,
    string? AudienceAgency,
    IReadOnlyList<string> AudienceRoles,
    DateTimeOffset RaisedAt,
    AwaitedAnswer? Awaiting,
    DateTimeOffset? DueAt,
    string Detail)
{
    public static void Register(StoreOptions opts) => opts.Schema.For<ReferralNotice>().Index(x => x.AudienceCountry).Index(x => x.RaisedAt);
}

/// <summary>Raises each side's notices in the transaction of the event that calls for them.</summary>
public sealed class NoticeSideEffects : IReturnCaseSideEffects
{
    private static readonly string[] SendingSide = [Roles.CaseWorker, Roles.Supervisor];
    private static readonly string[] Agency = [Roles.ReceivingAgency];
    private static readonly string[] Supervisors = [Roles.Supervisor];

    public Task ApplyAsync(IDocumentSession session, ReturnCase before, ReturnCase after, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        if ((after.Referral ?? before.Referral) is not { } referral)
        {
            return Task.CompletedTask;
        }

        foreach (var notice in events.SelectMany(e => NoticesOf(e, after, referral)))
        {
            session.Insert(notice);
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<ReferralNotice> NoticesOf(object e, ReturnCase returnCase, Referral referral)
    {
        ReferralNotice ToSending(NoticeKind kind, DateTimeOffset at, string detail) => Notice(kind, returnCase, referral, returnCase.Country, null, SendingSide, at, detail);
        ReferralNotice ToAgency(NoticeKind kind, DateTimeOffset at, string detail) =>
            Notice(kind, returnCase, referral, referral.ReceivingCountry, referral.ReceivingAgency, Agency, at, detail);

        return e switch
        {
            ReferralRequested requested => [ToAgency(NoticeKind.ReferralReceived, requested.RequestedAt, $"A referral from {returnCase.Country} awaits acknowledgement by {requested.AcknowledgeBy:yyyy-MM-dd HH:mm} UTC.")],
            ReferralAnswerOverdue overdue =>
            [
                ToAgency(NoticeKind.AnswerReminder, overdue.EscalatedAt, $"Reminder: the {Describe(overdue.Awaiting)} was due {overdue.DueAt:yyyy-MM-dd HH:mm} UTC.") with
                {
                    Awaiting = overdue.Awaiting, DueAt = overdue.DueAt,
                },
                .. new[] { returnCase.Country, referral.ReceivingCountry }.Distinct().Select(country =>
                    Notice(NoticeKind.AnswerOverdueEscalation, returnCase, referral, country, null, Supervisors, overdue.EscalatedAt,
                        $"{referral.ReceivingAgency} ({referral.ReceivingCountry}) missed the {Describe(overdue.Awaiting)} due {overdue.DueAt:yyyy-MM-dd HH:mm} UTC.") with
                    {
                        Awaiting = overdue.Awaiting, DueAt = overdue.DueAt,
                    }),
            ],
            DisclosurePackageAmended amended => [ToAgency(NoticeKind.PackageAmended, amended.AmendedAt, amended.AnswerAgainBy is { } answerBy
                ? $"Revision {amended.Revision} of the disclosure package replaces the one you accepted: accept or decline it by {answerBy:yyyy-MM-dd HH:mm} UTC."
                : $"Revision {amended.Revision} of the disclosure package replaces the earlier one.") with
            {
                Awaiting = amended.AnswerAgainBy is null ? null : AwaitedAnswer.AcceptanceOrDecline, DueAt = amended.AnswerAgainBy,
            }],
            DisclosurePackageRevoked revoked =>
            [
                ToSending(NoticeKind.PackageRevoked, revoked.RevokedAt, "The person withdrew their consent to share with the receiving agency: it no longer holds the disclosure package."),
                ToAgency(NoticeKind.PackageRevoked, revoked.RevokedAt, "The person withdrew their consent to share: the disclosure package is no longer available. The return and reintegration go on with the person directly."),
            ],
            ReferralAccepted accepted => [ToSending(NoticeKind.ReferralAccepted, accepted.AcceptedAt, $"{referral.ReceivingAgency} accepted the referral.")],
            ReferralDeclined declined => [ToSending(NoticeKind.ReferralDeclined, declined.DeclinedAt, $"{referral.ReceivingAgency} declined the referral.")],
            ReferralWithdrawn withdrawn =>
            [
                ToSending(NoticeKind.ReferralWithdrawn, withdrawn.WithdrawnAt, $"The referral stopped: {Describe(withdrawn.Cause)}."),
                ToAgency(NoticeKind.ReferralWithdrawn, withdrawn.WithdrawnAt, $"The referral stopped ({Describe(withdrawn.Cause)}); its disclosure package is no longer available."),
            ],
            TravelSuspended suspended =>
            [
                ToSending(NoticeKind.TravelSuspended, suspended.SuspendedAt, $"Travel suspended; broken gates: {string.Join(", ", suspended.BrokenGates)}."),
                ToAgency(NoticeKind.TravelSuspended, suspended.SuspendedAt, $"Travel suspended; broken gates: {string.Join(", ", suspended.BrokenGates)}."),
            ],
            VictimHandedOver handedOver => [ToSending(NoticeKind.HandoverConfirmed, handedOver.RecordedAt, $"{referral.ReceivingAgency} confirmed the handover.")],
            FollowUpVisitOverdue overdue =>
            [
                ToAgency(NoticeKind.FollowUpVisitOverdue, overdue.AlertedAt, $"The follow-up visit due {overdue.DueOn:yyyy-MM-dd} is not recorded."),
                Notice(NoticeKind.FollowUpVisitOverdue, returnCase, referral, referral.ReceivingCountry, null, Supervisors, overdue.AlertedAt,
                    $"{referral.ReceivingAgency}'s follow-up visit due {overdue.DueOn:yyyy-MM-dd} is not recorded."),
            ],
            _ => [],
        };
    }

    private static ReferralNotice Notice(
        NoticeKind kind, ReturnCase returnCase, Referral referral, string country, string? agency, IReadOnlyList<string> roles, DateTimeOffset at, string detail) =>
        new(Guid.NewGuid(), kind, returnCase.Id, referral.Id, returnCase.Reference, returnCase.Country, referral.ReceivingCountry, referral.ReceivingAgency,
            country, agency, roles, at, Awaiting: null, DueAt: null, detail);

    private static string Describe(AwaitedAnswer awaiting) => awaiting == AwaitedAnswer.Acknowledgement ? "acknowledgement" : "acceptance or decline";

    private static string Describe(WithdrawalCause cause) =>
        cause == WithdrawalCause.ConsentWithdrawn ? "the person withdrew their consent" : "the person withdrew their decision to return";
}

public sealed class ListNoticesValidator : AbstractValidator<Proto.ListNoticesRequest>
{
    public ListNoticesValidator() => RuleFor(x => x.Page).MustBePage();
}

public sealed partial class ReferralsService
{
    /// <summary>The caller's own notices: those of their role and country, and on the receiving side of their agency. Newest first.</summary>
    [Access(Roles.CaseWorker, Roles.Supervisor, Roles.ReceivingAgency)]
    public override async Task<Proto.NoticeList> ListNotices(Proto.ListNoticesRequest request, ServerCallContext context)
    {
        var caller = cases.Caller;
        var (page, size) = Paging.Of(request.Page);
        var notices = await cases.Session.Query<ReferralNotice>()
            .Where(n => n.AudienceCountry == caller.Country && n.AudienceRoles.Contains(caller.Role) && (n.AudienceAgency == null || n.AudienceAgency == caller.Agency))
            .OrderByDescending(n => n.RaisedAt)
            .ToPagedListAsync(page, size, context.CancellationToken);
        var list = new Proto.NoticeList { Page = new() { Page = page, PageSize = size, TotalItems = notices.TotalItemCount } };
        list.Notices.AddRange(notices.Select(n => new Proto.Notice
        {
            NoticeId = n.Id.ToString(),
            Kind = ProtoValues.ToProto<Proto.NoticeKind>(n.Kind),
            CaseId = n.CaseId.ToString(),
            ReferralId = n.ReferralId.ToString(),
            CaseReference = n.CaseReference,
            SendingCountry = n.SendingCountry,
            ReceivingCountry = n.ReceivingCountry,
            ReceivingAgency = n.ReceivingAgency,
            RaisedAt = Timestamp.FromDateTimeOffset(n.RaisedAt),
            Awaiting = n.Awaiting is { } awaiting ? ProtoValues.ToProto<Proto.AwaitedAnswer>(awaiting) : Proto.AwaitedAnswer.Unspecified,
            DueAt = n.DueAt is { } due ? Timestamp.FromDateTimeOffset(due) : null,
            Detail = n.Detail,
        }));
        return list;
    }
}
