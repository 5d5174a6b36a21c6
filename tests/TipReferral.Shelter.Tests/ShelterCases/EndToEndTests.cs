using Grpc.Core;
using Grpc.Core.Interceptors;
using JasperFx.Events;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.Identification;
using TipReferral.ServiceDefaults.Access;
using TipReferral.Testing;
using static TipReferral.Shelter.Tests.ShelterService;
using ConsentPurpose = TipReferral.Contracts.Identification.V1.ConsentPurpose;
using ConsentRecipient = TipReferral.Contracts.Identification.V1.ConsentRecipient;
using ConsentGiver = TipReferral.Contracts.Identification.V1.ConsentGiver;

namespace TipReferral.Shelter.Tests.ShelterCases;

/// <summary>The identification and shelter services on one broker, each with its own database schema, as they run in production.</summary>
public sealed class IdentificationAndShelter : IAsyncLifetime
{
    public IdentificationAndShelter()
    {
        Shelter = new ShelterService();
        Identification = new ServiceFactory<global::Program>(IdentificationModule.ServiceName);
        Identification.WithSetting("RabbitMq:EntityPrefix", Shelter.EntityPrefix);
    }

    public ShelterService Shelter { get; }

    public ServiceFactory<global::Program> Identification { get; }

    /// <summary>What the shelter service's consumers have handled.</summary>
    public ConsumedMessages Consumed => Shelter.Consumed;

    public VictimCases.VictimCasesClient IdentificationFor(DemoUser user) =>
        new(Identification.InvokerFor(user, DefaultPurpose));

    public async Task InitializeAsync()
    {
        await Shelter.InitializeAsync();
        await Identification.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Identification.DisposeAsync();
        await Shelter.DisposeAsync();
    }
}

public sealed class EndToEndTests(IdentificationAndShelter world) : IClassFixture<IdentificationAndShelter>
{
    private static readonly DemoUser Screener = DemoUsers.For(Roles.Screener, "NG");

