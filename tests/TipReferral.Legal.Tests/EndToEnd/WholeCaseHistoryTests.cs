using Grpc.Core;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.Identification;
using TipReferral.Shelter;
using TipReferral.Testing;

namespace TipReferral.Legal.Tests.EndToEnd;

/// <summary>
/// The whole case's audit trail, asked of the identification service through its real gRPC API:
/// it asks the shelter and legal-assistance services with the caller's own token and purpose, so
/// what each part shows is what that service lets this caller see.
/// </summary>
public sealed class WholeCaseHistoryTests(ThreeServices world) : IClassFixture<ThreeServices>
{
    private const string Purpose = LegalService.DefaultPurpose;

    private static readonly DemoUser Screener = DemoUsers.For(Roles.Screener, "IT");
    private static readonly DemoUser Staff = DemoUsers.For(Roles.ShelterStaff, "IT");
    private static readonly DemoUser Supervisor = DemoUsers.For(Roles.Supervisor, "IT");
    private static readonly DemoUser Prosecutor = LegalService.ProsecutorInItaly;
    private static readonly DemoUser Authority = LegalService.AuthorityInItaly;
    private static readonly DemoUser DataProtectionOfficer = DemoUsers.For(Roles.DataProtectionOfficer, "IT");

    [Fact]
    public async Task A_supervisor_of_the_cases_country_sees_every_services_entries_in_time_order_with_their_actors()
    {
        var caseId = await ACaseRegisteredShelteredAndInProceedingsAsync();

        var history = await WholeHistoryAsync(Supervisor, caseId);

        history.CaseId.ShouldBe(caseId);
        StateOf(history, IdentificationModule.ServiceName).ShouldBe(HistorySourceState.Included);
        StateOf(history, ShelterModule.ServiceName).ShouldBe(HistorySourceState.Included);
        StateOf(history, LegalModule.ServiceName).ShouldBe(HistorySourceState.Included);
        history.Entries.Select(e => e.Service).Distinct().Order().ShouldBe(
            [IdentificationModule.ServiceName, LegalModule.ServiceName, ShelterModule.ServiceName]);
        history.Entries.ToList().ShouldBe(
            [.. history.Entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Service, StringComparer.Ordinal).ThenBy(e => e.Version)],
            customMessage: "entries in time order, then by service and version");

