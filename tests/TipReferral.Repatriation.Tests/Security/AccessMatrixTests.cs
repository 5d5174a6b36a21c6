using Grpc.Core;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Domain;
using TipReferral.Repatriation.Tests.SignedDocuments;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.Testing;
using Proto = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Repatriation.Tests.Security;

/// <summary>
/// Three referrals that every cell of the matrix is tried against, the callers being Italian:
/// one Italy sent (to Nigeria's agency), one Italy's agency received (from Nigeria), and one
/// between Nigeria and Ghana that Italy takes no part in. The extra checks beyond role and
/// country (sending side, the named agency) are met by the Italian demo user of each role.
/// </summary>
public sealed class ReturnCasesInThreeCountries : RepatriationService
{
    /// <summary>The callers' own country; the case out of their reach is Nigeria's.</summary>
    public const string Own = "IT", Other = "NG";

    /// <summary>Italy's case, referred to Nigeria's agency.</summary>
    public string Sent { get; private set; } = "";

    /// <summary>Nigeria's case, referred to Italy's agency: the Italian receiving agency's own.</summary>
    public string Received { get; private set; } = "";

    /// <summary>Nigeria's case, referred to Ghana's agency: nothing of Italy's.</summary>
    public string Elsewhere { get; private set; } = "";

    public string SentPackage { get; private set; } = "";

    public string ElsewherePackage { get; private set; } = "";

    public string ItalianAgencyId { get; private set; } = "";

    public string NigerianAgencyId { get; private set; } = "";

    /// <summary>The case a caller of <paramref name="role"/> reaches in its own country (the receiving agency: the one referred to it), or the one out of reach.</summary>
    public string CaseFor(string role, bool own) => !own ? Elsewhere : role == Roles.ReceivingAgency ? Received : Sent;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ItalianAgencyId = await AgencyIdOfAsync(DemoUsers.For(Roles.ReceivingAgency, Own));
        NigerianAgencyId = await AgencyIdOfAsync(DemoUsers.For(Roles.ReceivingAgency, Other));
        Sent = await AReferredCaseAsync(Own, DemoUsers.For(Roles.ReceivingAgency, Other));
        Received = await AReferredCaseAsync(Other, DemoUsers.For(Roles.ReceivingAgency, Own));
        Elsewhere = await AReferredCaseAsync(Other, DemoUsers.For(Roles.ReceivingAgency, "GH"));
        SentPackage = await PackageOfAsync(Sent, Own);
        ElsewherePackage = await PackageOfAsync(Elsewhere, Other);

        // A refusal recorded in Nigeria, about a case Italy takes no part in: Italy's list must not show it.
        var refused = await Should.ThrowAsync<RpcException>(() => SignedDocumentsFor(DemoUsers.For(Roles.Supervisor, Other)).ReceiveSignedDocumentAsync(
            new ReceiveSignedDocumentRequest { SignedDocument = ForgedDocuments.WithFamilyName(ElsewherePackage, "Mensah") }).ResponseAsync);
        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
    }

    private async Task<string> PackageOfAsync(string caseId, string country) =>
        (await ReferralsFor(DemoUsers.For(Roles.CaseWorker, country)).GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId })).SignedDocument;
}

/// <summary>
/// Every RPC × every role × own/other country, called on a real server with real tokens from
/// the development identity provider, must be allowed or denied exactly as the declared policy
/// (and so docs/access-matrix/repatriation.md) says. Writes carry a stale expected version: it
/// is checked right after the caller's reach and side, so an allowed call is Aborted and the
/// three referrals stay as they are for every role.
/// </summary>
public sealed class AccessMatrixTests(ReturnCasesInThreeCountries world) : IClassFixture<ReturnCasesInThreeCountries>
{
    private const long Stale = 1_000_000;

    /// <summary>The RPCs that name no country: inboxes and lists of the caller's own.</summary>
    private static readonly HashSet<string> OfCallersCountry =
    [
        "RegisterReceivingAgency", "ListIncomingReferrals", "ListNotices", "ListRefusedDocuments", "ListOverdueFollowUpVisits",
    ];

    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_rpc_allows_or_denies_the_role_as_its_policy_declares(string role)
    {
        var mismatches = await AccessMatrix.MismatchesAsync(
            role, AccessMatrixDocumentTests.Services, Calls(DemoUsers.For(role, ReturnCasesInThreeCountries.Own)), OfCallersCountry);

        mismatches.ShouldBeEmpty();
    }

    private static Google.Type.Date Today() => DateOnly.FromDateTime(DateTime.UtcNow).ToProto();

