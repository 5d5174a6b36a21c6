using TipReferral.Domain;
using TipReferral.Repatriation.ReturnCases;
using static TipReferral.Repatriation.Tests.ReturnCases.Deciding.ReturnCaseFixtures;

namespace TipReferral.Repatriation.Tests.ReturnCases.Deciding;

/// <summary>Referring the person to an agency of the country of origin, and the person's right to change their mind before departure.</summary>
public sealed class ReferringDeciderTests
{
    private static readonly AddressedAgency OtherAgency = new(FixedId(0xb2), "GH", "Ghana Immigration Service", AcceptsReferrals: true);

    [Fact]
    public void A_referral_with_consent_to_a_foreign_accepting_agency_is_requested()
    {
        var events = Given(Opened()).When(Request());

        events.ShouldBe([Requested()]);
        var referral = Given(Opened()).Then(events).Referral.ShouldNotBeNull();
        referral.Status.ShouldBe(ReferralStatus.Requested);
        referral.ReceivingCountry.ShouldBe(AgencyCountry);
    }

    [Fact]
    public void A_childs_referral_naming_the_guardian_for_family_reunification_is_requested()
    {
        Given(Opened(child: true)).When(Request(purpose: ReferralPurpose.FamilyReunificationOfChild, namesGuardian: true)).ShouldBe([Requested(child: true)]);
    }

    [Fact]
    public void A_referral_without_consent_for_its_recipient_is_refused()
    {
        Given(Opened()).Refusing(Request(withoutConsent: true)).Rule.ShouldBe(ConsentRules.ConsentRequiredRule);
    }

    [Fact]
    public void A_referral_while_the_reflection_period_runs_is_refused_naming_that_gate_and_goes_ahead_once_it_ended()
    {
        var refusal = Given(Opened(), Reflection(ReflectionPeriodState.Running)).Refusing(Request());

        refusal.Rule.ShouldBe(ReturnGates.GatesNotMetRule);
        GatesNamedBy(refusal).ShouldBe([ReturnGates.ReflectionPeriod]);
        Given(Opened(), Reflection(ReflectionPeriodState.Running), Reflection(ReflectionPeriodState.Ended)).When(Request()).ShouldBe([Requested()]);
    }

    [Fact]
    public void A_referral_to_an_agency_of_the_cases_own_country_is_refused()
    {
        Given(Opened()).Refusing(Request(agency: Agency with { Country = Country })).Rule.ShouldBe(Referring.AgencyInCaseCountryRule);
    }

    [Fact]
    public void A_referral_to_an_agency_not_accepting_referrals_is_refused()
    {
        Given(Opened()).Refusing(Request(agency: Agency with { AcceptsReferrals = false })).Rule.ShouldBe(Referring.AgencyNotAcceptingRule);
    }

    [Fact]
    public void A_childs_package_without_the_guardian_is_refused()
    {
        Given(Opened(child: true)).Refusing(Request(purpose: ReferralPurpose.FamilyReunificationOfChild, namesGuardian: false)).Rule.ShouldBe(Referring.GuardianRequiredRule);
    }

    [Fact]
    public void An_adults_package_naming_a_guardian_is_refused()
    {
        Given(Opened()).Refusing(Request(namesGuardian: true)).Rule.ShouldBe(Referring.GuardianOnlyForChildRule);
    }

    [Theory]
    [InlineData(ReferralPurpose.FamilyReunificationOfChild)]
    [InlineData(ReferralPurpose.ReturnToAlternativeCare)]
    public void A_childs_purpose_is_refused_for_an_adult(ReferralPurpose purpose)
    {
        Given(Opened()).Refusing(Request(purpose: purpose)).Rule.ShouldBe(Referring.PurposeOnlyForChildRule);
    }

    [Fact]
    public void A_return_decision_dated_after_today_is_refused()
    {
        Given(Opened()).Refusing(Request(decidedOn: DayOf(RequestedAt).AddDays(1))).Rule.ShouldBe(Referring.DecisionInFutureRule);
    }

    [Fact]
    public void Requesting_the_same_agency_again_changes_nothing()
    {
        Given(Opened(), Requested(), Acknowledged).When(Request()).ShouldBeEmpty();
    }

