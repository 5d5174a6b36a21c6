using Google.Rpc;
using Grpc.Core;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Domain;
using TipReferral.Repatriation.ReturnCases;
using TipReferral.Testing;
using AccessDeniedException = TipReferral.ServiceDefaults.Access.AccessDeniedException;
using StatusCode = Grpc.Core.StatusCode;

namespace TipReferral.Repatriation.Tests.Security;

/// <summary>
/// Of an Italian case referred to Nigeria, the named Nigerian agency sees the package and its own
/// part of the referral; another Nigerian agency sees nothing, nor does a third country.
/// </summary>
public sealed class ReceivingSideTests(RepatriationService service) : IClassFixture<RepatriationService>
{
    private static readonly DemoUser Agency = RepatriationService.AgencyInNigeria;
    private static readonly DemoUser OtherNigerianAgency = DemoUsers.Named("receivingagency.benin.ng");
    private static readonly DemoUser GhanaianCaseWorker = DemoUsers.For(Roles.CaseWorker, "GH");

    [Fact]
    public async Task The_receiving_agency_reads_the_package_and_its_referral_but_not_the_case_history()
    {
        var caseId = await service.AReferredCaseAsync("IT", Agency);
        var referrals = service.ReferralsFor(Agency);

        (await referrals.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId })).Package.Identity.FamilyName.ShouldBe("Okoro");
        var referral = await referrals.GetReferralAsync(new GetReferralRequest { CaseId = caseId });
        referral.ReceivingAgency.ShouldBe(Agency.Agency);
        referral.Status.ShouldBe(Contracts.Repatriation.V1.ReferralStatus.Requested);

        var history = await Should.ThrowAsync<RpcException>(() => service.ClientFor<RepatriationCases.RepatriationCasesClient>(Agency)
            .GetCaseHistoryAsync(new GetRepatriationCaseHistoryRequest { CaseId = caseId }).ResponseAsync);
        Refusals.RuleOf(history).ShouldBe(AccessDeniedException.RoleNotPermittedRule);
    }

    [Fact]
    public async Task The_receiving_agency_is_not_told_why_the_person_withdrew()
    {
        var caseId = await service.AReferredCaseAsync("IT", Agency);
        const string Why = "I met my sister again in Turin and want to stay near her.";
        await service.ReferralsFor(RepatriationService.CaseWorkerInItaly).WithdrawReturnDecisionAsync(new WithdrawReturnDecisionRequest { CaseId = caseId, Reason = Why });

        var seen = await service.ReferralsFor(Agency).GetReferralAsync(new GetReferralRequest { CaseId = caseId });
        seen.Status.ShouldBe(Contracts.Repatriation.V1.ReferralStatus.Withdrawn);
        seen.Reason.ShouldBeEmpty();
        (await service.ReferralsFor(RepatriationService.CaseWorkerInItaly).GetReferralAsync(new GetReferralRequest { CaseId = caseId })).Reason.ShouldBe(Why);
    }

    [Fact]
    public async Task Another_agency_of_the_receiving_country_is_refused_as_not_the_receiving_agency()
    {
        var caseId = await service.AReferredCaseAsync("IT", Agency);
        var referrals = service.ReferralsFor(OtherNigerianAgency);
        var version = (await service.LoadAsync(caseId))!.Version;

        foreach (var call in new Func<Task>[]
        {
            () => referrals.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId }).ResponseAsync,
            () => referrals.GetReferralAsync(new GetReferralRequest { CaseId = caseId }).ResponseAsync,
            () => referrals.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { CaseId = caseId, ContactPerson = "Ese Osagie" }).ResponseAsync,
        })
        {
            var refused = await Should.ThrowAsync<RpcException>(call);
            refused.StatusCode.ShouldBe(StatusCode.PermissionDenied);
            Refusals.RuleOf(refused).ShouldBe(ReturnCaseCommands.NotReceivingAgencyRule);
        }

        (await referrals.ListIncomingReferralsAsync(new ListIncomingReferralsRequest())).Referrals.ShouldNotContain(r => r.CaseId == caseId);
        (await service.LoadAsync(caseId))!.Version.ShouldBe(version);
    }

    [Fact]
    public async Task A_receiving_agency_of_the_sending_country_is_no_party_to_its_referrals_abroad()
    {
        var caseId = await service.AReferredCaseAsync("IT", Agency);
        var italianAgency = service.ReferralsFor(DemoUsers.For(Roles.ReceivingAgency, "IT"));

        foreach (var call in new Func<Task>[]
        {
            () => italianAgency.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId }).ResponseAsync,
            () => italianAgency.GetReferralAsync(new GetReferralRequest { CaseId = caseId }).ResponseAsync,
            () => service.TravelFor(DemoUsers.For(Roles.ReceivingAgency, "IT")).GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = caseId }).ResponseAsync,
        })
        {
            var refused = await Should.ThrowAsync<RpcException>(call);
            Refusals.RuleOf(refused).ShouldBe(ReturnCaseCommands.NotReceivingAgencyRule);
        }
    }

    [Fact]
    public async Task A_case_worker_of_a_third_country_sees_nothing_of_the_referral_and_each_attempt_is_in_the_read_audit()
    {
        var caseId = await service.AReferredCaseAsync("IT", Agency);
        var referrals = service.ReferralsFor(GhanaianCaseWorker);

        foreach (var call in new Func<Task>[]
        {
            () => referrals.GetReferralAsync(new GetReferralRequest { CaseId = caseId }).ResponseAsync,
            () => referrals.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId }).ResponseAsync,
            () => service.TravelFor(GhanaianCaseWorker).GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = caseId }).ResponseAsync,
            () => service.ClientFor<RepatriationCases.RepatriationCasesClient>(GhanaianCaseWorker)
                .GetCaseHistoryAsync(new GetRepatriationCaseHistoryRequest { CaseId = caseId }).ResponseAsync,
        })
        {
            (await AccessMatrix.StatusOfAsync(call)).ShouldBe(StatusCode.PermissionDenied);
        }

        (await referrals.ListNoticesAsync(new ListNoticesRequest())).Notices.ShouldNotContain(n => n.CaseId == caseId);

        string[] tried = ["GetReferral", "GetDisclosurePackage", "GetReturnReadiness", "GetCaseHistory"];
        var byUser = await service.AuditClientFor(DemoUsers.For(Roles.DataProtectionOfficer, "GH"))
            .WhatDidUserViewAsync(new WhatDidUserViewRequest { UserId = GhanaianCaseWorker.Username, IncludeDenied = true });
        ShouldBeRefusedAsOtherCountry(byUser.Records.Where(r => r.CaseId == caseId).ToList(), tried);
        var ofCase = await service.AuditClientFor(DemoUsers.For(Roles.DataProtectionOfficer, "IT"))
            .WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = caseId, IncludeDenied = true });
        ShouldBeRefusedAsOtherCountry(ofCase.Records.Where(r => r.Actor.UserId == GhanaianCaseWorker.Username).ToList(), tried);
    }

    private static void ShouldBeRefusedAsOtherCountry(IReadOnlyList<AccessRecord> records, string[] operations)
    {
        records.ShouldAllBe(r => r.Outcome == AccessOutcome.Denied && r.DenialReason == AccessDeniedException.OtherCountryRule);
        records.Select(r => r.Operation).ShouldBe(operations, ignoreOrder: true);
    }
}
