using TipReferral.Repatriation.ReturnCases;
using static TipReferral.Repatriation.Tests.ReturnCases.Deciding.ReturnCaseFixtures;

namespace TipReferral.Repatriation.Tests.ReturnCases.Deciding;

/// <summary>Departure re-checks the gates on the day; the handover follows the travel.</summary>
public sealed class DepartureAndHandoverDeciderTests
{
    [Fact]
    public void A_scheduled_travel_departs_once()
    {
        Given(ScheduledAdult).When(Depart()).ShouldBe([Departed]);
        Given(ScheduledAdult.And(Departed)).When(Depart()).ShouldBeEmpty();
    }

    [Fact]
    public void A_consent_gone_since_scheduling_stops_the_departure()
    {
        GatesNamedBy(Given(ScheduledAdult).Refusing(Depart(withConsent: false))).ShouldBe([ReturnGates.Consent]);
    }

    [Fact]
    public void A_departure_later_than_planned_needs_a_travel_document_valid_on_the_actual_day()
    {
        var validOnPlannedDay = Given(ReadyAdult.Without(ValidTravelDocument).And(TravelDocumentValidUntil(TravelOn), Scheduled()));

        validOnPlannedDay.When(Depart()).ShouldBe([Departed]);
        GatesNamedBy(validOnPlannedDay.Refusing(Depart(at: StartOf(TravelOn.AddDays(1)).AddHours(8)))).ShouldBe([ReturnGates.TravelDocument]);
    }

    [Fact]
    public void Departure_without_scheduled_travel_is_refused()
    {
        Given(ReadyAdult).Refusing(Depart()).Rule.ShouldBe(Travelling.NotScheduledRule);
    }

    [Fact]
    public void Handover_before_departure_is_refused()
    {
        Given(ScheduledAdult).Refusing(AHandover).Rule.ShouldBe(Travelling.NotDepartedRule);
    }

    [Fact]
    public void Handover_after_departure_is_recorded_once()
    {
        Given(ScheduledAdult.And(Departed)).When(AHandover).ShouldBe([HandedOver]);
        Given(HandedOverAdult).When(AHandover).ShouldBeEmpty();
    }

    [Fact]
    public void Nothing_can_be_scheduled_after_departure()
    {
        Given(ScheduledAdult.And(Departed)).Refusing(Schedule()).Rule.ShouldBe(Referring.AlreadyDepartedRule);
    }
}
