using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.Identification.Cases;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Cases.ProtectingIdentity;

/// <summary>The identification service with a stand-in for the legal-assistance service on its broker.</summary>
public sealed class LegalAssistanceStandIn : IAsyncLifetime
{
    public IdentificationService Service { get; } = new();

    public ConsumedMessages Consumed { get; } = new();

    public MessageLog<ProtectedIdentityRevealedIntegrationEvent> Revealed { get; private set; } = null!;

    private TestBus bus = null!;

    public async Task InitializeAsync()
    {
        Service.WithServices(services => services.AddConsumeObserver(_ => Consumed));
        await Service.InitializeAsync();
        bus = await TestBus.StartAsync(Service.RabbitMqUri, Service.EntityPrefix, probe => Revealed = probe.Record<ProtectedIdentityRevealedIntegrationEvent>());
    }

    /// <summary>Each legal message is taken twice: into the shared protections, and onto the case's history.</summary>
    private const int ConsumersPerMessage = 2;

    /// <summary>Publishes as the legal-assistance service's outbox does, and waits until the identification service handled it <paramref name="times"/> times.</summary>
    public async Task PublishAsync(object message, Guid? messageId = null, int times = 1)
    {
        var id = messageId ?? Guid.NewGuid();
        await bus.Bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = id), CancellationToken.None);
        await Consumed.WaitUntilHandledAsync(id, times * ConsumersPerMessage);
    }

    public async Task DisposeAsync()
    {
        await bus.DisposeAsync();
        await Service.DisposeAsync();
    }
}

public sealed class WitnessIdentityProtectionTests(LegalAssistanceStandIn world) : IClassFixture<LegalAssistanceStandIn>
{
    private static readonly DemoUser ShelterStaff = DemoUsers.For(Roles.ShelterStaff, "NG");
    private static readonly DemoUser Prosecutor = DemoUsers.For(Roles.Prosecutor, "NG");
    private static readonly DemoUser WitnessProtection = DemoUsers.For(Roles.WitnessProtectionAuthority, "NG");
    private static readonly ProsecutorsOffice ProsecutorsOwnOffice = new("NG", Prosecutor.Agency);

    private IdentificationService Service => world.Service;

    private async Task<(RegisterPresumedVictimResponse Case, string GivenName, string FamilyName)> RegisterAsync()
    {
        var (givenName, familyName) = ($"Zainab{Guid.NewGuid():N}"[..14], $"Musa{Guid.NewGuid():N}"[..14]);
        return (await Service.ClientFor(ScreenerInNigeria).RegisterPresumedVictimAsync(ARegistration(givenName, familyName)), givenName, familyName);
    }

    private static WitnessIdentityProtectedIntegrationEvent Protected(string caseId, Guid protectionId, params ProsecutorsOffice[] seenBy) =>
        new(Guid.Parse(caseId), "NG", protectionId, "Witness L-3", seenBy, DateTimeOffset.UtcNow);

    private static WitnessIdentityProtectionLiftedIntegrationEvent Lifted(string caseId, Guid protectionId) =>
        new(Guid.Parse(caseId), "NG", protectionId, DateTimeOffset.UtcNow.AddMinutes(1));

    private Task<VictimCaseDetails> GetCaseAsync(DemoUser user, string caseId) =>
        Service.ClientFor(user).GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync;

