using Google.Rpc;
using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Validation;
using TipReferral.Testing;
using StatusCode = Grpc.Core.StatusCode;

namespace TipReferral.Repatriation.Tests.Security;

/// <summary>
/// Every RPC of the repatriation service refuses bad input naming the field, and an unknown case
/// as not found; either way the case's stream is left as it was.
/// </summary>
public sealed class BadInputTests(RepatriationService service) : IClassFixture<RepatriationService>
{
    private static readonly DemoUser CaseWorker = RepatriationService.CaseWorkerInItaly;
    private static readonly DemoUser Agency = RepatriationService.AgencyInNigeria;
    private static readonly DemoUser Supervisor = DemoUsers.For(Roles.Supervisor, "IT");
    private static readonly DemoUser Administrator = RepatriationService.AdministratorInNigeria;
    private static readonly Google.Type.Date NoSuchDay = new() { Year = 2026, Month = 2, Day = 30 };
    private static readonly Google.Type.Date Today = new() { Year = DateTime.UtcNow.Year, Month = DateTime.UtcNow.Month, Day = DateTime.UtcNow.Day };
    private static readonly PageRequest TooLargeAPage = new() { Page = 0, PageSize = 100_000 };

    private async Task ShouldRefuseAsync(string caseId, string field, Func<Task> call)
    {
        var version = (await service.LoadAsync(caseId))!.Version;

        await ShouldRefuseAsync(field, call);

        (await service.LoadAsync(caseId))!.Version.ShouldBe(version);
    }

    private static async Task ShouldRefuseAsync(string field, Func<Task> call)
    {
        var invalid = await Should.ThrowAsync<RpcException>(call);

        invalid.StatusCode.ShouldBe(StatusCode.InvalidArgument, field);
        invalid.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ShouldContain(field);
    }

    private static RecordBestInterestsDeterminationRequest Determination(string caseId) => new()
    {
        CaseId = caseId,
        Authority = "Tribunale per i minorenni di Torino",
        DeterminedOn = Today,
        ChildsViews = "Wants to go home.",
        GuardiansViews = "Agrees.",
        Reasons = "Family found suitable.",
    };

