using TipReferral.Domain;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Cases;

public sealed class EndToEndTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    [Fact]
    public async Task A_formally_identified_victim_is_announced_on_the_broker_and_the_history_names_both_actors()
    {
        MessageLog<VictimIdentifiedIntegrationEvent>? identified = null;
        await using var otherService = await TestBus.StartAsync(service.RabbitMqUri, service.EntityPrefix,
            bus => identified = bus.Record<VictimIdentifiedIntegrationEvent>());

        var registered = await service.ClientFor(ScreenerInNigeria).RegisterPresumedVictimAsync(ARegistration());
        await service.ClientFor(AuthorityInNigeria).IdentifyFormallyAsync(
            AnIdentification(registered, "Indicators of debt bondage confirmed in interview"));

        var announced = await identified!.WaitForAsync(e => e.CaseId == Guid.Parse(registered.CaseId));
        announced.CaseReference.ShouldBe(registered.Reference);
        announced.Country.ShouldBe("NG");
        announced.DecidingOrganisation.ShouldBe("NAPTIP");

        var history = await service.ClientFor(AuthorityInNigeria).GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = registered.CaseId });
        history.Entries.Select(e => e.EventType).ShouldBe(["PresumedVictimRegistered", "FormalIdentificationDecided"]);
        var (registration, decision) = (history.Entries[0], history.Entries[1]);
        registration.Actor.UserId.ShouldBe(ScreenerInNigeria.Username);
        registration.Actor.Role.ShouldBe(ScreenerInNigeria.Role);
        registration.Actor.Agency.ShouldBe(ScreenerInNigeria.Agency);
        registration.Actor.Country.ShouldBe("NG");
        decision.Actor.UserId.ShouldBe(AuthorityInNigeria.Username);
        decision.Actor.Role.ShouldBe(AuthorityInNigeria.Role);
        decision.Actor.Agency.ShouldBe(AuthorityInNigeria.Agency);
        decision.Reason.ShouldBe("Indicators of debt bondage confirmed in interview");
        decision.Version.ShouldBe(2);
        decision.Service.ShouldBe("identification");
        decision.CorrelationId.ShouldNotBeNullOrEmpty();
        (decision.OccurredAt.ToDateTimeOffset() >= registration.OccurredAt.ToDateTimeOffset()).ShouldBeTrue();
    }

    [Fact]
    public async Task The_case_reads_back_as_registered_and_identified()
    {
        var client = service.ClientFor(ScreenerInNigeria);
        var registered = await client.RegisterPresumedVictimAsync(ARegistration("Grace", "Okafor"));
        registered.Reference.ShouldMatch(@"^NG-\d{4}-\d{6}$");
        registered.IsPresumedChild.ShouldBeFalse();

        var details = await client.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId });
        details.Reference.ShouldBe(registered.Reference);
        details.Version.ShouldBe(registered.Version);
        details.TraffickingStatus.ShouldBe(TraffickingStatus.PresumedVictim);
        details.Person.GivenName.ShouldBe("Grace");
        details.Person.DateOfBirth.Year.ShouldBe(1999);
        details.FormsOfExploitation.ShouldBe([ExploitationType.Sexual]);
        details.IndicatorsObserved.ShouldBe([ControlIndicator.DebtBondage, ControlIndicator.WithholdsDocuments]);
    }

    [Fact]
    public async Task A_person_of_unknown_age_is_registered_as_a_presumed_child_and_can_get_a_guardian()
    {
        var client = service.ClientFor(DemoUsers.For(Roles.CaseWorker, "NG"));
        var request = ARegistration("Blessing", "Eze");
        request.Person.DateOfBirth = null;
        var registered = await client.RegisterPresumedVictimAsync(request);
        registered.IsPresumedChild.ShouldBeTrue();

        var appointed = await client.AppointGuardianAsync(new AppointGuardianRequest
        {
            CaseId = registered.CaseId,
            Guardian = new Guardian { FullName = "Ngozi Adeyemi", Organisation = "Lagos State Social Welfare" },
        });
        appointed.Version.ShouldBe(registered.Version + 1);
        (await client.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId })).Guardian.FullName.ShouldBe("Ngozi Adeyemi");
    }

    [Fact]
    public async Task The_same_api_answers_as_rest_through_json_transcoding()
    {
        var registered = await service.ClientFor(ScreenerInNigeria).RegisterPresumedVictimAsync(ARegistration("Halima", "Musa"));
        using var rest = service.RestClientFor(ScreenerInNigeria);
        rest.DefaultRequestHeaders.Add(ServiceDefaults.Access.AccessInterceptor.PurposeHeader, DefaultPurpose);

        var body = await rest.GetStringAsync($"/v1/cases/{registered.CaseId}");

        body.ShouldContain(registered.Reference);
        body.ShouldContain("\"givenName\":\"Halima\"");
    }

    [Fact]
    public async Task A_rest_caller_gets_refusals_as_http_statuses_with_the_same_details()
    {
        var registered = await service.ClientFor(ScreenerInNigeria).RegisterPresumedVictimAsync(ARegistration("Halima", "Musa"));
        using var rest = service.RestClientFor(ScreenerInNigeria);

        using var noPurpose = await rest.GetAsync($"/v1/cases/{registered.CaseId}");
        using var notAUuid = await rest.GetAsync("/v1/cases/not-a-uuid");

        noPurpose.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await noPurpose.Content.ReadAsStringAsync()).ShouldContain("x-purpose");
        notAUuid.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
    }
}