    [Fact]
    public async Task A_witness_protected_in_a_legal_case_is_shown_by_pseudonym_except_to_the_authority_and_the_case_prosecutors_until_lifted()
    {
        var (registered, givenName, familyName) = await RegisterAsync();
        var protectionId = Guid.NewGuid();

        await world.PublishAsync(Protected(registered.CaseId, protectionId, ProsecutorsOwnOffice));

        var seenByStaff = await GetCaseAsync(ShelterStaff, registered.CaseId);
        (seenByStaff.PersonalDataState, seenByStaff.Person.GivenName, seenByStaff.Person.FamilyName).ShouldBe((PersonalDataState.Masked, "Witness L-3", ""));
        seenByStaff.ToString().ShouldNotContain(givenName);
        seenByStaff.ToString().ShouldNotContain(familyName);
        var found = await Service.ClientFor(ShelterStaff).SearchCasesAsync(new SearchCasesRequest { Reference = registered.Reference });
        (found.Cases.ShouldHaveSingleItem().DisplayName, found.Cases[0].PersonalDataState).ShouldBe(("Witness L-3", PersonalDataState.Masked));
        (await Service.ClientFor(ShelterStaff).SearchCasesAsync(new SearchCasesRequest { Name = $"{givenName} {familyName}" }))
            .Cases.ShouldNotContain(hit => hit.CaseId == registered.CaseId);
        (await GetCaseAsync(Prosecutor, registered.CaseId)).Person.GivenName.ShouldBe(givenName);
        (await GetCaseAsync(WitnessProtection, registered.CaseId)).Person.GivenName.ShouldBe(givenName);

        await world.PublishAsync(Lifted(registered.CaseId, protectionId));

        var afterLift = await GetCaseAsync(ShelterStaff, registered.CaseId);
        (afterLift.PersonalDataState, afterLift.Person.GivenName, afterLift.Person.FamilyName).ShouldBe((PersonalDataState.Present, givenName, familyName));
        var history = await Service.ClientFor(WitnessProtection).GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = registered.CaseId });
        history.Entries.Where(e => e.Actor.UserId == LegalCaseProtections.RecordedBy).Select(e => e.EventType)
            .ShouldBe([nameof(WitnessIdentityProtectedInLegalCase), nameof(WitnessIdentityProtectionLiftedInLegalCase)]);
    }

    [Fact]
    public async Task A_prosecutor_of_an_office_not_in_the_legal_case_sees_the_pseudonym()
    {
        var (registered, givenName, _) = await RegisterAsync();

        await world.PublishAsync(Protected(registered.CaseId, Guid.NewGuid(), new ProsecutorsOffice("NG", "Lagos State Ministry of Justice")));

        var seen = await GetCaseAsync(Prosecutor, registered.CaseId);
        (seen.PersonalDataState, seen.Person.GivenName).ShouldBe((PersonalDataState.Masked, "Witness L-3"));
        seen.ToString().ShouldNotContain(givenName);
    }

    [Fact]
    public async Task A_lift_that_overtakes_its_grant_and_redeliveries_of_either_leave_the_identity_unprotected()
    {
        var (registered, givenName, _) = await RegisterAsync();
        var protectionId = Guid.NewGuid();
        var (grant, lift) = (Guid.NewGuid(), Guid.NewGuid());
        var granted = Protected(registered.CaseId, protectionId);

        await world.PublishAsync(Lifted(registered.CaseId, protectionId), lift);
        await world.PublishAsync(granted, grant);
        await world.PublishAsync(granted, grant, times: 2);
        await world.PublishAsync(Lifted(registered.CaseId, protectionId), lift, times: 2);

        var seen = await GetCaseAsync(ShelterStaff, registered.CaseId);
        (seen.PersonalDataState, seen.Person.GivenName).ShouldBe((PersonalDataState.Present, givenName));
    }

    [Fact]
    public async Task A_redelivered_grant_does_not_protect_again_after_its_lift()
    {
        var (registered, givenName, _) = await RegisterAsync();
        var protectionId = Guid.NewGuid();
        var grant = Guid.NewGuid();
        var granted = Protected(registered.CaseId, protectionId);

        await world.PublishAsync(granted, grant);
        (await GetCaseAsync(ShelterStaff, registered.CaseId)).PersonalDataState.ShouldBe(PersonalDataState.Masked);
        await world.PublishAsync(Lifted(registered.CaseId, protectionId));
        await world.PublishAsync(granted, grant, times: 2);

        (await GetCaseAsync(ShelterStaff, registered.CaseId)).Person.GivenName.ShouldBe(givenName);
    }
}
