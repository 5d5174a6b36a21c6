using System.Diagnostics;
using Grpc.Core;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.LoadTests.Hosting;
using TipReferral.LoadTests.Measuring;
using TipReferral.Repatriation.Tests;
using TipReferral.Repatriation.Tests.ReturnCases;
using TipReferral.Testing;
using ConsentGiver = TipReferral.Contracts.Identification.V1.ConsentGiver;
using ConsentPurpose = TipReferral.Contracts.Identification.V1.ConsentPurpose;
using ConsentRecipient = TipReferral.Contracts.Identification.V1.ConsentRecipient;

namespace TipReferral.LoadTests.Workflows;

/// <summary>
/// One woman's whole way through the TRM, each step by the person whose job it is, through the
/// public gRPC APIs: identified in Italy, sheltered there, referred to NAPTIP Abuja, returned and
/// reintegrated. Where a step needs a fact another service publishes, it waits for it, and that
/// wait is the fact's propagation lag.
/// </summary>
public sealed class ReferralWorkflow(SystemUnderLoad system, Recorder recorder, WorkflowSetting setting)
{
    public static readonly DemoUser Screener = DemoUsers.For(Roles.Screener, "IT");
    public static readonly DemoUser Supervisor = DemoUsers.For(Roles.Supervisor, "IT");
    public static readonly DemoUser ShelterStaff = DemoUsers.For(Roles.ShelterStaff, "IT");
    public static readonly DemoUser CaseWorker = DemoUsers.For(Roles.CaseWorker, "IT");
    public static readonly DemoUser Agency = DemoUsers.For(Roles.ReceivingAgency, "NG");

    /// <summary>How long a fact may take to reach another service before the workflow counts as failed.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>The commands of one workflow, in order: what throughput in commands/s counts.</summary>
    public const int Commands = 20;

    /// <summary>Walks one case from registration to closure; its case id.</summary>
    /// <param name="registered">Told the case id as soon as the case exists, whether or not the workflow completes.</param>
    public async Task<string> RunAsync(int number, Action<string> registered)
    {
        var cases = system.Client<VictimCases.VictimCasesClient>(system.Identification, Screener);
        var caseId = (await SendAsync("identification.RegisterPresumedVictim", () => cases.RegisterPresumedVictimAsync(Registration(number)))).CaseId;
        registered(caseId);
        var registeredAt = Stopwatch.GetTimestamp();

        await SendAsync("identification.IdentifyFormally", () => system.Client<VictimCases.VictimCasesClient>(system.Identification, Supervisor).IdentifyFormallyAsync(new IdentifyFormallyRequest
        {
            CaseId = caseId,
            Outcome = IdentificationOutcome.IdentifiedAsVictim,
            DecidingOrganisation = new Organisation { Name = "Commissione Territoriale di Torino", Kind = OrganisationKind.GovernmentAgency },
            Reason = "Confirmed by interview",
        }));
        var identifiedAt = Stopwatch.GetTimestamp();
        await SendAsync("identification.RecordConsent", () => cases.RecordConsentAsync(Consent(caseId, ConsentPurpose.ShelterReferral, ShelterStaff)));
        var shelterConsentAt = Stopwatch.GetTimestamp();
        await SendAsync("identification.RecordConsent", () => cases.RecordConsentAsync(Consent(caseId, ConsentPurpose.CrossBorderReferral, Agency)));
        var crossBorderConsentAt = Stopwatch.GetTimestamp();

        var shelterCases = system.Client<ShelterCases.ShelterCasesClient>(system.Shelter, ShelterStaff);
        await recorder.AwaitPropagationAsync("VictimCaseRegistered → shelter case exists", registeredAt, async () =>
        {
            try
            {
                await shelterCases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId });
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
        }, Patience);

