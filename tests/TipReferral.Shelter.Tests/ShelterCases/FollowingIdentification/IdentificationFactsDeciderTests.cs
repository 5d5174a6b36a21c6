using TipReferral.Domain;
using TipReferral.Shelter.ShelterCases;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.ShelterCases.FollowingIdentification;

/// <summary>
/// The identification service's facts arrive as messages, possibly twice or out of order: each
/// is taken in once. (The policy here starts the reflection period on admission, so these tests
/// see only the facts; the period's start is ReflectionPeriodDeciderTests'.)
/// </summary>
public sealed class IdentificationFactsDeciderTests
{
    private const string ClosureReason = "ASSISTANCE_COMPLETED";
    private static readonly DateTimeOffset ClosedAt = DaysLater(6);

    private static NoteCaseClosed Close => new(CaseId, ClosureReason, ClosedAt);

    [Fact]
    public void A_registered_case_starts_awaiting_placement_with_what_identification_knows_of_it()
    {
        var events = Given().When(Await(formallyIdentified: false, StartsOnAdmission, isPresumedChild: true));

        events.ShouldBe([new VictimAwaitingPlacement(CaseId, Reference, Country, IsPresumedChild: true, FormallyIdentified: false, RegisteredAt)]);
        var state = Given().Then(events);
        state.Status.ShouldBe(PlacementStatus.AwaitingPlacement);
        state.IsPresumedChild.ShouldBeTrue();
        state.AwaitingSince.ShouldBe(RegisteredAt);
    }

    [Fact]
    public void The_same_registration_taken_in_twice_records_nothing_the_second_time()
    {
        Given(AdultAwaiting).When(Await(formallyIdentified: false, StartsOnAdmission)).ShouldBeEmpty();
    }

    [Fact]
    public void A_registered_case_then_identified_records_the_identification()
    {
        var events = Given(AdultAwaiting).When(Await(formallyIdentified: true, StartsOnAdmission));

        events.ShouldBe([new VictimFormallyIdentified(CaseId, IdentifiedAt)]);
        Given(AdultAwaiting).Then(events).FormallyIdentified.ShouldBeTrue();
    }

    [Fact]
    public void The_same_identification_taken_in_twice_records_nothing_the_second_time()
    {
        Given(AdultAwaiting, Identified).When(Await(formallyIdentified: true, StartsOnIdentification)).ShouldBeEmpty();
    }

    [Fact]
    public void A_registration_arriving_after_the_identification_records_nothing()
    {
        Given(AdultAwaiting with { FormallyIdentified = true }).When(Await(formallyIdentified: false, StartsOnIdentification)).ShouldBeEmpty();
    }

    [Fact]
    public void A_guardian_appointed_is_noted_once_however_often_it_is_taken_in()
    {
        var note = new NoteGuardianAppointed(CaseId, DaysLater(1));

        Given(ChildAwaiting).When(note).ShouldBe([new GuardianAppointed(CaseId, DaysLater(1))]);
        Given(ChildAwaiting, GuardianNoted).When(note).ShouldBeEmpty();
        Given(ChildAwaiting, GuardianNoted).ShouldNotBeNull().GuardianAppointed.ShouldBeTrue();
    }

    [Fact]
    public void A_guardian_noted_for_a_case_never_seen_is_not_found()
    {
        Should.Throw<NotFoundException>(() => Given().When(new NoteGuardianAppointed(CaseId, DaysLater(1)))).What.ShouldBe("case");
    }

    [Fact]
    public void Closing_a_referred_case_withdraws_the_pending_referral()
    {
        var state = Given(AdultAwaiting, Referred(MixedShelter()));

        var events = state.When(Close);

        events.ShouldBe([
            new VictimCaseClosedInIdentification(CaseId, ClosureReason, ClosedAt),
            new ShelterReferralWithdrawn(CaseId, MixedShelterId, Referral.CaseClosedWithdrawal, ClosedAt),
        ]);
        var closed = state.Then(events);
        closed.ClosedInIdentification.ShouldBeTrue();
        closed.Status.ShouldBe(PlacementStatus.AwaitingPlacement);
        closed.ReferredTo.ShouldBeNull();
    }

    [Fact]
    public void Closing_the_case_of_someone_in_a_shelter_leaves_the_person_there()
    {
        var state = Given(AdultAwaiting, Admitted(WomensShelter()));

        var events = state.When(Close);

        events.ShouldBe([new VictimCaseClosedInIdentification(CaseId, ClosureReason, ClosedAt)]);
        state.Then(events).CurrentPlacement.ShouldNotBeNull().ShelterId.ShouldBe(WomensShelterId);
    }

    [Fact]
    public void Closing_a_closed_case_again_records_nothing()
    {
        Given(AdultAwaiting, ClosedInIdentification).When(Close).ShouldBeEmpty();
    }
}
