using Grpc.Core;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.Identification.Cases;
using TipReferral.Identification.Tests.Cases.ProtectingIdentity;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Cases.RevealingProtectedIdentity;

public sealed class RevealProtectedIdentityTests(LegalAssistanceStandIn world) : IClassFixture<LegalAssistanceStandIn>
{
    private const string Reason = "Hospital admission: the surgeon needs her legal name";

    private static readonly DemoUser CaseWorker = DemoUsers.For(Roles.CaseWorker, "NG");
    private static readonly DemoUser Officer = DemoUsers.For(Roles.DataProtectionOfficer, "NG");
    private static readonly DemoUser ItalianOfficer = DemoUsers.For(Roles.DataProtectionOfficer, "IT");

    private IdentificationService Service => world.Service;

    private async Task<(RegisterPresumedVictimResponse Case, string GivenName)> ProtectedInALegalCaseAsync()
    {
        var givenName = $"Hauwa{Guid.NewGuid():N}"[..14];
        var registered = await Service.ClientFor(ScreenerInNigeria).RegisterPresumedVictimAsync(ARegistration(givenName));
        await world.PublishAsync(new WitnessIdentityProtectedIntegrationEvent(
            Guid.Parse(registered.CaseId), "NG", Guid.NewGuid(), "Witness R-9", [], DateTimeOffset.UtcNow));
        return (registered, givenName);
    }

    private Task<VictimCaseDetails> RevealAsync(string caseId, string reason) =>
        Service.ClientFor(CaseWorker).RevealProtectedIdentityAsync(new RevealProtectedIdentityRequest { CaseId = caseId, Reason = reason }).ResponseAsync;

    [Fact]
    public async Task A_reveal_without_a_reason_is_refused_and_shows_nothing()
    {
        var (registered, _) = await ProtectedInALegalCaseAsync();

        var refusal = await RpcAssert.Refused(StatusCode.InvalidArgument, () => RevealAsync(registered.CaseId, " "));

        refusal.Status.Detail.ShouldContain("reason");
        (await Service.AuditClientFor(Officer).WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = registered.CaseId }))
            .Records.ShouldNotContain(r => r.Operation == "RevealProtectedIdentity");
    }

    [Fact]
    public async Task A_reveal_with_a_reason_shows_the_person_once_is_audited_recorded_and_notifies_the_data_protection_officer()
    {
        var (registered, givenName) = await ProtectedInALegalCaseAsync();

        var revealed = await RevealAsync(registered.CaseId, Reason);

        (revealed.PersonalDataState, revealed.Person.GivenName).ShouldBe((PersonalDataState.Present, givenName));
        (await Service.ClientFor(CaseWorker).GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId })).Person.GivenName.ShouldBe("Witness R-9");

        var reads = await Service.AuditClientFor(Officer).WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = registered.CaseId });
        var read = reads.Records.Where(r => r.Operation == "RevealProtectedIdentity").ShouldHaveSingleItem();
        (read.Actor.UserId, read.RevealReason).ShouldBe((CaseWorker.Username, Reason));

        var notifications = await Service.AuditClientFor(Officer).ListDataProtectionNotificationsAsync(
            new ListDataProtectionNotificationsRequest { Country = "NG", Page = new PageRequest { PageSize = 100 } });
        var notification = notifications.Notifications.Where(n => n.CaseId == registered.CaseId).ShouldHaveSingleItem();
        (notification.Kind, notification.Actor.UserId, notification.Actor.Role, notification.Reason)
            .ShouldBe(("ProtectedIdentityRevealed", CaseWorker.Username, Roles.CaseWorker, Reason));

        var published = await world.Revealed.WaitForAsync(e => e.CaseId == Guid.Parse(registered.CaseId));
        (published.Country, published.RevealedToUserId, published.RevealedToRole).ShouldBe(("NG", CaseWorker.Username, Roles.CaseWorker));

        var history = await Service.ClientFor(DemoUsers.For(Roles.WitnessProtectionAuthority, "NG"))
            .GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = registered.CaseId });
        var entry = history.Entries.Where(e => e.EventType == nameof(ProtectedIdentityRevealed)).ShouldHaveSingleItem();
        (entry.Actor.UserId, entry.Reason).ShouldBe((CaseWorker.Username, Reason));
    }

    [Fact]
    public async Task A_data_protection_officer_of_another_country_is_not_notified()
    {
        var (registered, _) = await ProtectedInALegalCaseAsync();
        await RevealAsync(registered.CaseId, Reason);

        var italian = Service.AuditClientFor(ItalianOfficer);
        (await italian.ListDataProtectionNotificationsAsync(new ListDataProtectionNotificationsRequest { Country = "IT", Page = new PageRequest { PageSize = 100 } }))
            .Notifications.ShouldNotContain(n => n.CaseId == registered.CaseId);
        await RpcAssert.Refused(StatusCode.PermissionDenied,
            () => italian.ListDataProtectionNotificationsAsync(new ListDataProtectionNotificationsRequest { Country = "NG" }).ResponseAsync);
    }

    [Fact]
    public async Task Nothing_is_revealed_when_nothing_is_masked()
    {
        var registered = await Service.ClientFor(ScreenerInNigeria).RegisterPresumedVictimAsync(ARegistration());

        var refusal = await RpcAssert.Refused(StatusCode.FailedPrecondition, () => RevealAsync(registered.CaseId, Reason));

        refusal.Status.Detail.ShouldContain(ProtectedIdentityReveals.IdentityNotProtectedRule);
    }
}
