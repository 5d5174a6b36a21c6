using Grpc.Core;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Testing;
using static TipReferral.Repatriation.Tests.ReturnCases.ReferralSteps;
using ReceivedReferral = TipReferral.Repatriation.ReturnCases.ReceivedReferral;

namespace TipReferral.Repatriation.Tests.EndToEnd;

/// <summary>Consent withdrawn in the identification service stops the referral, and the receiving agency loses the package at once.</summary>
[Collection(FourServicesCollection.Name)]
public sealed class ConsentWithdrawalTests(FourServices world)
{
    private static readonly DemoUser CaseWorker = RepatriationService.CaseWorkerInItaly;
    private static readonly DemoUser Agency = RepatriationService.AgencyInNigeria;

    private RepatriationServiceOnTestClock Repatriation => world.Repatriation;

    [Fact]
    public async Task Consent_withdrawn_mid_referral_stops_it_and_the_receiving_agency_can_no_longer_read_the_package()
    {
        var woman = await world.AWomanShelteredInItalyAsync(Agency);
        var caseId = woman.CaseId;
        await world.EndReflectionPeriodAtHerRequestAsync(caseId);
        var requested = await world.RequestReferralOnceConsentArrivedAsync(caseId, await Repatriation.AgencyIdOfAsync(Agency));
        await AcknowledgeAndAcceptAsync(Repatriation, caseId);
        var agency = Repatriation.ReferralsFor(Agency);
        (await agency.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId })).Package.Identity.FamilyName.ShouldBe("Okoro");
        (await ReceivedReferralAsync(requested.ReferralId)).ShouldNotBeNull("The receiving side holds its copy until the referral stops");

        await world.IdentificationFor(CaseWorker).WithdrawConsentAsync(new WithdrawConsentRequest
        {
            CaseId = caseId,
            ConsentId = woman.ConsentId,
            Reason = "She wants to stay in Italy after all.",
        });

        await Eventually.HoldsAsync(async () => await StatusOfAsync(Repatriation, caseId) == ReferralStatus.Withdrawn, "The withdrawal stopping the referral");
        var denied = await Should.ThrowAsync<RpcException>(() => agency.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId }).ResponseAsync);
        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        denied.Status.Detail.ShouldNotContain("Okoro");
        (await ReceivedReferralAsync(requested.ReferralId)).ShouldBeNull("The receiving side's copy of the package is purged");
        (await NoticesOfAsync(Repatriation, CaseWorker, caseId)).ShouldContain(n => n.Kind == NoticeKind.ReferralWithdrawn);
        (await NoticesOfAsync(Repatriation, Agency, caseId)).ShouldContain(n => n.Kind == NoticeKind.ReferralWithdrawn);
    }

    private async Task<ReceivedReferral?> ReceivedReferralAsync(string referralId)
    {
        await using var session = Repatriation.Store.QuerySession();
        return await session.LoadAsync<ReceivedReferral>(Guid.Parse(referralId));
    }
}
