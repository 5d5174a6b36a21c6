using TipReferral.Shelter.ShelterCases;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;

namespace TipReferral.Shelter.Tests.ShelterCases.DeliveringServices;

public sealed class ServiceDeliveryDeciderTests
{
    private const string Provider = "Lagos Legal Aid Council";
    private const string Notes = "Explained the residence permit for victims";

    private static readonly DateTimeOffset RecordedAt = DaysLater(10);
    private static readonly DateOnly Today = new(2026, 3, 20);

    private static RecordServiceDelivered Deliver(DateOnly on) => new(CaseId, ServiceKind.LegalCounselling, on, Provider, Notes, ShelterStaff, RecordedAt);

    [Fact]
    public void A_service_delivered_is_recorded_with_its_provider_and_notes()
    {
        Given(AdultAwaiting).When(Deliver(Today)).ShouldBe([
            new ServiceDelivered(CaseId, ServiceKind.LegalCounselling, Today, Provider, Notes, ShelterStaff, RecordedAt),
        ]);
    }

    [Fact]
    public void A_service_dated_in_the_future_breaks_date_in_future()
    {
        Given(AdultAwaiting).RuleBrokenBy(Deliver(Today.AddDays(2))).ShouldBe("date-in-future");
    }
}