        var shelterId = setting.ShelterIds[number % setting.ShelterIds.Count];
        await RetryUntilAcceptedAsync("shelter.ReferToShelter", "ConsentRecorded → shelter may refer", shelterConsentAt,
            () => shelterCases.ReferToShelterAsync(new ReferToShelterRequest { CaseId = caseId, ShelterId = shelterId, Reason = "Needs a safe place." }));
        await SendAsync("shelter.AdmitToShelter", () => shelterCases.AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = caseId, ShelterId = shelterId, Group = ResidentGroup.Women }));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // The reflection period starts once the shelter service knows she was identified as a victim.
        await RetryUntilAcceptedAsync("shelter.EndReflectionPeriodEarly", "VictimIdentified → reflection period runs", identifiedAt,
            () => shelterCases.EndReflectionPeriodEarlyAsync(new EndReflectionPeriodEarlyRequest
            {
                CaseId = caseId,
                RequestedByPerson = true,
                RequestedOn = ReferralSteps.DateOf(today),
                RequestStatement = "I have decided; I want to go home now.",
            }));
        var reflectionEndedAt = Stopwatch.GetTimestamp();

        var referrals = system.Client<Referrals.ReferralsClient>(system.Repatriation, CaseWorker);
        await RetryUntilAcceptedAsync("repatriation.RequestReferral", "ConsentRecorded (cross-border) → referral may be requested", crossBorderConsentAt,
            () => referrals.RequestReferralAsync(RepatriationService.ReferralRequest(caseId, setting.AgencyId)));

        var agency = system.Client<Referrals.ReferralsClient>(system.Repatriation, Agency);
        await SendAsync("repatriation.AcknowledgeReferral", () => agency.AcknowledgeReferralAsync(new AcknowledgeReferralRequest { CaseId = caseId, ContactPerson = "Hauwa Musa" }));
        await SendAsync("repatriation.AcceptReferral", () => agency.AcceptReferralAsync(new AcceptReferralRequest { CaseId = caseId, Note = "Shelter place in Abuja." }));
        await SendAsync("repatriation.ContributeRiskAssessment", () => system.Client<RiskAssessments.RiskAssessmentsClient>(system.Repatriation, CaseWorker).ContributeRiskAssessmentAsync(ReferralSteps.Risk(caseId, RiskLevel.Medium)));
        await SendAsync("repatriation.ContributeRiskAssessment", () => system.Client<RiskAssessments.RiskAssessmentsClient>(system.Repatriation, Agency).ContributeRiskAssessmentAsync(ReferralSteps.Risk(caseId, RiskLevel.Low)));

        var travel = system.Client<Travel.TravelClient>(system.Repatriation, CaseWorker);
        await SendAsync("repatriation.RecordTravelDocument", () => travel.RecordTravelDocumentAsync(ReferralSteps.TravelDocument(caseId)));
        await RetryUntilAcceptedAsync("repatriation.ScheduleTravel", "ReflectionPeriodEnded → travel may be scheduled", reflectionEndedAt,
            () => travel.ScheduleTravelAsync(ReferralSteps.Schedule(caseId)));
        await SendAsync("repatriation.RecordDeparture", () => travel.RecordDepartureAsync(new RecordDepartureRequest { CaseId = caseId }));
        await SendAsync("repatriation.ConfirmHandover", () => system.Client<Travel.TravelClient>(system.Repatriation, Agency).ConfirmHandoverAsync(ReferralSteps.Handover(caseId, DateTimeOffset.UtcNow)));

        var reintegration = system.Client<Reintegration.ReintegrationClient>(system.Repatriation, Agency);
        await SendAsync("repatriation.RecordReintegrationPlan", () => reintegration.RecordReintegrationPlanAsync(ReferralSteps.Plan(caseId)));
        var visit = await SendAsync("repatriation.ScheduleFollowUpVisit", () => reintegration.ScheduleFollowUpVisitAsync(new ScheduleFollowUpVisitRequest { CaseId = caseId, DueOn = ReferralSteps.DateOf(today) }));
        await SendAsync("repatriation.RecordFollowUpVisit", () => reintegration.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest { CaseId = caseId, VisitId = visit.VisitId, VisitedOn = ReferralSteps.DateOf(today), Notes = "Settled, attending." }));
        await SendAsync("repatriation.CloseReturnCase", () => reintegration.CloseReturnCaseAsync(new CloseReturnCaseRequest { CaseId = caseId, Outcome = ReturnOutcome.Reintegrated, Reason = "Plan completed." }));
        return caseId;
    }

    public static RegisterPresumedVictimRequest Registration(int number) => new()
    {
        Person = new PersonDetails
        {
            GivenName = PersonNames.Given(number),
            FamilyName = PersonNames.Family(number),
            Gender = Gender.Female,
            DateOfBirth = new Google.Type.Date { Year = 1980 + (number % 25), Month = 1 + (number % 12), Day = 1 + (number % 28) },
            Citizenships = { "NG" },
            Languages = { "en" },
        },
        IdentifiedAt = new IdentificationPlace { Place = "Torino", Country = "IT", IdentifyingAgency = Screener.Agency },
        FormsOfExploitation = { ExploitationType.Sexual },
    };

    /// <summary>
    /// A command refused only because a fact has not arrived yet (FailedPrecondition, or NotFound
    /// while the case itself has not) is sent again
    /// until it is accepted: the time from <paramref name="factCommittedAt"/> is the fact's lag, the
    /// accepted call's time the command's latency.
    /// </summary>
    private async Task RetryUntilAcceptedAsync<T>(string rpc, string lag, long factCommittedAt, Func<AsyncUnaryCall<T>> call)
    {
        while (true)
        {
            try
            {
                await SendAsync(rpc, call);
                recorder.RecordLag(lag, factCommittedAt);
                return;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound && Stopwatch.GetElapsedTime(factCommittedAt) < Patience)
            {
                await Task.Delay(2);
            }
        }
    }

    /// <summary>
    /// Sends a command as its user would: one refused as Aborted (a consumer appended to the case
    /// between the service's read and its write; the request named no version) is sent again.
    /// Each such conflict is counted.
    /// </summary>
    private async Task<T> SendAsync<T>(string rpc, Func<AsyncUnaryCall<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await recorder.CallAsync(rpc, call);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Aborted && attempt < MaxConflicts)
            {
                recorder.CountConflict(rpc);
            }
        }
    }

    private const int MaxConflicts = 10;

    private static RecordConsentRequest Consent(string caseId, ConsentPurpose purpose, DemoUser recipient) => new()
    {
        CaseId = caseId,
        Purpose = purpose,
        Recipient = new ConsentRecipient { Country = recipient.Country, Agency = recipient.Agency },
        GivenBy = ConsentGiver.Person,
    };

}

/// <summary>What every workflow of a run shares: the Italian shelters admissions spread over, and NAPTIP Abuja's directory entry.</summary>
public sealed record WorkflowSetting(IReadOnlyList<string> ShelterIds, string AgencyId);
