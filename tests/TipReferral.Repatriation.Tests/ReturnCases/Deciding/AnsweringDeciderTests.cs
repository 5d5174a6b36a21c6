using TipReferral.Repatriation.ReturnCases;
using static TipReferral.Repatriation.Tests.ReturnCases.Deciding.ReturnCaseFixtures;

namespace TipReferral.Repatriation.Tests.ReturnCases.Deciding;

/// <summary>The receiving agency's answers, and the escalation of a missed deadline.</summary>
public sealed class AnsweringDeciderTests
{
    private static AcknowledgeReferral Acknowledge => new(CaseId, "Hauwa Musa", Guid.Empty, "signed-acknowledgement", DaysLater(2));

    private static AcceptReferral Accept => new(CaseId, "Shelter place in Abuja.", Guid.Empty, "signed-acceptance", DaysLater(3));

    private static DeclineReferral Decline => new(CaseId, "No place for her at present.", Guid.Empty, "signed-decline", DaysLater(3));

    private static NoteAnswerOverdue OverdueAt(DateTimeOffset now) => new(CaseId, now);

    [Fact]
    public void Acknowledging_names_the_contact_person_once()
    {
        var requested = Given(Opened(), Requested());

        var events = requested.When(Acknowledge);

        events.ShouldBe([Acknowledged]);
        var acknowledged = requested.Then(events);
        acknowledged.Referral!.ContactPerson.ShouldBe("Hauwa Musa");
        acknowledged.When(Acknowledge).ShouldBeEmpty();
    }

    [Fact]
    public void Accepting_before_acknowledging_is_refused()
    {
        Given(Opened(), Requested()).Refusing(Accept).Rule.ShouldBe(Answering.AcknowledgeFirstRule);
    }

    [Fact]
    public void Declining_before_acknowledging_is_refused()
    {
        Given(Opened(), Requested()).Refusing(Decline).Rule.ShouldBe(Answering.AcknowledgeFirstRule);
    }

    [Fact]
    public void An_acknowledged_referral_is_accepted_once()
    {
        Given(Opened(), Requested(), Acknowledged).When(Accept).ShouldBe([Accepted]);
        Given(Opened(), Requested(), Acknowledged, Accepted).When(Accept).ShouldBeEmpty();
    }

    [Fact]
    public void A_decline_keeps_its_reason_and_ends_the_referral()
    {
        var acknowledged = Given(Opened(), Requested(), Acknowledged);

        var events = acknowledged.When(Decline);

        events.ShouldBe([Declined]);
        var declined = acknowledged.Then(events);
        declined.Referral!.Reason.ShouldBe("No place for her at present.");
        declined.ActiveReferral.ShouldBeNull();
        declined.When(Decline).ShouldBeEmpty();
    }

    [Fact]
    public void Declining_an_accepted_referral_is_refused()
    {
        Given(Opened(), Requested(), Acknowledged, Accepted).Refusing(Decline).Rule.ShouldBe(Answering.AlreadyAcceptedRule);
    }

    [Fact]
    public void Accepting_a_declined_referral_is_refused()
    {
        Given(Opened(), Requested(), Acknowledged, Declined).Refusing(Accept).Rule.ShouldBe(Answering.AlreadyDeclinedRule);
    }

    [Fact]
    public void A_missed_acknowledgement_escalates_once()
    {
        var requested = Given(Opened(), Requested());

        var events = requested.When(OverdueAt(AcknowledgeBy));

        events.ShouldBe([new ReferralAnswerOverdue(CaseId, ReferralId, AwaitedAnswer.Acknowledgement, AcknowledgeBy, AcknowledgeBy)]);
        requested.Then(events).When(OverdueAt(AcknowledgeBy.AddHours(1))).ShouldBeEmpty();
    }

    [Fact]
    public void After_a_late_acknowledgement_a_missed_answer_escalates_on_its_own()
    {
        var lateAcknowledgement = Given(Opened(), Requested(), new ReferralAnswerOverdue(CaseId, ReferralId, AwaitedAnswer.Acknowledgement, AcknowledgeBy, AcknowledgeBy), Acknowledged);

        lateAcknowledgement.When(OverdueAt(AnswerBy))
            .ShouldBe([new ReferralAnswerOverdue(CaseId, ReferralId, AwaitedAnswer.AcceptanceOrDecline, AnswerBy, AnswerBy)]);
    }

    [Fact]
    public void A_timer_firing_before_the_deadline_does_nothing()
    {
        Given(Opened(), Requested()).When(OverdueAt(AcknowledgeBy.AddMinutes(-1))).ShouldBeEmpty();
        Given(Opened(), Requested(), Acknowledged).When(OverdueAt(AnswerBy.AddMinutes(-1))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_answered_referral_is_never_overdue(bool accepted)
    {
        Given(Opened(), Requested(), Acknowledged, accepted ? Accepted : Declined).When(OverdueAt(AnswerBy.AddDays(1))).ShouldBeEmpty();
    }
}
