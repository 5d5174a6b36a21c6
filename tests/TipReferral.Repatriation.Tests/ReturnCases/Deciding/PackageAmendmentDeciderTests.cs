using TipReferral.Domain;
using TipReferral.Repatriation.ReturnCases;
using static TipReferral.Repatriation.Tests.ReturnCases.Deciding.ReturnCaseFixtures;

namespace TipReferral.Repatriation.Tests.ReturnCases.Deciding;

/// <summary>
/// The disclosure package is versioned: the sending side replaces it with the next revision until
/// departure, and an agency's acceptance holds only for the revision it read.
/// </summary>
public sealed class PackageAmendmentDeciderTests
{
    private static readonly Guid AmendedPackageId = FixedId(0xc2);
    private static readonly DateTimeOffset AnswerAgainBy = Now.AddDays(14);

    private static AmendDisclosurePackage Amend(bool namesGuardian = false, bool withConsent = true, DateTimeOffset? at = null) =>
        new(CaseId, namesGuardian, AmendedPackageId, "signed-package-revision-2", "A medical check found she is pregnant.", withConsent ? AConsent : null,
            AnswerAgainBy, at ?? Now);

    private static DisclosurePackageAmended Amended(DateTimeOffset? answerAgainBy = null) =>
        new(CaseId, ReferralId, 2, AmendedPackageId, "signed-package-revision-2", "A medical check found she is pregnant.", answerAgainBy, Now);

    [Fact]
    public void Amending_before_the_agency_answered_replaces_the_package_with_the_next_revision_and_asks_nothing_more()
    {
        var acknowledged = Given(Opened(), Requested(), Acknowledged);

        var events = acknowledged.When(Amend());

        events.ShouldBe([Amended()]);
        var referral = acknowledged.Then(events).Referral!;
        referral.PackageRevision.ShouldBe(2);
        referral.PackageDocumentId.ShouldBe(AmendedPackageId);
        referral.Status.ShouldBe(ReferralStatus.Acknowledged);
        referral.AnswerBy.ShouldBe(AnswerBy);
    }

    [Fact]
    public void Each_amendment_takes_the_next_revision()
    {
        var amendedOnce = Given(Opened(), Requested(), Amended());

        var events = amendedOnce.When(Amend());

        events.ShouldHaveSingleItem().ShouldBeOfType<DisclosurePackageAmended>().Revision.ShouldBe(3);
        amendedOnce.Then(events).Referral!.PackageRevision.ShouldBe(3);
    }

    [Fact]
    public void Amending_an_accepted_referral_asks_the_agency_to_answer_the_new_revision_and_its_acceptance_no_longer_opens_the_gate()
    {
        var accepted = Given(ReadyAdult);

        var events = accepted.When(Amend());

        events.ShouldBe([Amended(answerAgainBy: AnswerAgainBy)]);
        var reopened = accepted.Then(events);
        reopened.Referral!.Status.ShouldBe(ReferralStatus.Acknowledged);
        reopened.Referral.AnswerBy.ShouldBe(AnswerAgainBy);
        Answering.AwaitedOf(reopened.Referral).ShouldBe((AwaitedAnswer.AcceptanceOrDecline, AnswerAgainBy));
        GatesNamedBy(reopened.Refusing(Schedule())).ShouldBe([ReturnGates.Accepted]);
    }

    [Fact]
    public void The_agency_may_accept_or_decline_the_new_revision()
    {
        var reopened = Given(ReadyAdult.And(Amended(answerAgainBy: AnswerAgainBy)));
        var accept = new AcceptReferral(CaseId, "Antenatal care arranged in Abuja.", Guid.Empty, "signed-acceptance-2", Now);
        var decline = new DeclineReferral(CaseId, "We cannot provide antenatal care.", Guid.Empty, "signed-decline-2", Now);

        var acceptance = reopened.When(accept);
        acceptance.ShouldHaveSingleItem().ShouldBeOfType<ReferralAccepted>();
        reopened.Then(acceptance).When(Schedule()).ShouldHaveSingleItem().ShouldBeOfType<TravelScheduled>();

        reopened.When(decline).ShouldHaveSingleItem().ShouldBeOfType<ReferralDeclined>();
    }

    [Fact]
    public void An_overdue_answer_to_the_new_revision_escalates_again_even_if_the_first_answer_had_escalated()
    {
        var escalatedThenAccepted = ReadyAdult.And(new ReferralAnswerOverdue(CaseId, ReferralId, AwaitedAnswer.AcceptanceOrDecline, AnswerBy, AnswerBy));
        var reopened = Given(escalatedThenAccepted.And(Amended(answerAgainBy: AnswerAgainBy)));

        reopened.When(new NoteAnswerOverdue(CaseId, AnswerAgainBy)).ShouldBe(
            [new ReferralAnswerOverdue(CaseId, ReferralId, AwaitedAnswer.AcceptanceOrDecline, AnswerAgainBy, AnswerAgainBy)]);
    }

    [Fact]
    public void Amending_after_travel_was_scheduled_suspends_it_naming_the_acceptance_gate()
    {
        var scheduled = Given(ScheduledAdult);

        var events = scheduled.When(Amend());

        events.Count.ShouldBe(2);
        var suspended = events[0].ShouldBeOfType<TravelSuspended>();
        suspended.BrokenGates.ShouldBe([ReturnGates.Accepted]);
        suspended.SuspendedAt.ShouldBe(Now);
        events[1].ShouldBe(Amended(answerAgainBy: AnswerAgainBy));
        scheduled.Then(events).Referral!.Status.ShouldBe(ReferralStatus.Acknowledged);
    }

    [Fact]
    public void A_package_cannot_be_amended_after_departure()
    {
        Given(ScheduledAdult.And(Departed)).Refusing(Amend(at: StartOf(TravelOn).AddHours(9))).Rule.ShouldBe(Referring.AlreadyDepartedRule);
    }

    [Fact]
    public void A_package_is_amended_only_on_an_active_referral()
    {
        Given(Opened()).Refusing(Amend()).Rule.ShouldBe(Referring.NoActiveReferralRule);
        Given(Opened(), Requested(), Withdrawn).Refusing(Amend()).Rule.ShouldBe(Referring.NoActiveReferralRule);
        Given(Opened(), Requested(), Acknowledged, Declined).Refusing(Amend()).Rule.ShouldBe(Referring.NoActiveReferralRule);
    }

    [Fact]
    public void Amending_without_a_valid_consent_for_the_recipient_is_refused()
    {
        Given(Opened(), Requested()).Refusing(Amend(withConsent: false)).Rule.ShouldBe(ConsentRules.ConsentRequiredRule);
    }

    [Fact]
    public void A_childs_amended_package_still_names_the_guardian_and_an_adults_still_does_not()
    {
        Given(Opened(child: true), Requested(child: true)).Refusing(Amend(namesGuardian: false)).Rule.ShouldBe(Referring.GuardianRequiredRule);
        Given(Opened(child: true), Requested(child: true)).When(Amend(namesGuardian: true)).ShouldHaveSingleItem().ShouldBeOfType<DisclosurePackageAmended>();
        Given(Opened(), Requested()).Refusing(Amend(namesGuardian: true)).Rule.ShouldBe(Referring.GuardianOnlyForChildRule);
    }

    [Fact]
    public void An_amendment_is_evidence_for_the_acceptance_gate()
    {
        ReturnGates.GatesSetBy(Amended()).ShouldBe([ReturnGates.Accepted]);
    }
}
