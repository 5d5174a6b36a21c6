using Grpc.Core;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Repatriation.Tests.ReturnCases;
using TipReferral.Testing;
using static TipReferral.Repatriation.Tests.ReturnCases.ReferralSteps;
using ReturnGates = TipReferral.Repatriation.ReturnCases.ReturnGates;

namespace TipReferral.Repatriation.Tests.EndToEnd;

/// <summary>
/// A child travels only with a positive best-interests determination, a suitable family or an
/// alternative care arrangement to go to, and an escort. The other services add nothing here:
/// their facts arrive as their integration events.
/// </summary>
public sealed class ChildReturnTests(RepatriationService service) : IClassFixture<RepatriationService>
{
    private static readonly DemoUser CaseWorker = RepatriationService.CaseWorkerInItaly;
    private static readonly DemoUser Agency = RepatriationService.AgencyInNigeria;

    private static readonly string[] ChildGates = [ReturnGates.ChildBestInterests, ReturnGates.ChildCareOnArrival, ReturnGates.ChildEscort];

    [Fact]
    public async Task Travel_is_refused_without_a_positive_determination_and_a_suitable_family_and_allowed_with_both_and_an_escort()
    {
        var caseId = await AChildReadyButForTheChildSafeguardsAsync();
        var travel = service.TravelFor(CaseWorker);
        await RefusedNamingOnlyAsync(caseId, withEscort: false, ChildGates);

        await DetermineBestInterestsAsync(caseId, returnInBestInterests: false);
        await service.ClientFor<ChildSafeguards.ChildSafeguardsClient>(Agency).RecordFamilyTracingAsync(new RecordFamilyTracingRequest
        {
            CaseId = caseId,
            Outcome = FamilyTracingOutcome.FoundSuitable,
            Notes = "Mother and aunt in Benin City, assessed by a social worker.",
        });
        await RefusedNamingOnlyAsync(caseId, withEscort: true, ReturnGates.ChildBestInterests);

        await DetermineBestInterestsAsync(caseId, returnInBestInterests: true);
        await RefusedNamingOnlyAsync(caseId, withEscort: false, ReturnGates.ChildEscort);

        await travel.ScheduleTravelAsync(Escorted(ReferralSteps.Schedule(caseId)));
        (await StatusOfAsync(service, caseId)).ShouldBe(ReferralStatus.TravelScheduled);
    }

    [Fact]
    public async Task A_family_found_not_suitable_leaves_the_child_without_care_on_arrival_until_alternative_care_is_recorded()
    {
        var caseId = await AChildReadyButForTheChildSafeguardsAsync();
        await DetermineBestInterestsAsync(caseId, returnInBestInterests: true);
        var safeguards = service.ClientFor<ChildSafeguards.ChildSafeguardsClient>(Agency);
        await safeguards.RecordFamilyTracingAsync(new RecordFamilyTracingRequest
        {
            CaseId = caseId,
            Outcome = FamilyTracingOutcome.FoundNotSuitable,
            Notes = "The uncle who sold her still lives in the household.",
        });
        await RefusedNamingOnlyAsync(caseId, withEscort: true, ReturnGates.ChildCareOnArrival);

        await safeguards.RecordAlternativeCareAsync(new RecordAlternativeCareRequest
        {
            CaseId = caseId,
            Arrangement = "Foster family, assessed and trained.",
            Provider = "Edo State Ministry of Social Development",
        });

        await service.TravelFor(CaseWorker).ScheduleTravelAsync(Escorted(ReferralSteps.Schedule(caseId)));
        (await StatusOfAsync(service, caseId)).ShouldBe(ReferralStatus.TravelScheduled);
        var readiness = await service.TravelFor(CaseWorker).GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = caseId });
        readiness.Gates.Where(g => ChildGates.Contains(g.Name)).ShouldAllBe(g => g.State == GateState.Met);
    }

    /// <summary>A child's referral, accepted, assessed, documented and past the reflection period: only the child safeguards are missing.</summary>
    private async Task<string> AChildReadyButForTheChildSafeguardsAsync()
    {
        var caseId = await service.AVictimCaseAsync("IT", child: true);
        var agencyId = await service.AgencyIdOfAsync(Agency);
        await service.GiveConsentAsync(caseId, Agency, givenBy: "Guardian");
        await service.ReferralsFor(CaseWorker).RequestReferralAsync(RepatriationService.ReferralRequest(caseId, agencyId, child: true));
        await AcknowledgeAndAcceptAsync(service, caseId);
        await AssessRiskAndRecordTravelDocumentAsync(service, caseId);
        await service.EndReflectionPeriodAsync(caseId);
        return caseId;
    }

    private Task DetermineBestInterestsAsync(string caseId, bool returnInBestInterests) =>
        service.ClientFor<ChildSafeguards.ChildSafeguardsClient>(CaseWorker).RecordBestInterestsDeterminationAsync(new RecordBestInterestsDeterminationRequest
        {
            CaseId = caseId,
            Authority = "Tribunale per i minorenni di Torino",
            DeterminedOn = new Google.Type.Date { Year = 2026, Month = 1, Day = 20 },
            ReturnInBestInterests = returnInBestInterests,
            ChildsViews = "She wants to see her mother and go back to school.",
            GuardiansViews = "Supports return once care on arrival is assured.",
            Reasons = returnInBestInterests ? "Family found suitable; school place arranged." : "Care on arrival not yet assessed.",
        }).ResponseAsync;

    /// <summary>Scheduling is refused with FailedPrecondition naming exactly <paramref name="gates"/>, and the referral stays accepted.</summary>
    private async Task RefusedNamingOnlyAsync(string caseId, bool withEscort, params string[] gates)
    {
        var request = ReferralSteps.Schedule(caseId);
        var refused = await Should.ThrowAsync<RpcException>(() => service.TravelFor(CaseWorker).ScheduleTravelAsync(withEscort ? Escorted(request) : request).ResponseAsync);
        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        ReturnGates.All.Where(refused.Status.Detail.Contains).ShouldBe(gates, ignoreOrder: true, refused.Status.Detail);
        (await StatusOfAsync(service, caseId)).ShouldBe(ReferralStatus.Accepted);
    }

    private static ScheduleTravelRequest Escorted(ScheduleTravelRequest request)
    {
        request.Escort = new Escort { Name = "Grace Idahosa", Organisation = "IOM Nigeria" };
        return request;
    }
}
