using Grpc.Core;
using MassTransit;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.Testing;

namespace TipReferral.Legal.Tests.LegalFiles.LegalHolds;

/// <summary>The legal-assistance service with a probe on the hold events the repatriation service relies on.</summary>
public sealed class LegalServiceRecordingHolds : LegalService
{
    public MessageLog<LegalHoldPlacedIntegrationEvent> Placed { get; private set; } = null!;

    public MessageLog<LegalHoldReleasedIntegrationEvent> Released { get; private set; } = null!;

    protected override void Record(IBusRegistrationConfigurator probe)
    {
        Placed = probe.Record<LegalHoldPlacedIntegrationEvent>();
        Released = probe.Record<LegalHoldReleasedIntegrationEvent>();
    }
}

public sealed class LegalHoldTests(LegalServiceRecordingHolds service) : IClassFixture<LegalServiceRecordingHolds>
{
    private static readonly DateOnly ReviewOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90);

    private Contracts.Legal.V1.LegalHolds.LegalHoldsClient HoldsFor(DemoUser user) => service.ClientFor<Contracts.Legal.V1.LegalHolds.LegalHoldsClient>(user);

    private static PlaceLegalHoldRequest Place(string caseId, string legalCaseId) =>
        new() { CaseId = caseId, LegalCaseId = legalCaseId, ReviewOn = ReviewOn.ToProto(), Reason = "Testimony needed at trial" };

    [Fact]
    public async Task A_hold_is_placed_and_released_each_published_once_and_repeats_store_and_publish_nothing()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();
        var holds = HoldsFor(LegalService.ProsecutorInItaly);

        var placed = await holds.PlaceLegalHoldAsync(Place(caseId, legalCaseId));
        var holdId = Guid.Parse(placed.HoldId);
        var placedEvent = await service.Placed.WaitForAsync(e => e.HoldId == holdId);
        placedEvent.Country.ShouldBe("IT");
        placedEvent.JurisdictionCountry.ShouldBe("IT");
        placedEvent.ReviewOn.ShouldBe(ReviewOn);
        var situation = await service.LegalCasesFor(DemoUsers.For(Roles.CaseWorker, "IT")).GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = caseId });
        situation.Effects.RemovalOnHold.ShouldBeTrue();

        var repeated = await holds.PlaceLegalHoldAsync(Place(caseId, legalCaseId));
        repeated.HoldId.ShouldBe(placed.HoldId);
        repeated.Version.ShouldBe(placed.Version);

        var release = new ReleaseLegalHoldRequest { CaseId = caseId, HoldId = placed.HoldId, Reason = "Testimony given" };
        var released = await holds.ReleaseLegalHoldAsync(release);
        (await service.Released.WaitForAsync(e => e.HoldId == holdId)).How.ShouldBe("RELEASED_BY_PROSECUTOR");
        (await holds.ReleaseLegalHoldAsync(release)).Version.ShouldBe(released.Version);
        (await service.LoadAsync(caseId))!.Version.ShouldBe(released.Version);

        // The relay publishes in order: once a later hold's placement arrives, any duplicate of the first would have too.
        var later = await holds.PlaceLegalHoldAsync(Place(caseId, legalCaseId));
        await service.Placed.WaitForAsync(e => e.HoldId == Guid.Parse(later.HoldId));
        service.Placed.Deliveries.Count(d => d.Message.HoldId == holdId).ShouldBe(1);
        service.Released.Deliveries.Count(d => d.Message.HoldId == holdId).ShouldBe(1);
    }

    [Fact]
    public async Task Video_link_testimony_releases_the_hold_and_says_so()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();
        var holds = HoldsFor(LegalService.ProsecutorInItaly);
        var placed = await holds.PlaceLegalHoldAsync(Place(caseId, legalCaseId));

        await holds.ArrangeVideoLinkTestimonyAsync(new ArrangeVideoLinkTestimonyRequest
        {
            CaseId = caseId,
            LegalCaseId = legalCaseId,
            TestimonyOn = ReviewOn.AddDays(-30).ToProto(),
            Reason = "Testimony from Lagos by video link",
        });

        (await service.Released.WaitForAsync(e => e.HoldId == Guid.Parse(placed.HoldId))).How.ShouldBe("VIDEO_LINK_TESTIMONY_ARRANGED");
        var file = (await service.LoadAsync(caseId))!;
        file.Holds.ShouldHaveSingleItem().IsActive.ShouldBeFalse();
        file.LegalCases.Single().VideoLinkTestimonyOn.ShouldBe(ReviewOn.AddDays(-30));
    }

    [Fact]
    public async Task Only_a_prosecutor_of_the_legal_case_places_a_hold()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();
        var version = (await service.LoadAsync(caseId))!.Version;

        foreach (var user in new[] { DemoUsers.Named("prosecutor.palermo.it"), DemoUsers.For(Roles.Prosecutor, "NG"), DemoUsers.For(Roles.CaseWorker, "IT") })
        {
            var denied = await Should.ThrowAsync<RpcException>(() => HoldsFor(user).PlaceLegalHoldAsync(Place(caseId, legalCaseId)).ResponseAsync);
            denied.StatusCode.ShouldBe(StatusCode.PermissionDenied, user.Username);
        }

        (await service.LoadAsync(caseId))!.Version.ShouldBe(version);
    }
}
