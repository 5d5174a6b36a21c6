using Grpc.Core;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using ConsentGiver = TipReferral.Contracts.Identification.V1.ConsentGiver;
using ConsentPurpose = TipReferral.Contracts.Identification.V1.ConsentPurpose;
using ConsentRecipient = TipReferral.Contracts.Identification.V1.ConsentRecipient;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Security;

public sealed class ConsentTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    private static readonly DemoUser Worker = DemoUsers.For(Roles.CaseWorker, "NG");

    [Fact]
    public async Task Withdrawn_consent_reaches_other_services_and_sharing_on_it_is_refused_naming_the_missing_consent()
    {
        MessageLog<ConsentWithdrawnIntegrationEvent>? withdrawals = null;
        MessageLog<VictimCaseSharedIntegrationEvent>? shares = null;
        await using var otherService = await TestBus.StartAsync(service.RabbitMqUri, service.EntityPrefix, bus =>
        {
            withdrawals = bus.Record<ConsentWithdrawnIntegrationEvent>();
            shares = bus.Record<VictimCaseSharedIntegrationEvent>();
        });
        var cases = service.ClientFor(Worker);
        var registered = await cases.RegisterPresumedVictimAsync(ARegistration());
        var shelter = new ConsentRecipient { Country = "NG", Agency = "Women's shelter Lagos" };
        var consent = await cases.RecordConsentAsync(new RecordConsentRequest
        {
            CaseId = registered.CaseId,
            Purpose = ConsentPurpose.ShelterReferral,
            Recipient = shelter,
            GivenBy = ConsentGiver.Person,
        });
        var share = new ShareCaseRequest { CaseId = registered.CaseId, Purpose = ConsentPurpose.ShelterReferral, Recipient = shelter, Reason = "Needs a bed" };
        await cases.ShareCaseAsync(share);
        (await shares!.WaitForAsync(e => e.CaseId == Guid.Parse(registered.CaseId))).RecipientAgency.ShouldBe("Women's shelter Lagos");

        await cases.WithdrawConsentAsync(new WithdrawConsentRequest { CaseId = registered.CaseId, ConsentId = consent.ConsentId, Reason = "She changed her mind" });

        var withdrawn = await withdrawals!.WaitForAsync(e => e.ConsentId == Guid.Parse(consent.ConsentId));
        (withdrawn.CaseId, withdrawn.Purpose, withdrawn.RecipientCountry, withdrawn.RecipientAgency)
            .ShouldBe((Guid.Parse(registered.CaseId), "ShelterReferral", "NG", "Women's shelter Lagos"));
        var refusal = await RpcAssert.Refused(StatusCode.FailedPrecondition, () => cases.ShareCaseAsync(share).ResponseAsync);
        refusal.Status.Detail.ShouldContain(ConsentRules.ConsentRequiredRule);
        refusal.Status.Detail.ShouldContain("ShelterReferral");
        refusal.Status.Detail.ShouldContain("Women's shelter Lagos");

        var details = await cases.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId });
        var recorded = details.Consents.ShouldHaveSingleItem();
        recorded.WithdrawnAt.ShouldNotBeNull();
        recorded.RecordedBy.UserId.ShouldBe(Worker.Username);
    }

    [Fact]
    public async Task A_childs_consent_needs_the_guardian()
    {
        var cases = service.ClientFor(Worker);
        var child = ARegistration();
        child.Person.DateOfBirth = new Google.Type.Date { Year = DateTime.UtcNow.Year - 12, Month = 1, Day = 15 };
        var registered = await cases.RegisterPresumedVictimAsync(child);
        var request = new RecordConsentRequest
        {
            CaseId = registered.CaseId,
            Purpose = ConsentPurpose.ShelterReferral,
            GivenBy = ConsentGiver.Person,
            Recipient = new ConsentRecipient { Country = "NG" },
        };

        var refusal = await RpcAssert.Refused(StatusCode.FailedPrecondition, () => cases.RecordConsentAsync(request).ResponseAsync);

        refusal.Status.Detail.ShouldContain("child-consent-by-guardian");
    }
}
