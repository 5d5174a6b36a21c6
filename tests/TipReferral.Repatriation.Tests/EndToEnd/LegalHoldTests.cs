using Grpc.Core;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Domain;
using TipReferral.Repatriation.Tests.ReturnCases;
using TipReferral.Testing;
using static TipReferral.Repatriation.Tests.ReturnCases.ReferralSteps;
using ReturnGates = TipReferral.Repatriation.ReturnCases.ReturnGates;

namespace TipReferral.Repatriation.Tests.EndToEnd;

/// <summary>A prosecutor's hold, placed in the legal-assistance service after travel was scheduled, stops the travel; its release lets it go ahead.</summary>
[Collection(FourServicesCollection.Name)]
public sealed class LegalHoldTests(FourServices world)
{
    private static readonly DemoUser CaseWorker = RepatriationService.CaseWorkerInItaly;
    private static readonly DemoUser Agency = RepatriationService.AgencyInNigeria;
    private static readonly DemoUser Prosecutor = FourServices.ProsecutorInItaly;

    private RepatriationServiceOnTestClock Repatriation => world.Repatriation;

    [Fact]
    public async Task A_hold_placed_after_travel_was_scheduled_suspends_it_tells_both_sides_and_its_release_lets_travel_be_rescheduled()
    {
        var caseId = (await world.AWomanShelteredInItalyAsync(Agency)).CaseId;
        var agencyId = await Repatriation.AgencyIdOfAsync(Agency);
        await world.EndReflectionPeriodAtHerRequestAsync(caseId);
        var requested = await world.RequestReferralOnceConsentArrivedAsync(caseId, agencyId);
        await AcknowledgeAndAcceptAsync(Repatriation, caseId);
        await AssessRiskAndRecordTravelDocumentAsync(Repatriation, caseId);
        var travel = Repatriation.TravelFor(CaseWorker);
        await travel.ScheduleTravelAsync(ReferralSteps.Schedule(caseId));

        var legalCaseId = await OpenLegalCaseOnceKnownAsync(caseId);
        var holds = world.LegalClientFor<LegalHolds.LegalHoldsClient>(Prosecutor);
        var reviewOn = DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime).AddDays(90);
        var hold = await holds.PlaceLegalHoldAsync(new PlaceLegalHoldRequest
        {
            CaseId = caseId,
            LegalCaseId = legalCaseId,
            ReviewOn = new Google.Type.Date { Year = reviewOn.Year, Month = reviewOn.Month, Day = reviewOn.Day },
            Reason = "Her testimony is needed at the preliminary hearing.",
        });

        await Eventually.HoldsAsync(async () => await StatusOfAsync(Repatriation, caseId) == ReferralStatus.TravelSuspended, "The hold suspending the travel");
        var suspended = await Repatriation.TravelSuspended.WaitForAsync(e => e.CaseId == Guid.Parse(caseId));
        (suspended.ReferralId.ToString(), suspended.SendingCountry, suspended.ReceivingCountry).ShouldBe((requested.ReferralId, "IT", "NG"));
        suspended.BrokenGates.ShouldBe([ReturnGates.NoLegalHold]);
        foreach (var side in new[] { CaseWorker, Agency })
        {
            var notice = (await NoticesOfAsync(Repatriation, side, caseId)).Where(n => n.Kind == NoticeKind.TravelSuspended).ShouldHaveSingleItem($"{side.Username} is told");
            notice.Detail.ShouldContain(ReturnGates.NoLegalHold);
            notice.ReferralId.ShouldBe(requested.ReferralId);
        }

        var held = (await travel.GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = caseId })).Gates.Single(g => g.Name == ReturnGates.NoLegalHold);
        held.State.ShouldBe(GateState.NotMet);
        (held.SetBy.Service, held.SetBy.EventType, held.SetBy.Actor.UserId).ShouldBe(("legal-assistance", "LegalHoldPlaced", Prosecutor.Username));
        var refused = await Should.ThrowAsync<RpcException>(() => travel.ScheduleTravelAsync(ReferralSteps.Schedule(caseId)).ResponseAsync);
        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Status.Detail.ShouldContain(ReturnGates.NoLegalHold);

        await holds.ReleaseLegalHoldAsync(new ReleaseLegalHoldRequest { CaseId = caseId, HoldId = hold.HoldId, Reason = "She testified by video link." });
        await Eventually.HoldsAsync(
            async () => (await travel.GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = caseId })).Ready,
            "The release reaching the repatriation service");
        await travel.ScheduleTravelAsync(ReferralSteps.Schedule(caseId));
        (await StatusOfAsync(Repatriation, caseId)).ShouldBe(ReferralStatus.TravelScheduled);
        Repatriation.TravelSuspended.Deliveries.Count(d => d.Message.CaseId == Guid.Parse(caseId)).ShouldBe(1);
    }

    /// <summary>The prosecutor opens a legal case as soon as the legal-assistance service has heard of the victim case.</summary>
    private async Task<string> OpenLegalCaseOnceKnownAsync(string caseId)
    {
        var request = new OpenLegalCaseRequest
        {
            CaseId = caseId,
            Jurisdiction = new Jurisdiction { Country = "IT", AuthorityKind = AuthorityKind.ProsecutorsOffice, AuthorityName = Prosecutor.Agency },
            AuthorityCaseNumber = "RG 4411/2026",
            Offences = { Offence.TraffickingInPersons },
            VictimRoles = { VictimRole.Witness },
        };
        string? legalCaseId = null;
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                legalCaseId = (await world.LegalClientFor<LegalCases.LegalCasesClient>(Prosecutor).OpenLegalCaseAsync(request)).LegalCaseId;
                return true;
            }
            catch (RpcException notYet) when (notYet.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
        }, "The case reaching the legal-assistance service");
        return legalCaseId!;
    }
}