    [Fact]
    public async Task Counterparts()
    {
        var counterparts = service.ClientFor<Contracts.Repatriation.V1.Counterparts.CounterpartsClient>(Administrator);
        var agencyId = await service.AgencyIdOfAsync(Agency);
        RegisterReceivingAgencyRequest Register() => new() { Name = $"Agency {Guid.NewGuid():N}", Kind = AgencyKind.NonGovernmentalOrganisation };
        UpdateReceivingAgencyRequest Update() => new() { AgencyId = agencyId, Kind = AgencyKind.GovernmentAgency, Languages = { "en" }, AcceptsReferrals = true };

        await ShouldRefuseAsync("name", () => counterparts.RegisterReceivingAgencyAsync(new RegisterReceivingAgencyRequest(Register()) { Name = " " }).ResponseAsync);
        await ShouldRefuseAsync("kind", () => counterparts.RegisterReceivingAgencyAsync(new RegisterReceivingAgencyRequest(Register()) { Kind = AgencyKind.Unspecified }).ResponseAsync);
        await ShouldRefuseAsync("languages[0]", () => counterparts.RegisterReceivingAgencyAsync(new RegisterReceivingAgencyRequest(Register()) { Languages = { "English" } }).ResponseAsync);
        await ShouldRefuseAsync("services[0]", () => counterparts.RegisterReceivingAgencyAsync(
            new RegisterReceivingAgencyRequest(Register()) { Services = { AgencyService.Unspecified } }).ResponseAsync);
        await ShouldRefuseAsync("contact_points[0].name", () => counterparts.RegisterReceivingAgencyAsync(
            new RegisterReceivingAgencyRequest(Register()) { ContactPoints = { new ContactPoint { Name = "", Phone = "+234 9 000 0000" } } }).ResponseAsync);
        await ShouldRefuseAsync("agency_id", () => counterparts.UpdateReceivingAgencyAsync(new UpdateReceivingAgencyRequest(Update()) { AgencyId = "naptip" }).ResponseAsync);
        await ShouldRefuseAsync("expected_version", () => counterparts.UpdateReceivingAgencyAsync(new UpdateReceivingAgencyRequest(Update()) { ExpectedVersion = -1 }).ResponseAsync);
        await ShouldRefuseAsync("country", () => counterparts.ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = "Nigeria" }).ResponseAsync);
        await ShouldRefuseAsync("provides", () => counterparts.ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = "NG", Provides = (AgencyService)99 }).ResponseAsync);

        var unknown = await Should.ThrowAsync<RpcException>(() => counterparts.UpdateReceivingAgencyAsync(
            new UpdateReceivingAgencyRequest(Update()) { AgencyId = Guid.NewGuid().ToString() }).ResponseAsync);
        unknown.StatusCode.ShouldBe(StatusCode.NotFound);
        (await counterparts.ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = "NG" })).Agencies.Select(a => a.AgencyId).ShouldBe([agencyId]);
    }

    [Fact]
    public async Task Referrals()
    {
        var caseId = await service.AVictimCaseAsync("IT");
        var agencyId = await service.AgencyIdOfAsync(Agency);
        await service.GiveConsentAsync(caseId, Agency);
        var referrals = service.ReferralsFor(CaseWorker);
        RequestReferralRequest Request() => RepatriationService.ReferralRequest(caseId, agencyId);
        RequestReferralRequest With(Action<RequestReferralRequest> change)
        {
            var request = Request();
            change(request);
            return request;
        }

        await ShouldRefuseAsync(caseId, "case_id", () => referrals.RequestReferralAsync(With(r => r.CaseId = "case-1")).ResponseAsync);
        await ShouldRefuseAsync(caseId, "receiving_agency_id", () => referrals.RequestReferralAsync(With(r => r.ReceivingAgencyId = "")).ResponseAsync);
        await ShouldRefuseAsync(caseId, "purpose", () => referrals.RequestReferralAsync(With(r => r.Purpose = ReferralPurpose.Unspecified)).ResponseAsync);
        await ShouldRefuseAsync(caseId, "return_decision", () => referrals.RequestReferralAsync(With(r => r.ReturnDecision = null)).ResponseAsync);
        await ShouldRefuseAsync(caseId, "return_decision.decided_on", () => referrals.RequestReferralAsync(With(r => r.ReturnDecision.DecidedOn = NoSuchDay)).ResponseAsync);
        await ShouldRefuseAsync(caseId, "return_decision.statement", () => referrals.RequestReferralAsync(With(r => r.ReturnDecision.Statement = "")).ResponseAsync);
        await ShouldRefuseAsync(caseId, "package", () => referrals.RequestReferralAsync(With(r => r.Package = null)).ResponseAsync);
        await ShouldRefuseAsync(caseId, "package.identity.family_name", () => referrals.RequestReferralAsync(With(r => r.Package.Identity.FamilyName = " ")).ResponseAsync);
        await ShouldRefuseAsync(caseId, "package.identity.nationality", () => referrals.RequestReferralAsync(With(r => r.Package.Identity.Nationality = "Nigerian")).ResponseAsync);
        await ShouldRefuseAsync(caseId, "package.languages", () => referrals.RequestReferralAsync(With(r => r.Package.Languages.Clear())).ResponseAsync);
        await ShouldRefuseAsync(caseId, "package.health_needs", () => referrals.RequestReferralAsync(
            With(r => r.Package.HealthNeeds = new string('x', RuleBuilderExtensions.MaxNotesLength + 1))).ResponseAsync);
        await ShouldRefuseAsync(caseId, "package.guardian.contact", () => referrals.RequestReferralAsync(
            With(r => r.Package.Guardian = new GuardianContact { Name = "Avv. Rita Lanza", Relationship = "Guardian" })).ResponseAsync);

        await referrals.RequestReferralAsync(Request());
        var agency = service.ReferralsFor(Agency);
        AmendDisclosurePackageRequest Amend(Action<AmendDisclosurePackageRequest> change)
        {
            var amendment = new AmendDisclosurePackageRequest { CaseId = caseId, Package = Request().Package, Reason = "New health needs." };
            change(amendment);
            return amendment;
        }

        await ShouldRefuseAsync(caseId, "package", () => referrals.AmendDisclosurePackageAsync(Amend(a => a.Package = null)).ResponseAsync);
        await ShouldRefuseAsync(caseId, "package.identity", () => referrals.AmendDisclosurePackageAsync(Amend(a => a.Package.Identity = null)).ResponseAsync);
        await ShouldRefuseAsync(caseId, "package.identity.date_of_birth", () => referrals.AmendDisclosurePackageAsync(
            Amend(a => a.Package.Identity.DateOfBirth = NoSuchDay)).ResponseAsync);
        await ShouldRefuseAsync(caseId, "package.languages[0]", () => referrals.AmendDisclosurePackageAsync(Amend(a => a.Package.Languages[0] = "English")).ResponseAsync);
        await ShouldRefuseAsync(caseId, "reason", () => referrals.AmendDisclosurePackageAsync(Amend(a => a.Reason = "")).ResponseAsync);
        await ShouldRefuseAsync(caseId, "expected_version", () => referrals.AmendDisclosurePackageAsync(Amend(a => a.ExpectedVersion = -1)).ResponseAsync);
        await ShouldRefuseAsync(caseId, "reason", () => referrals.WithdrawReturnDecisionAsync(new WithdrawReturnDecisionRequest { CaseId = caseId, Reason = " " }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "expected_version", () => referrals.WithdrawReturnDecisionAsync(
            new WithdrawReturnDecisionRequest { CaseId = caseId, ExpectedVersion = -1, Reason = "Changed mind" }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "case_id", () => referrals.GetReferralAsync(new GetReferralRequest { CaseId = "IT-2026-000001" }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "case_id", () => agency.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = "" }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "page", () => agency.ListIncomingReferralsAsync(new ListIncomingReferralsRequest { Page = TooLargeAPage }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "contact_person", () => agency.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { CaseId = caseId, ContactPerson = "" }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "note", () => agency.AcceptReferralAsync(
            new AcceptReferralRequest { CaseId = caseId, Note = new string('x', RuleBuilderExtensions.MaxNotesLength + 1) }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "reason", () => agency.DeclineReferralAsync(new DeclineReferralRequest { CaseId = caseId, Reason = "" }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "page", () => agency.ListNoticesAsync(new ListNoticesRequest { Page = TooLargeAPage }).ResponseAsync);
    }

    [Fact]
    public async Task Signed_documents() =>
        await ShouldRefuseAsync("signed_document", () => service.SignedDocumentsFor(Supervisor)
            .ReceiveSignedDocumentAsync(new ReceiveSignedDocumentRequest { SignedDocument = "" }).ResponseAsync);

    [Fact]
    public async Task Risk_child_safeguards_travel_and_reintegration()
    {
        var caseId = await service.AReferredCaseAsync("IT", Agency);
        var risks = service.ClientFor<RiskAssessments.RiskAssessmentsClient>(CaseWorker);
        var children = service.ClientFor<ChildSafeguards.ChildSafeguardsClient>(Agency);
        var determinations = service.ClientFor<ChildSafeguards.ChildSafeguardsClient>(CaseWorker);
        var travel = service.TravelFor(CaseWorker);
        var handover = service.TravelFor(Agency);
        var reintegration = service.ClientFor<Reintegration.ReintegrationClient>(Agency);
        ContributeRiskAssessmentRequest Risk() => ReturnCases.ReferralSteps.Risk(caseId, RiskLevel.Low);

        await ShouldRefuseAsync(caseId, "level", () => risks.ContributeRiskAssessmentAsync(new ContributeRiskAssessmentRequest(Risk()) { Level = RiskLevel.Unspecified }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "risk_of_re_trafficking", () => risks.ContributeRiskAssessmentAsync(
            new ContributeRiskAssessmentRequest(Risk()) { RiskOfReTrafficking = RiskLevel.Unspecified }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "reasons", () => risks.ContributeRiskAssessmentAsync(new ContributeRiskAssessmentRequest(Risk()) { Reasons = "" }).ResponseAsync);

        await ShouldRefuseAsync(caseId, "outcome", () => children.RecordFamilyTracingAsync(new RecordFamilyTracingRequest { CaseId = caseId, Notes = "Mother found in Benin City." }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "provider", () => children.RecordAlternativeCareAsync(
            new RecordAlternativeCareRequest { CaseId = caseId, Arrangement = "Foster family", Provider = "" }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "determined_on", () => determinations.RecordBestInterestsDeterminationAsync(
            new RecordBestInterestsDeterminationRequest(Determination(caseId)) { DeterminedOn = NoSuchDay }).ResponseAsync);

        await ShouldRefuseAsync(caseId, "type", () => travel.RecordTravelDocumentAsync(new RecordTravelDocumentRequest
        {
            CaseId = caseId,
            Number = "ETC-1",
            IssuedBy = "Consulate of Nigeria, Milan",
            ExpiresOn = new Google.Type.Date { Year = 2099, Month = 1, Day = 1 },
        }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "expires_on", () => travel.RecordTravelDocumentAsync(new RecordTravelDocumentRequest
        {
            CaseId = caseId,
            Type = TravelDocumentType.Passport,
            Number = "A1",
            IssuedBy = "Nigeria Immigration Service",
        }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "travel_on", () => travel.ScheduleTravelAsync(
            new ScheduleTravelRequest(ReturnCases.ReferralSteps.Schedule(caseId)) { TravelOn = null }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "financial_support_currency", () => travel.ScheduleTravelAsync(
            new ScheduleTravelRequest(ReturnCases.ReferralSteps.Schedule(caseId)) { FinancialSupportMinorUnits = 50_000, FinancialSupportCurrency = "eur" }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "escort.organisation", () => travel.ScheduleTravelAsync(
            new ScheduleTravelRequest(ReturnCases.ReferralSteps.Schedule(caseId)) { Escort = new Escort { Name = "Francesca Bianchi" } }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "travel_on", () => travel.GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = caseId, TravelOn = NoSuchDay }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "expected_version", () => travel.RecordDepartureAsync(new RecordDepartureRequest { CaseId = caseId, ExpectedVersion = -1 }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "handed_over_at", () => handover.ConfirmHandoverAsync(
            new ConfirmHandoverRequest { CaseId = caseId, ReceivedBy = "Hauwa Musa", Place = "Abuja airport" }).ResponseAsync);

        await ShouldRefuseAsync(caseId, "goals", () => reintegration.RecordReintegrationPlanAsync(new RecordReintegrationPlanRequest { CaseId = caseId }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "goals[0].area", () => reintegration.RecordReintegrationPlanAsync(
            new RecordReintegrationPlanRequest { CaseId = caseId, Goals = { new ReintegrationGoal { Support = "Tailoring apprenticeship." } } }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "due_on", () => reintegration.ScheduleFollowUpVisitAsync(new ScheduleFollowUpVisitRequest { CaseId = caseId }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "visit_id", () => reintegration.RecordFollowUpVisitAsync(
            new RecordFollowUpVisitRequest { CaseId = caseId, VisitId = "visit-1", VisitedOn = Today, Notes = "Settled." }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "outcome", () => reintegration.CloseReturnCaseAsync(new CloseReturnCaseRequest { CaseId = caseId, Reason = "Plan completed." }).ResponseAsync);

        await ShouldRefuseAsync(caseId, "case_id", () => service.ClientFor<RepatriationCases.RepatriationCasesClient>(CaseWorker)
            .GetCaseHistoryAsync(new GetRepatriationCaseHistoryRequest { CaseId = "none" }).ResponseAsync);
    }

    [Fact]
    public async Task An_unknown_case_is_not_found_by_any_rpc_and_nothing_is_stored()
    {
        var unknown = Guid.NewGuid().ToString();
        var agencyId = await service.AgencyIdOfAsync(Agency);
        var referrals = service.ReferralsFor(CaseWorker);
        var agency = service.ReferralsFor(Agency);
        var travel = service.TravelFor(CaseWorker);
        var reintegration = service.ClientFor<Reintegration.ReintegrationClient>(Agency);
        var children = service.ClientFor<ChildSafeguards.ChildSafeguardsClient>(Agency);

        var calls = new Dictionary<string, Func<Task>>
        {
            ["RequestReferral"] = () => referrals.RequestReferralAsync(RepatriationService.ReferralRequest(unknown, agencyId)).ResponseAsync,
            ["AmendDisclosurePackage"] = () => referrals.AmendDisclosurePackageAsync(
                new AmendDisclosurePackageRequest { CaseId = unknown, Package = RepatriationService.ReferralRequest(unknown, agencyId).Package, Reason = "New needs." }).ResponseAsync,
            ["WithdrawReturnDecision"] = () => referrals.WithdrawReturnDecisionAsync(new WithdrawReturnDecisionRequest { CaseId = unknown, Reason = "Changed mind" }).ResponseAsync,
            ["GetReferral"] = () => referrals.GetReferralAsync(new GetReferralRequest { CaseId = unknown }).ResponseAsync,
            ["GetDisclosurePackage"] = () => agency.GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = unknown }).ResponseAsync,
            ["AcknowledgeReferral"] = () => agency.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { CaseId = unknown, ContactPerson = "Hauwa Musa" }).ResponseAsync,
            ["AcceptReferral"] = () => agency.AcceptReferralAsync(new AcceptReferralRequest { CaseId = unknown }).ResponseAsync,
            ["DeclineReferral"] = () => agency.DeclineReferralAsync(new DeclineReferralRequest { CaseId = unknown, Reason = "No capacity" }).ResponseAsync,
            ["ContributeRiskAssessment"] = () => service.ClientFor<RiskAssessments.RiskAssessmentsClient>(CaseWorker)
                .ContributeRiskAssessmentAsync(ReturnCases.ReferralSteps.Risk(unknown, RiskLevel.Low)).ResponseAsync,
            ["RecordFamilyTracing"] = () => children.RecordFamilyTracingAsync(
                new RecordFamilyTracingRequest { CaseId = unknown, Outcome = FamilyTracingOutcome.NotFound, Notes = "No trace." }).ResponseAsync,
            ["RecordAlternativeCare"] = () => children.RecordAlternativeCareAsync(
                new RecordAlternativeCareRequest { CaseId = unknown, Arrangement = "Foster family", Provider = "Social Welfare" }).ResponseAsync,
            ["RecordBestInterestsDetermination"] = () => service.ClientFor<ChildSafeguards.ChildSafeguardsClient>(CaseWorker)
                .RecordBestInterestsDeterminationAsync(Determination(unknown)).ResponseAsync,
            ["RecordTravelDocument"] = () => travel.RecordTravelDocumentAsync(new RecordTravelDocumentRequest
            {
                CaseId = unknown,
                Type = TravelDocumentType.Passport,
                Number = "A1",
                IssuedBy = "Nigeria Immigration Service",
                ExpiresOn = new Google.Type.Date { Year = 2099, Month = 1, Day = 1 },
            }).ResponseAsync,
            ["ScheduleTravel"] = () => travel.ScheduleTravelAsync(ReturnCases.ReferralSteps.Schedule(unknown)).ResponseAsync,
            ["GetReturnReadiness"] = () => travel.GetReturnReadinessAsync(new GetReturnReadinessRequest { CaseId = unknown }).ResponseAsync,
            ["RecordDeparture"] = () => travel.RecordDepartureAsync(new RecordDepartureRequest { CaseId = unknown }).ResponseAsync,
            ["ConfirmHandover"] = () => service.TravelFor(Agency).ConfirmHandoverAsync(new ConfirmHandoverRequest
            {
                CaseId = unknown,
                ReceivedBy = "Hauwa Musa",
                Place = "Abuja airport",
                HandedOverAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow),
            }).ResponseAsync,
            ["RecordReintegrationPlan"] = () => reintegration.RecordReintegrationPlanAsync(new RecordReintegrationPlanRequest
            {
                CaseId = unknown,
                Goals = { new ReintegrationGoal { Area = ReintegrationArea.Housing, Support = "Rent for six months." } },
            }).ResponseAsync,
            ["ScheduleFollowUpVisit"] = () => reintegration.ScheduleFollowUpVisitAsync(new ScheduleFollowUpVisitRequest { CaseId = unknown, DueOn = Today }).ResponseAsync,
            ["RecordFollowUpVisit"] = () => reintegration.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest
            {
                CaseId = unknown,
                VisitId = Guid.NewGuid().ToString(),
                VisitedOn = Today,
                Notes = "Settled.",
            }).ResponseAsync,
            ["CloseReturnCase"] = () => reintegration.CloseReturnCaseAsync(
                new CloseReturnCaseRequest { CaseId = unknown, Outcome = ReturnOutcome.LostContact, Reason = "No answer for months." }).ResponseAsync,
            ["GetCaseHistory"] = () => service.ClientFor<RepatriationCases.RepatriationCasesClient>(CaseWorker)
                .GetCaseHistoryAsync(new GetRepatriationCaseHistoryRequest { CaseId = unknown }).ResponseAsync,
        };

        foreach (var (rpc, call) in calls)
        {
            (await AccessMatrix.StatusOfAsync(call)).ShouldBe(StatusCode.NotFound, rpc);
        }

        (await service.LoadAsync(unknown)).ShouldBeNull();
    }
}
