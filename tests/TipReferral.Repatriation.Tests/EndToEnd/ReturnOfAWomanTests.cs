using Grpc.Core;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Domain;
using TipReferral.Repatriation.Tests.ReturnCases;
using TipReferral.Testing;
using static TipReferral.Repatriation.Tests.ReturnCases.ReferralSteps;
using ReturnGates = TipReferral.Repatriation.ReturnCases.ReturnGates;

namespace TipReferral.Repatriation.Tests.EndToEnd;

/// <summary>
/// Two countries, through the real gRPC APIs of all four services and the real broker: a woman
/// identified and sheltered in Italy returns to Nigeria once her reflection period is over, and
/// every gate shows who set it.
/// </summary>
[Collection(FourServicesCollection.Name)]
public sealed class ReturnOfAWomanTests(FourServices world)
{
    private static readonly DemoUser CaseWorker = RepatriationService.CaseWorkerInItaly;
    private static readonly DemoUser Agency = RepatriationService.AgencyInNigeria;

    private RepatriationServiceOnTestClock Repatriation => world.Repatriation;

    [Fact]
    public async Task A_referral_made_during_her_reflection_period_travels_only_after_it_ends_and_goes_on_to_closure()
    {
        var woman = await world.AWomanShelteredInItalyAsync(Agency);
        var caseId = woman.CaseId;
        var agencyId = await Repatriation.AgencyIdOfAsync(Agency);

        var travel = Repatriation.TravelFor(CaseWorker);
        var running = GateOf(await travel.GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = caseId }), ReturnGates.ReflectionPeriod);
        running.State.ShouldBe(GateState.NotMet);
        (running.SetBy.Service, running.SetBy.EventType).ShouldBe(("shelter", "ReflectionPeriodStarted"));
        var refused = await Should.ThrowAsync<RpcException>(() => world.RequestReferralOnceConsentArrivedAsync(caseId, agencyId));
        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Status.Detail.ShouldContain(ReturnGates.ReflectionPeriod);
        ReturnGates.All.Where(g => g != ReturnGates.ReflectionPeriod).ShouldAllBe(g => !refused.Status.Detail.Contains(g), "Only the reflection period stands in the way");
        (await Repatriation.LoadAsync(caseId))!.Referral.ShouldBeNull("A refused referral stores nothing");

        await world.EndReflectionPeriodAtHerRequestAsync(caseId);

        var requested = await world.RequestReferralOnceConsentArrivedAsync(caseId, agencyId);
        (await StatusOfAsync(Repatriation, caseId)).ShouldBe(ReferralStatus.Requested);
        (await Repatriation.ReferralsFor(Agency).GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId })).SignedByCountry.ShouldBe("IT");
        await AcknowledgeAndAcceptAsync(Repatriation, caseId);
        (await StatusOfAsync(Repatriation, caseId)).ShouldBe(ReferralStatus.Accepted);
        await AssessRiskAndRecordTravelDocumentAsync(Repatriation, caseId);

        var readiness = await travel.GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = caseId });
        readiness.Ready.ShouldBeTrue(string.Join("; ", readiness.Gates.Select(g => $"{g.Name}={g.State} {g.Detail}")));
        readiness.ReferralId.ShouldBe(requested.ReferralId);
        readiness.Gates.Select(g => g.Name).ShouldBe(ReturnGates.All, ignoreOrder: true);
        readiness.Gates.Where(g => g.Name is ReturnGates.ChildBestInterests or ReturnGates.ChildCareOnArrival or ReturnGates.ChildEscort)
            .ShouldAllBe(g => g.State == GateState.NotApplicable, "She is an adult");
        readiness.Gates.Where(g => g.Name is not (ReturnGates.ChildBestInterests or ReturnGates.ChildCareOnArrival or ReturnGates.ChildEscort))
            .ShouldAllBe(g => g.State == GateState.Met);

        var reflection = GateOf(readiness, ReturnGates.ReflectionPeriod).SetBy;
        (reflection.Service, reflection.EventType).ShouldBe(("shelter", "ReflectionPeriodEnded"));
        (reflection.Actor.UserId, reflection.Actor.Role, reflection.Actor.Agency, reflection.Actor.Country)
            .ShouldBe((FourServices.ShelterStaffInItaly.Username, Roles.ShelterStaff, FourServices.ShelterStaffInItaly.Agency, "IT"));
        var consent = GateOf(readiness, ReturnGates.Consent).SetBy;
        (consent.Service, consent.EventType, consent.Actor.Role).ShouldBe(("identification", "ConsentGiven", "Person"));
        var accepted = GateOf(readiness, ReturnGates.Accepted).SetBy;
        (accepted.Service, accepted.EventType, accepted.Actor.UserId, accepted.Actor.Country).ShouldBe(("repatriation", "ReferralAccepted", Agency.Username, "NG"));
        var risk = GateOf(readiness, ReturnGates.Risk).SetBy;
        (risk.Service, risk.Actor.Role).ShouldBe(("repatriation", Roles.ReceivingAgency), "The receiving side's contribution completed the joint assessment");
        var document = GateOf(readiness, ReturnGates.TravelDocument).SetBy;
        (document.Service, document.EventType, document.Actor.UserId).ShouldBe(("repatriation", "TravelDocumentRecorded", CaseWorker.Username));
        GateOf(readiness, ReturnGates.NoLegalHold).SetBy.ShouldBeNull("No hold was ever placed");

        await travel.ScheduleTravelAsync(ReferralSteps.Schedule(caseId));
        (await StatusOfAsync(Repatriation, caseId)).ShouldBe(ReferralStatus.TravelScheduled);
        await travel.RecordDepartureAsync(new RecordDepartureRequest { CaseId = caseId });
        (await StatusOfAsync(Repatriation, caseId)).ShouldBe(ReferralStatus.Departed);
        await Repatriation.TravelFor(Agency).ConfirmHandoverAsync(new ConfirmHandoverRequest
        {
            CaseId = caseId,
            ReceivedBy = "Hauwa Musa",
            Place = "Nnamdi Azikiwe Airport, Abuja",
            HandedOverAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(world.Clock.GetUtcNow()),
        });
        (await StatusOfAsync(Repatriation, caseId)).ShouldBe(ReferralStatus.HandedOver);
        (await NoticesOfAsync(Repatriation, CaseWorker, caseId)).Select(n => n.Kind).ShouldContain(NoticeKind.HandoverConfirmed);

        await ReintegrateAndCloseAsync(Repatriation, caseId);

        var referral = await Repatriation.ReferralsFor(CaseWorker).GetReferralAsync(new GetReferralRequest { CaseId = caseId });
        (referral.Status, referral.ReferralId, referral.SendingCountry, referral.ReceivingCountry, referral.ContactPerson)
            .ShouldBe((ReferralStatus.Closed, requested.ReferralId, "IT", "NG", "Hauwa Musa"));

        await TheWholeHistoryListsEveryStepWithItsActorAsync(caseId);
    }

    /// <summary>The identification service's merge of all four services' trails, as the Italian supervisor sees it.</summary>
    private async Task TheWholeHistoryListsEveryStepWithItsActorAsync(string caseId)
    {
        var history = await world.WholeHistoryFor(FourServices.SupervisorInItaly).GetWholeCaseHistoryAsync(new Contracts.Identification.V1.GetWholeCaseHistoryRequest { CaseId = caseId });
        history.Complete.ShouldBeTrue(string.Join("; ", history.Sources.Select(s => $"{s.Service}={s.State} {s.Detail}")));
        history.Entries.Select(e => e.OccurredAt.ToDateTimeOffset()).ShouldBeInOrder();
        history.Entries.Select(e => e.Service).Distinct().ShouldBe(["identification", "shelter", "legal-assistance", "repatriation"], ignoreOrder: true);
        string ActorOf(string service, string eventType) =>
            history.Entries.First(e => e.Service == service && e.EventType == eventType) is var entry ? $"{entry.Actor.UserId}|{entry.Actor.Role}|{entry.Actor.Country}" : "";
        ActorOf("identification", "ConsentRecorded").ShouldStartWith(FourServices.ScreenerInItaly.Username + "|");
        ActorOf("shelter", "ReflectionPeriodEndedAtPersonsRequest").ShouldBe($"{FourServices.ShelterStaffInItaly.Username}|{Roles.ShelterStaff}|IT");
        ActorOf("repatriation", "ReferralRequested").ShouldBe($"{CaseWorker.Username}|{Roles.CaseWorker}|IT");
        ActorOf("repatriation", "ReferralAccepted").ShouldBe($"{Agency.Username}|{Roles.ReceivingAgency}|NG");
        ActorOf("repatriation", "TravelScheduled").ShouldBe($"{CaseWorker.Username}|{Roles.CaseWorker}|IT");
        ActorOf("repatriation", "VictimDeparted").ShouldBe($"{CaseWorker.Username}|{Roles.CaseWorker}|IT");
        ActorOf("repatriation", "VictimHandedOver").ShouldBe($"{Agency.Username}|{Roles.ReceivingAgency}|NG");
        ActorOf("repatriation", "FollowUpVisitRecorded").ShouldBe($"{Agency.Username}|{Roles.ReceivingAgency}|NG");
        ActorOf("repatriation", "ReturnCaseClosed").ShouldBe($"{Agency.Username}|{Roles.ReceivingAgency}|NG");
    }

    private static Gate GateOf(ReturnReadiness readiness, string name) => readiness.Gates.Single(g => g.Name == name);
}
