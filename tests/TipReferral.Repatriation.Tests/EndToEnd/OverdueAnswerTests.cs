using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Domain;
using TipReferral.Testing;
using static TipReferral.Repatriation.Tests.ReturnCases.ReferralSteps;
using ReferralAnswerOverdue = TipReferral.Repatriation.ReturnCases.ReferralAnswerOverdue;

namespace TipReferral.Repatriation.Tests.EndToEnd;

/// <summary>
/// An unanswered referral escalates on the test clock, through the shared timers: a reminder to
/// the Nigerian agency (3 days to acknowledge, as the fixture configures Nigeria) and an
/// escalation to the Supervisors of both countries, once.
/// </summary>
public sealed class OverdueAnswerTests(RepatriationServiceOnTestClock service) : IClassFixture<RepatriationServiceOnTestClock>
{
    private static readonly DemoUser CaseWorker = RepatriationService.CaseWorkerInItaly;
    private static readonly DemoUser Agency = RepatriationService.AgencyInNigeria;
    private static readonly DemoUser SupervisorInItaly = DemoUsers.For(Roles.Supervisor, "IT");
    private static readonly DemoUser SupervisorInNigeria = DemoUsers.For(Roles.Supervisor, "NG");

    [Fact]
    public async Task An_acknowledgement_not_given_within_three_days_reminds_the_agency_and_escalates_to_both_countries_supervisors_once()
    {
        var caseId = await service.AVictimCaseAsync("IT");
        var agencyId = await service.AgencyIdOfAsync(Agency);
        await service.GiveConsentAsync(caseId, Agency);
        await service.ReferralsFor(CaseWorker).RequestReferralAsync(RepatriationService.ReferralRequest(caseId, agencyId));
        var referral = await service.ReferralsFor(CaseWorker).GetReferralAsync(new GetReferralRequest { CaseId = caseId });
        var acknowledgeBy = referral.AcknowledgeBy.ToDateTimeOffset();
        acknowledgeBy.ShouldBe(referral.RequestedAt.ToDateTimeOffset().AddDays(3));

        await service.AdvanceAndFireAsync(acknowledgeBy - service.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        (await NoticesOfAsync(service, Agency, caseId)).Select(n => n.Kind).ShouldBe([NoticeKind.ReferralReceived], "Nothing is overdue a minute before the deadline");

        service.TestClock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.HoldsAsync(async () =>
        {
            await service.AdvanceAndFireAsync(TimeSpan.Zero);
            return (await NoticesOfAsync(service, Agency, caseId)).Any(n => n.Kind == NoticeKind.AnswerReminder);
        }, "The overdue acknowledgement's reminder");

        var reminder = (await NoticesOfAsync(service, Agency, caseId)).Single(n => n.Kind == NoticeKind.AnswerReminder);
        (reminder.Awaiting, reminder.DueAt.ToDateTimeOffset()).ShouldBe((AwaitedAnswer.Acknowledgement, acknowledgeBy));
        foreach (var supervisor in new[] { SupervisorInItaly, SupervisorInNigeria })
        {
            var escalation = (await NoticesOfAsync(service, supervisor, caseId)).Where(n => n.Kind == NoticeKind.AnswerOverdueEscalation)
                .ShouldHaveSingleItem($"The supervisors of {supervisor.Country} are told");
            (escalation.Awaiting, escalation.ReceivingAgency).ShouldBe((AwaitedAnswer.Acknowledgement, Agency.Agency));
        }

        (await NoticesOfAsync(service, CaseWorker, caseId)).ShouldNotContain(n => n.Kind == NoticeKind.AnswerOverdueEscalation, "Escalation goes to supervisors");
        var published = await service.AnswerOverdue.WaitForAsync(e => e.CaseId == Guid.Parse(caseId));
        (published.Awaiting, published.ReceivingCountry, published.DueAt).ShouldBe(("ACKNOWLEDGEMENT", "NG", acknowledgeBy));

        var noticesBefore = await AllNoticesAsync(caseId);
        await service.AdvanceAndFireAsync(TimeSpan.FromDays(1));
        (await AllNoticesAsync(caseId)).ShouldBe(noticesBefore);
        await using var session = service.Store.QuerySession();
        (await session.Events.FetchStreamAsync(Guid.Parse(caseId))).Count(e => e.Data is ReferralAnswerOverdue).ShouldBe(1);
        service.AnswerOverdue.Deliveries.Count(d => d.Message.CaseId == Guid.Parse(caseId)).ShouldBe(1);
    }

    private async Task<IReadOnlyList<string>> AllNoticesAsync(string caseId)
    {
        var all = new List<string>();
        foreach (var user in new[] { Agency, CaseWorker, SupervisorInItaly, SupervisorInNigeria })
        {
            all.AddRange((await NoticesOfAsync(service, user, caseId)).Select(n => n.NoticeId));
        }

        return all;
    }
}