    [Fact]
    public void A_second_agency_is_refused_while_a_referral_is_active()
    {
        Given(Opened(), Requested()).Refusing(Request(agency: OtherAgency)).Rule.ShouldBe(Referring.ReferralAlreadyActiveRule);
    }

    [Fact]
    public void A_declined_referral_leaves_the_case_free_for_another_agency()
    {
        Given(Opened(), Requested(), Acknowledged, Declined).When(Request(agency: OtherAgency, at: Now))
            .ShouldHaveSingleItem().ShouldBeOfType<ReferralRequested>().ReceivingAgency.ShouldBe(OtherAgency.Name);
    }

    [Fact]
    public void The_person_may_withdraw_their_decision_up_to_departure()
    {
        Given(ScheduledAdult).When(new WithdrawReturnDecision(CaseId, "She wants to stay.", Now))
            .ShouldBe([new ReferralWithdrawn(CaseId, ReferralId, WithdrawalCause.ReturnDecisionWithdrawn, "She wants to stay.", Now)]);
    }

    [Fact]
    public void Withdrawing_again_changes_nothing()
    {
        Given(ReadyAdult.And(Withdrawn)).When(new WithdrawReturnDecision(CaseId, "She wants to stay.", Now)).ShouldBeEmpty();
    }

    [Fact]
    public void A_decision_cannot_be_withdrawn_after_departure()
    {
        Given(ScheduledAdult.And(Departed)).Refusing(new WithdrawReturnDecision(CaseId, "Too late.", Now)).Rule.ShouldBe(Referring.AlreadyDepartedRule);
    }

    [Fact]
    public void Withdrawing_without_a_referral_is_refused()
    {
        Given(Opened()).Refusing(new WithdrawReturnDecision(CaseId, "Nothing to withdraw.", Now)).Rule.ShouldBe(Referring.NoActiveReferralRule);
    }

    [Fact]
    public void A_withdrawn_consent_stops_a_referral_not_yet_travelled()
    {
        var events = Given(ScheduledAdult).When(new NoteConsentWithdrawn(CaseId, AConsent.ConsentId, ReferralStillCovered: false, Now));

        events.ShouldHaveSingleItem().ShouldBeOfType<ReferralWithdrawn>().Cause.ShouldBe(WithdrawalCause.ConsentWithdrawn);
        Given(ScheduledAdult).Then(events).ActiveReferral.ShouldBeNull();
    }

    [Fact]
    public void A_withdrawn_consent_leaves_a_referral_another_consent_still_covers()
    {
        Given(ScheduledAdult).When(new NoteConsentWithdrawn(CaseId, AConsent.ConsentId, ReferralStillCovered: true, Now)).ShouldBeEmpty();
    }

    [Fact]
    public void A_withdrawn_consent_after_departure_leaves_the_return_but_revokes_the_package_once()
    {
        var departed = Given(ScheduledAdult.And(Departed));
        var withdrawn = new NoteConsentWithdrawn(CaseId, AConsent.ConsentId, ReferralStillCovered: false, Now);

        var events = departed.When(withdrawn);

        events.ShouldBe([new DisclosurePackageRevoked(CaseId, ReferralId, AConsent.ConsentId, Now)]);
        var revoked = departed.Then(events);
        revoked.Referral!.Status.ShouldBe(ReferralStatus.Departed);
        revoked.Referral.PackageRevoked.ShouldBeTrue();
        revoked.When(withdrawn).ShouldBeEmpty();
    }

    [Fact]
    public void A_withdrawn_consent_revokes_the_package_of_a_closed_return_too()
    {
        var closed = Given(HandedOverAdult.And(new ReturnCaseClosed(CaseId, ReferralId, ReturnOutcome.Reintegrated, "Plan completed.", Now)));

        closed.When(new NoteConsentWithdrawn(CaseId, AConsent.ConsentId, ReferralStillCovered: false, Now))
            .ShouldBe([new DisclosurePackageRevoked(CaseId, ReferralId, AConsent.ConsentId, Now)]);
    }

    [Fact]
    public void A_withdrawn_consent_changes_nothing_on_a_referral_that_already_stopped()
    {
        Given(Opened(), Requested(), Withdrawn).When(new NoteConsentWithdrawn(CaseId, AConsent.ConsentId, ReferralStillCovered: false, Now)).ShouldBeEmpty();
    }
}