    [Fact]
    public async Task A_victim_identified_in_the_identification_service_awaits_placement_is_admitted_and_the_admission_is_published_once()
    {
        var identification = world.IdentificationFor(Screener);
        var registered = await identification.RegisterPresumedVictimAsync(ARegistration());
        await world.IdentificationFor(SupervisorInNigeria).IdentifyFormallyAsync(new IdentifyFormallyRequest
        {
            CaseId = registered.CaseId,
            ExpectedVersion = registered.Version,
            Outcome = IdentificationOutcome.IdentifiedAsVictim,
            DecidingOrganisation = new Organisation { Name = "NAPTIP", Kind = OrganisationKind.GovernmentAgency },
            Reason = "Confirmed by interview",
        });

        var awaiting = await AwaitingPlacementAsync(registered.CaseId, identified: true);
        awaiting.CaseReference.ShouldBe(registered.Reference);

        await identification.RecordConsentAsync(new RecordConsentRequest
        {
            CaseId = registered.CaseId,
            Purpose = ConsentPurpose.ShelterReferral,
            Recipient = new ConsentRecipient { Country = "NG" },
            GivenBy = ConsentGiver.Person,
        });
        var shelterId = await world.Shelter.RegisterShelterAsync(capacity: 3);
        var cases = world.Shelter.CasesFor(StaffInNigeria);
        await ReferOnceConsentArrivedAsync(registered.CaseId, shelterId, "Needs safe accommodation");

        await cases.AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = registered.CaseId, ShelterId = shelterId, Group = ResidentGroup.Women });

        var admitted = await world.Shelter.Admitted.WaitForAsync(e => e.CaseId == Guid.Parse(registered.CaseId));
        admitted.ShelterId.ShouldBe(Guid.Parse(shelterId));
        admitted.Country.ShouldBe("NG");
        (await cases.GetPlacementHistoryAsync(new GetPlacementHistoryRequest { CaseId = registered.CaseId })).Placements.Single().ShelterId.ShouldBe(shelterId);
    }

    [Fact]
    public async Task Redelivering_the_same_identification_event_changes_nothing()
    {
        var registered = await world.IdentificationFor(Screener).RegisterPresumedVictimAsync(ARegistration("Chidinma", "Okafor"));
        await world.IdentificationFor(SupervisorInNigeria).IdentifyFormallyAsync(new IdentifyFormallyRequest
        {
            CaseId = registered.CaseId,
            Outcome = IdentificationOutcome.IdentifiedAsVictim,
            DecidingOrganisation = new Organisation { Name = "NAPTIP", Kind = OrganisationKind.GovernmentAgency },
            Reason = "Confirmed",
        });
        await AwaitingPlacementAsync(registered.CaseId, identified: true);
        var caseId = Guid.Parse(registered.CaseId);
        var identifiedEvent = await IdentificationEventAsync(caseId, "FormalIdentificationDecided");
        await world.Consumed.WaitUntilHandledAsync(identifiedEvent.Id, 1);
        var before = await ShelterStreamAsync(caseId);

        // The outbox republishes after a crash with the stored event's id: the same message, again.
        var redelivered = new VictimIdentifiedIntegrationEvent(caseId, registered.Reference, "NG", false, "NAPTIP", identifiedEvent.Timestamp);
        await world.Shelter.PublishAsync(redelivered, identifiedEvent.Id);
        await world.Shelter.PublishAsync(redelivered, identifiedEvent.Id);
        await world.Consumed.WaitUntilHandledAsync(identifiedEvent.Id, 3);

        var after = await ShelterStreamAsync(caseId);
        after.Select(e => e.Id).ShouldBe(before.Select(e => e.Id));
        after.Count(e => e.Data is TipReferral.Shelter.ShelterCases.ReflectionPeriodStarted).ShouldBe(1);
    }

    [Fact]
    public async Task A_guardian_appointed_in_the_identification_service_lets_the_child_be_placed_without_an_emergency_exception()
    {
        var child = ARegistration("Ngozi", "Eze");
        child.Person.DateOfBirth = new Google.Type.Date { Year = DateTime.UtcNow.Year - 12, Month = 3, Day = 1 };
        var registered = await world.IdentificationFor(Screener).RegisterPresumedVictimAsync(child);
        (await AwaitingPlacementAsync(registered.CaseId, identified: false)).IsPresumedChild.ShouldBeTrue();
        var childrensShelter = await world.Shelter.RegisterShelterAsync(capacity: 2, accepts: [ResidentGroup.Children]);
        var cases = world.Shelter.CasesFor(StaffInNigeria);
        var refusal = await Should.ThrowAsync<RpcException>(() => cases.AdmitToShelterAsync(
            new AdmitToShelterRequest { CaseId = registered.CaseId, ShelterId = childrensShelter, Group = ResidentGroup.Children }).ResponseAsync);
        refusal.Status.Detail.ShouldContain(TipReferral.Shelter.ShelterCases.Admission.ChildNeedsGuardianRule);

        await world.IdentificationFor(StaffInNigeria).AppointGuardianAsync(new AppointGuardianRequest
        {
            CaseId = registered.CaseId,
            Guardian = new Guardian { FullName = "Blessing Adeyemi", Organisation = "Lagos State Social Welfare" },
        });
        await Eventually.HoldsAsync(
            async () => (await cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = registered.CaseId })).GuardianAppointed,
            "The guardian's appointment reaching the shelter service");

        await cases.AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = registered.CaseId, ShelterId = childrensShelter, Group = ResidentGroup.Children });
        (await cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = registered.CaseId })).Status.ShouldBe(PlacementStatus.InShelter);
    }

    [Fact]
    public async Task Withdrawn_consent_lapses_a_pending_referral_and_closing_the_case_takes_it_off_the_waiting_list()
    {
        var identification = world.IdentificationFor(Screener);
        var registered = await identification.RegisterPresumedVictimAsync(ARegistration("Funmi", "Adebayo"));
        await AwaitingPlacementAsync(registered.CaseId, identified: false);
        var consent = await identification.RecordConsentAsync(new RecordConsentRequest
        {
            CaseId = registered.CaseId,
            Purpose = ConsentPurpose.ShelterReferral,
            Recipient = new ConsentRecipient { Country = "NG" },
            GivenBy = ConsentGiver.Person,
        });
        var shelterId = await world.Shelter.RegisterShelterAsync(capacity: 2);
        var cases = world.Shelter.CasesFor(StaffInNigeria);
        await ReferOnceConsentArrivedAsync(registered.CaseId, shelterId);

        await identification.WithdrawConsentAsync(new WithdrawConsentRequest { CaseId = registered.CaseId, ConsentId = consent.ConsentId, Reason = "Changed her mind" });
        await Eventually.HoldsAsync(
            async () => (await cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = registered.CaseId })) is { Status: PlacementStatus.AwaitingPlacement, ReferredToShelterId: "" },
            "The withdrawal lapsing the referral");
        var refusal = await Should.ThrowAsync<RpcException>(() => cases.ReferToShelterAsync(
            new ReferToShelterRequest { CaseId = registered.CaseId, ShelterId = shelterId }).ResponseAsync);
        refusal.Status.Detail.ShouldContain("consent-required");

        await world.IdentificationFor(SupervisorInNigeria).CloseCaseAsync(new CloseCaseRequest
        {
            CaseId = registered.CaseId,
            ClosureReason = CaseClosureReason.PersonDeclinedAssistance,
            Reason = "Declined shelter and assistance",
        });
        await Eventually.HoldsAsync(async () =>
        {
            var list = await cases.ListAwaitingPlacementAsync(
                new ListAwaitingPlacementRequest { Country = "NG", Page = new Contracts.Common.V1.PageRequest { PageSize = 100 } });
            return list.Cases.All(c => c.CaseId != registered.CaseId);
        }, "The closure taking the case off the waiting list");
        (await cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = registered.CaseId })).ClosedInIdentification.ShouldBeTrue();
    }

    /// <summary>Refers the case as soon as the consent recorded in the identification service has reached the shelter service's ledger.</summary>
    private Task ReferOnceConsentArrivedAsync(string caseId, string shelterId, string reason = "") =>
        Eventually.HoldsAsync(async () =>
        {
            try
            {
                await world.Shelter.CasesFor(StaffInNigeria).ReferToShelterAsync(new ReferToShelterRequest { CaseId = caseId, ShelterId = shelterId, Reason = reason });
                return true;
            }
            catch (RpcException refused) when (refused.Status.Detail.Contains("'consent-required'", StringComparison.Ordinal))
            {
                return false; // the consent is on its way from the identification service
            }
        }, "Referral once the consent arrived");

    private async Task<AwaitingPlacement> AwaitingPlacementAsync(string caseId, bool identified)
    {
        AwaitingPlacement? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            var list = await world.Shelter.CasesFor(StaffInNigeria).ListAwaitingPlacementAsync(
                new ListAwaitingPlacementRequest { Country = "NG", Page = new Contracts.Common.V1.PageRequest { PageSize = 100 } });
            found = list.Cases.SingleOrDefault(c => c.CaseId == caseId && c.FormallyIdentified == identified);
            return found is not null;
        }, $"Case {caseId} awaiting placement in the shelter service");
        return found!;
    }

    private async Task<IEvent> IdentificationEventAsync(Guid caseId, string eventType)
    {
        await using var session = world.Identification.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(caseId)).Single(e => e.EventType.Name == eventType);
    }

    private async Task<IReadOnlyList<IEvent>> ShelterStreamAsync(Guid caseId)
    {
        await using var session = world.Shelter.Store.QuerySession();
        return await session.Events.FetchStreamAsync(caseId);
    }

    private static RegisterPresumedVictimRequest ARegistration(string givenName = "Amina", string familyName = "Bello") => new()
    {
        Person = new PersonDetails
        {
            GivenName = givenName,
            FamilyName = familyName + Guid.NewGuid().ToString("N")[..6],
            Gender = Gender.Female,
            DateOfBirth = new Google.Type.Date { Year = 1999, Month = 4, Day = 12 },
            Citizenships = { "NG" },
        },
        IdentifiedAt = new IdentificationPlace { Place = "Lagos, Ikeja", Country = "NG", IdentifyingAgency = "NAPTIP Lagos" },
        FormsOfExploitation = { ExploitationType.Sexual },
    };
}