    private Dictionary<string, Func<bool, Task>> Calls(DemoUser user)
    {
        var counterparts = world.ClientFor<Proto.Counterparts.CounterpartsClient>(user);
        var referrals = world.ReferralsFor(user);
        var documents = world.SignedDocumentsFor(user);
        var risks = world.ClientFor<RiskAssessments.RiskAssessmentsClient>(user);
        var children = world.ClientFor<ChildSafeguards.ChildSafeguardsClient>(user);
        var travel = world.TravelFor(user);
        var reintegration = world.ClientFor<Proto.Reintegration.ReintegrationClient>(user);
        var history = world.ClientFor<RepatriationCases.RepatriationCasesClient>(user);
        var audit = world.AuditClientFor(user);
        string Country(bool own) => own ? ReturnCasesInThreeCountries.Own : ReturnCasesInThreeCountries.Other;
        string Case(bool own) => world.CaseFor(user.Role, own);
        void NothingOfElsewhere(IEnumerable<string> caseIds) => caseIds.ShouldNotContain(world.Elsewhere, $"{user.Username} was shown a case Italy takes no part in");
        return new()
        {
            ["RegisterReceivingAgency"] = async own =>
            {
                var registered = await counterparts.RegisterReceivingAgencyAsync(new RegisterReceivingAgencyRequest { Name = $"Matrix agency {Guid.NewGuid():N}", Kind = AgencyKind.Consulate });
                registered.Country.ShouldBe(user.Country);
            },
            ["UpdateReceivingAgency"] = own =>
            {
                var update = new UpdateReceivingAgencyRequest
                {
                    AgencyId = own ? world.ItalianAgencyId : world.NigerianAgencyId,
                    Kind = AgencyKind.GovernmentAgency,
                    AcceptsReferrals = true,
                };
                update.Languages.Add("en");
                update.Services.Add(AgencyService.Reintegration);
                update.Services.Add(AgencyService.FamilyTracing);
                return counterparts.UpdateReceivingAgencyAsync(update).ResponseAsync;
            },
            ["ListReceivingAgencies"] = own => counterparts.ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = Country(own) }).ResponseAsync,
            ["RequestReferral"] = own => referrals.RequestReferralAsync(
                new RequestReferralRequest(RepatriationService.ReferralRequest(Case(own), world.NigerianAgencyId)) { ExpectedVersion = Stale }).ResponseAsync,
            ["AmendDisclosurePackage"] = own => referrals.AmendDisclosurePackageAsync(new AmendDisclosurePackageRequest
            {
                CaseId = Case(own),
                ExpectedVersion = Stale,
                Package = RepatriationService.ReferralRequest(Case(own), world.NigerianAgencyId).Package,
                Reason = "Matrix",
            }).ResponseAsync,
            ["WithdrawReturnDecision"] = own => referrals.WithdrawReturnDecisionAsync(
                new WithdrawReturnDecisionRequest { CaseId = Case(own), ExpectedVersion = Stale, Reason = "Matrix" }).ResponseAsync,
            ["GetReferral"] = own => referrals.GetReferralAsync(new GetReferralRequest { CaseId = Case(own) }).ResponseAsync,
            ["GetDisclosurePackage"] = own => referrals.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = Case(own) }).ResponseAsync,
            ["ListIncomingReferrals"] = async own =>
                NothingOfElsewhere((await referrals.ListIncomingReferralsAsync(new ListIncomingReferralsRequest())).Referrals.Select(r => r.CaseId)),
            ["AcknowledgeReferral"] = own => referrals.AcknowledgeReferralAsync(
                new AcknowledgeReferralRequest { CaseId = Case(own), ExpectedVersion = Stale, ContactPerson = "Matrix" }).ResponseAsync,
            ["AcceptReferral"] = own => referrals.AcceptReferralAsync(new AcceptReferralRequest { CaseId = Case(own), ExpectedVersion = Stale, Note = "Matrix" }).ResponseAsync,
            ["DeclineReferral"] = own => referrals.DeclineReferralAsync(new DeclineReferralRequest { CaseId = Case(own), ExpectedVersion = Stale, Reason = "Matrix" }).ResponseAsync,
            ["ListNotices"] = async own =>
            {
                var notices = (await referrals.ListNoticesAsync(new ListNoticesRequest())).Notices;
                NothingOfElsewhere(notices.Select(n => n.CaseId));
                notices.ShouldAllBe(n => n.SendingCountry == user.Country || n.ReceivingCountry == user.Country);
            },
            ["ReceiveSignedDocument"] = own => documents.ReceiveSignedDocumentAsync(
                new ReceiveSignedDocumentRequest { SignedDocument = own ? world.SentPackage : world.ElsewherePackage }).ResponseAsync,
            ["ListRefusedDocuments"] = async own =>
                NothingOfElsewhere((await documents.ListRefusedDocumentsAsync(new ListRefusedDocumentsRequest())).Documents.Select(d => d.CaseId)),
            ["ContributeRiskAssessment"] = own => risks.ContributeRiskAssessmentAsync(
                new ContributeRiskAssessmentRequest(ReturnCases.ReferralSteps.Risk(Case(own), RiskLevel.Low)) { ExpectedVersion = Stale }).ResponseAsync,
            ["RecordFamilyTracing"] = own => children.RecordFamilyTracingAsync(new RecordFamilyTracingRequest
            {
                CaseId = Case(own),
                ExpectedVersion = Stale,
                Outcome = FamilyTracingOutcome.FoundSuitable,
                Notes = "Matrix",
            }).ResponseAsync,
            ["RecordAlternativeCare"] = own => children.RecordAlternativeCareAsync(new RecordAlternativeCareRequest
            {
                CaseId = Case(own),
                ExpectedVersion = Stale,
                Arrangement = "Matrix",
                Provider = "Matrix",
            }).ResponseAsync,
            ["RecordBestInterestsDetermination"] = own => children.RecordBestInterestsDeterminationAsync(new RecordBestInterestsDeterminationRequest
            {
                CaseId = Case(own),
                ExpectedVersion = Stale,
                Authority = "Tribunale per i minorenni di Torino",
                DeterminedOn = Today(),
                ReturnInBestInterests = true,
                ChildsViews = "Matrix",
                GuardiansViews = "Matrix",
                Reasons = "Matrix",
            }).ResponseAsync,
            ["RecordTravelDocument"] = own => travel.RecordTravelDocumentAsync(new RecordTravelDocumentRequest
            {
                CaseId = Case(own),
                ExpectedVersion = Stale,
                Type = TravelDocumentType.Passport,
                Number = "A0000000",
                IssuedBy = "Matrix",
                ExpiresOn = new Google.Type.Date { Year = 2099, Month = 1, Day = 1 },
            }).ResponseAsync,
            ["ScheduleTravel"] = own => travel.ScheduleTravelAsync(new ScheduleTravelRequest(ReturnCases.ReferralSteps.Schedule(Case(own))) { ExpectedVersion = Stale }).ResponseAsync,
            ["GetReturnReadiness"] = own => travel.GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = Case(own) }).ResponseAsync,
            ["RecordDeparture"] = own => travel.RecordDepartureAsync(new RecordDepartureRequest { CaseId = Case(own), ExpectedVersion = Stale }).ResponseAsync,
            ["ConfirmHandover"] = own => travel.ConfirmHandoverAsync(new ConfirmHandoverRequest
            {
                CaseId = Case(own),
                ExpectedVersion = Stale,
                ReceivedBy = "Matrix",
                Place = "Matrix",
                HandedOverAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow),
            }).ResponseAsync,
            ["RecordReintegrationPlan"] = own =>
            {
                var plan = new RecordReintegrationPlanRequest { CaseId = Case(own), ExpectedVersion = Stale };
                plan.Goals.Add(new ReintegrationGoal { Area = ReintegrationArea.Housing, Support = "Matrix" });
                return reintegration.RecordReintegrationPlanAsync(plan).ResponseAsync;
            },
            ["ScheduleFollowUpVisit"] = own => reintegration.ScheduleFollowUpVisitAsync(
                new ScheduleFollowUpVisitRequest { CaseId = Case(own), ExpectedVersion = Stale, DueOn = Today() }).ResponseAsync,
            ["RecordFollowUpVisit"] = own => reintegration.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest
            {
                CaseId = Case(own),
                ExpectedVersion = Stale,
                VisitId = Guid.NewGuid().ToString(),
                VisitedOn = Today(),
                Notes = "Matrix",
            }).ResponseAsync,
            ["ListOverdueFollowUpVisits"] = async own =>
                NothingOfElsewhere((await reintegration.ListOverdueFollowUpVisitsAsync(new ListOverdueFollowUpVisitsRequest())).Visits.Select(v => v.CaseId)),
            ["CloseReturnCase"] = own => reintegration.CloseReturnCaseAsync(new CloseReturnCaseRequest
            {
                CaseId = Case(own),
                ExpectedVersion = Stale,
                Outcome = ReturnOutcome.Other,
                Reason = "Matrix",
            }).ResponseAsync,
            ["GetCaseHistory"] = own => history.GetCaseHistoryAsync(new GetRepatriationCaseHistoryRequest { CaseId = Case(own) }).ResponseAsync,
            ["WhoViewedCase"] = own => audit.WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = Case(own) }).ResponseAsync,
            ["WhatDidUserView"] = own => audit.WhatDidUserViewAsync(new WhatDidUserViewRequest
            {
                UserId = DemoUsers.For(Roles.CaseWorker, Country(own)).Username,
            }).ResponseAsync,
            ["ListDataProtectionNotifications"] = own => audit.ListDataProtectionNotificationsAsync(new ListDataProtectionNotificationsRequest
            {
                Country = Country(own),
            }).ResponseAsync,
        };
    }
}