        var registered = Single(history, IdentificationModule.ServiceName, "PresumedVictimRegistered");
        var admitted = Single(history, ShelterModule.ServiceName, "VictimAdmittedToShelter");
        var opened = Single(history, LegalModule.ServiceName, "LegalCaseOpened");
        ActorOf(registered).ShouldBe(Screener);
        ActorOf(admitted).ShouldBe(Staff);
        ActorOf(opened).ShouldBe(Prosecutor);
        history.Entries.IndexOf(registered).ShouldBeLessThan(history.Entries.IndexOf(admitted));
        history.Entries.IndexOf(admitted).ShouldBeLessThan(history.Entries.IndexOf(opened));
    }

    [Fact]
    public async Task Each_service_is_asked_with_the_callers_own_token_and_purpose_and_records_the_read_as_the_callers()
    {
        var caseId = await ACaseRegisteredShelteredAndInProceedingsAsync();

        await WholeHistoryAsync(Supervisor, caseId);

        var legalReads = await world.Legal.AuditClientFor(DataProtectionOfficer).WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = caseId });
        var read = legalReads.Records.Where(r => r.Operation == "GetCaseHistory").ShouldHaveSingleItem();
        (read.Actor.UserId, read.Actor.Role, read.Actor.Country, read.Purpose, read.Outcome)
            .ShouldBe((Supervisor.Username, Roles.Supervisor, Supervisor.Country, Purpose, AccessOutcome.Allowed));
    }

    [Fact]
    public async Task A_rest_caller_is_forwarded_with_their_own_token_too()
    {
        var caseId = await ACaseRegisteredShelteredAndInProceedingsAsync();
        using var rest = world.Identification.RestClientFor(Supervisor);
        rest.DefaultRequestHeaders.Add(ServiceDefaults.Access.AccessInterceptor.PurposeHeader, Purpose);

        var history = WholeCaseHistory.Parser.ParseJson(await rest.GetStringAsync($"/v1/cases/{caseId}/whole-history"));

        StateOf(history, ShelterModule.ServiceName).ShouldBe(HistorySourceState.Included);
        StateOf(history, LegalModule.ServiceName).ShouldBe(HistorySourceState.Included);
        Single(history, LegalModule.ServiceName, "LegalCaseOpened").ShouldNotBeNull();
    }

    [Fact]
    public async Task Shelter_staff_get_the_legal_part_denied_and_none_of_its_entries_and_the_history_says_it_is_partial()
    {
        var caseId = await ACaseRegisteredShelteredAndInProceedingsAsync();

        var history = await WholeHistoryAsync(Staff, caseId);

        var legal = history.Sources.Single(s => s.Service == LegalModule.ServiceName);
        legal.State.ShouldBe(HistorySourceState.Denied);
        legal.Detail.ShouldContain(Roles.ShelterStaff);
        history.Complete.ShouldBeFalse();
        history.Entries.ShouldNotContain(e => e.Service == LegalModule.ServiceName);
        StateOf(history, IdentificationModule.ServiceName).ShouldBe(HistorySourceState.Included);
        StateOf(history, ShelterModule.ServiceName).ShouldBe(HistorySourceState.Included);
        Single(history, ShelterModule.ServiceName, "VictimAdmittedToShelter").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_service_that_is_down_is_listed_unavailable_and_the_other_parts_are_still_returned()
    {
        var caseId = await ACaseRegisteredShelteredAndInProceedingsAsync();

        var history = await WholeHistoryAsync(Supervisor, caseId);

        var down = history.Sources.Single(s => s.Service == ThreeServices.ServiceThatIsDown);
        down.State.ShouldBe(HistorySourceState.Unavailable);
        down.Detail.ShouldNotContain("127.0.0.1", Case.Insensitive, "where a service runs is not the caller's business");
        history.Complete.ShouldBeFalse();
        history.Sources.Where(s => s.Service != ThreeServices.ServiceThatIsDown).ShouldAllBe(s => s.State == HistorySourceState.Included);
        history.Entries.Select(e => e.Service).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task A_caller_of_another_country_is_refused_before_any_other_service_is_asked()
    {
        var caseId = await ACaseRegisteredShelteredAndInProceedingsAsync();
        var foreignSupervisor = DemoUsers.For(Roles.Supervisor, "NG");

        var refusal = await Should.ThrowAsync<RpcException>(() => world.WholeHistoryFor(foreignSupervisor)
            .GetWholeCaseHistoryAsync(new GetWholeCaseHistoryRequest { CaseId = caseId }).ResponseAsync);

        refusal.StatusCode.ShouldBe(StatusCode.PermissionDenied, refusal.Status.Detail);
        var legalAudit = await world.Legal.AuditClientFor(DataProtectionOfficer)
            .WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = caseId, IncludeDenied = true });
        legalAudit.Records.ShouldNotContain(r => r.Actor.UserId == foreignSupervisor.Username);
    }

    [Fact]
    public async Task A_protected_identity_stays_out_of_the_merged_history_for_a_caller_without_the_need_to_know()
    {
        var familyName = UniqueFamilyName();
        var caseId = await ACaseRegisteredShelteredAndInProceedingsAsync(familyName);
        await world.IdentificationFor(Authority).ProtectIdentityAsync(new ProtectIdentityRequest
        {
            CaseId = caseId,
            Pseudonym = "Testimone W-4",
            Reason = "She testifies against the network.",
        });

        var seenBySupervisor = await WholeHistoryAsync(Supervisor, caseId);
        var seenByAuthority = await WholeHistoryAsync(Authority, caseId);

        Single(seenBySupervisor, IdentificationModule.ServiceName, "PresumedVictimRegistered").ShouldNotBeNull();
        seenBySupervisor.ToString().ShouldNotContain(familyName);
        seenBySupervisor.ToString().ShouldNotContain(GivenName);
        seenBySupervisor.Entries.Select(e => e.Service).Distinct().Count().ShouldBe(3);
        seenByAuthority.ToString().ShouldContain(familyName, customMessage: "the witness-protection authority needs to know");
    }

    [Fact]
    public async Task An_unknown_case_is_not_found_and_a_malformed_id_is_refused_naming_the_field()
    {
        var history = world.WholeHistoryFor(Supervisor);

        var unknown = await Should.ThrowAsync<RpcException>(() => history.GetWholeCaseHistoryAsync(
            new GetWholeCaseHistoryRequest { CaseId = Guid.CreateVersion7().ToString() }).ResponseAsync);
        var malformed = await Should.ThrowAsync<RpcException>(() => history.GetWholeCaseHistoryAsync(
            new GetWholeCaseHistoryRequest { CaseId = "not-a-case" }).ResponseAsync);

        unknown.StatusCode.ShouldBe(StatusCode.NotFound, unknown.Status.Detail);
        malformed.StatusCode.ShouldBe(StatusCode.InvalidArgument, malformed.Status.Detail);
        malformed.Status.Detail.ShouldContain("case_id");
    }

    private const string GivenName = "Blessing";

    private static string UniqueFamilyName() => "Osagie" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>
    /// A case with a part in each service: registered by the screener, admitted to a shelter by
    /// shelter staff once it reached the shelter service, and in a proceeding of the prosecutor's office.
    /// </summary>
    private async Task<string> ACaseRegisteredShelteredAndInProceedingsAsync(string? familyName = null)
    {
        var registered = await world.IdentificationFor(Screener).RegisterPresumedVictimAsync(new RegisterPresumedVictimRequest
        {
            Person = new PersonDetails
            {
                GivenName = GivenName,
                FamilyName = familyName ?? UniqueFamilyName(),
                Gender = Gender.Female,
                DateOfBirth = new Google.Type.Date { Year = 1997, Month = 6, Day = 14 },
                Citizenships = { "NG" },
            },
            IdentifiedAt = new IdentificationPlace { Place = "Torino", Country = "IT", IdentifyingAgency = Screener.Agency },
            FormsOfExploitation = { ExploitationType.Sexual },
        });
        var caseId = registered.CaseId;
        await world.UntilEveryServiceHasAsync(caseId);

        var shelter = await world.SheltersFor(Supervisor).RegisterShelterAsync(new RegisterShelterRequest
        {
            Name = $"Casa {Guid.NewGuid():N}"[..13],
            Country = "IT",
            Agency = Staff.Agency,
            Area = "Torino",
            Capacity = 4,
            Accepts = { ResidentGroup.Women },
        });
        await world.ShelterFor(Staff).AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = caseId, ShelterId = shelter.ShelterId, Group = ResidentGroup.Women });
        await world.Legal.LegalCasesFor(Prosecutor).OpenLegalCaseAsync(LegalService.OpenLegalCaseRequest(caseId));
        return caseId;
    }

    private async Task<WholeCaseHistory> WholeHistoryAsync(DemoUser user, string caseId) =>
        await world.WholeHistoryFor(user).GetWholeCaseHistoryAsync(new GetWholeCaseHistoryRequest { CaseId = caseId });

    private static HistorySourceState StateOf(WholeCaseHistory history, string service) =>
        history.Sources.Single(s => s.Service == service).State;

    private static HistoryEntry Single(WholeCaseHistory history, string service, string eventType) =>
        history.Entries.Where(e => e.Service == service && e.EventType == eventType).ShouldHaveSingleItem();

    private static DemoUser ActorOf(HistoryEntry entry) =>
        new(entry.Actor.UserId, entry.Actor.Role, entry.Actor.Agency, entry.Actor.Country);
}
