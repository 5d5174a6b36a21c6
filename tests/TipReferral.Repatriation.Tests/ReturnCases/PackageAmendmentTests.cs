using Grpc.Core;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.PersonalData;
using TipReferral.Repatriation.SignedDocuments;
using TipReferral.Testing;
using static TipReferral.Repatriation.Tests.ReturnCases.ReferralSteps;
using ReferralAccepted = TipReferral.Repatriation.ReturnCases.ReferralAccepted;
using Referring = TipReferral.Repatriation.ReturnCases.Referring;
using ReturnGates = TipReferral.Repatriation.ReturnCases.ReturnGates;

namespace TipReferral.Repatriation.Tests.ReturnCases;

/// <summary>The versioned package through the real gRPC API: amended after travel was scheduled, read by the agency, answered again.</summary>
public sealed class PackageAmendmentTests(RepatriationService service) : IClassFixture<RepatriationService>
{
    private const string NewHealthNeeds = "Pregnant, about 20 weeks: antenatal care on arrival.";

    private static readonly DemoUser CaseWorker = RepatriationService.CaseWorkerInItaly;
    private static readonly DemoUser Agency = RepatriationService.AgencyInNigeria;

    private static AmendDisclosurePackageRequest Amendment(string caseId, long? expectedVersion = null)
    {
        var package = RepatriationService.ReferralRequest(caseId, Guid.Empty.ToString()).Package;
        package.HealthNeeds = NewHealthNeeds;
        var amendment = new AmendDisclosurePackageRequest { CaseId = caseId, Package = package, Reason = "A medical check found she is pregnant." };
        if (expectedVersion is { } version)
        {
            amendment.ExpectedVersion = version;
        }

        return amendment;
    }

    private async Task<string> AScheduledTravelAsync()
    {
        var caseId = await service.AReferredCaseAsync("IT", Agency);
        await AcceptAndScheduleTravelAsync(service, caseId);
        return caseId;
    }

    private async Task<int> RevisionAnsweredByLastAcceptanceAsync(string caseId)
    {
        using var personalData = PersonalDataScope.Begin();
        await using var session = service.Store.QuerySession();
        await service.Services.GetRequiredService<ICaseKeys>().UnlockAsync(session, [Guid.Parse(caseId)], CancellationToken.None);
        var events = await session.Events.FetchStreamAsync(Guid.Parse(caseId));
        var accepted = events.Select(e => e.Data).OfType<ReferralAccepted>().Last();
        return service.Services.GetRequiredService<ReferralDocuments>().Verify(accepted.Document).Revision;
    }

    [Fact]
    public async Task An_amended_package_replaces_the_agencys_copy_suspends_the_scheduled_travel_and_needs_a_new_acceptance()
    {
        var caseId = await AScheduledTravelAsync();
        var version = (await service.LoadAsync(caseId))!.Version;

        await service.ReferralsFor(CaseWorker).AmendDisclosurePackageAsync(Amendment(caseId, version));

        var package = await service.ReferralsFor(Agency).GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId });
        package.Revision.ShouldBe(2);
        package.Package.HealthNeeds.ShouldBe(NewHealthNeeds);
        package.SignedByCountry.ShouldBe("IT");
        service.Services.GetRequiredService<ReferralDocuments>().Verify(package.SignedDocument).Revision.ShouldBe(2);

        var referral = await service.ReferralsFor(Agency).GetReferralAsync(new GetReferralRequest { CaseId = caseId });
        referral.Status.ShouldBe(ReferralStatus.Acknowledged);
        referral.PackageRevision.ShouldBe(2);
        var notices = await NoticesOfAsync(service, Agency, caseId);
        notices.ShouldContain(n => n.Kind == NoticeKind.PackageAmended && n.Awaiting == AwaitedAnswer.AcceptanceOrDecline && n.DueAt != null);
        notices.ShouldContain(n => n.Kind == NoticeKind.TravelSuspended && n.Detail.Contains(ReturnGates.Accepted));
        (await NoticesOfAsync(service, CaseWorker, caseId)).ShouldContain(n => n.Kind == NoticeKind.TravelSuspended);

        var travel = service.TravelFor(CaseWorker);
        var readiness = await travel.GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = caseId });
        var acceptance = readiness.Gates.Single(g => g.Name == ReturnGates.Accepted);
        acceptance.State.ShouldBe(GateState.NotMet);
        acceptance.SetBy.EventType.ShouldBe("DisclosurePackageAmended");
        var refused = await Should.ThrowAsync<RpcException>(() => travel.ScheduleTravelAsync(Schedule(caseId)).ResponseAsync);
        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Status.Detail.ShouldContain(ReturnGates.Accepted);

        await service.ReferralsFor(Agency).AcceptReferralAsync(new AcceptReferralRequest { CaseId = caseId, Note = "Antenatal care arranged in Abuja." });
        (await RevisionAnsweredByLastAcceptanceAsync(caseId)).ShouldBe(2);
        await travel.ScheduleTravelAsync(Schedule(caseId));
        (await StatusOfAsync(service, caseId)).ShouldBe(ReferralStatus.TravelScheduled);
    }

    [Fact]
    public async Task Before_the_agency_answered_an_amendment_only_replaces_the_package()
    {
        var caseId = await service.AReferredCaseAsync("IT", Agency);

        await service.ReferralsFor(CaseWorker).AmendDisclosurePackageAsync(Amendment(caseId));

        (await StatusOfAsync(service, caseId)).ShouldBe(ReferralStatus.Requested);
        var package = await service.ReferralsFor(Agency).GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId });
        package.Revision.ShouldBe(2);
        package.Package.HealthNeeds.ShouldBe(NewHealthNeeds);
        (await NoticesOfAsync(service, Agency, caseId)).ShouldContain(n => n.Kind == NoticeKind.PackageAmended && n.Awaiting == AwaitedAnswer.Unspecified);
    }

    [Fact]
    public async Task After_departure_the_package_stays_as_it_was_and_nothing_is_stored()
    {
        var caseId = await AScheduledTravelAsync();
        await service.TravelFor(CaseWorker).RecordDepartureAsync(new RecordDepartureRequest { CaseId = caseId });
        var version = (await service.LoadAsync(caseId))!.Version;

        var refused = await Should.ThrowAsync<RpcException>(() => service.ReferralsFor(CaseWorker).AmendDisclosurePackageAsync(Amendment(caseId)).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        Refusals.RuleOf(refused).ShouldBe(Referring.AlreadyDepartedRule);
        (await service.LoadAsync(caseId))!.Version.ShouldBe(version);
        (await service.ReferralsFor(Agency).GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId })).Revision.ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_version_is_aborted_and_nothing_is_stored()
    {
        var caseId = await service.AReferredCaseAsync("IT", Agency);
        var version = (await service.LoadAsync(caseId))!.Version;

        var refused = await Should.ThrowAsync<RpcException>(
            () => service.ReferralsFor(CaseWorker).AmendDisclosurePackageAsync(Amendment(caseId, version - 1)).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.Aborted);
        (await service.LoadAsync(caseId))!.Version.ShouldBe(version);
    }
}
