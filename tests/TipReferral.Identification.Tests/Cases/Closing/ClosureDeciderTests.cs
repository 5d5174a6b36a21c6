using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.Closing;

public sealed class ClosureDeciderTests
{
    private const string Reason = "Reintegrated with her family";
    private static readonly DateTimeOffset ClosedAt = DaysLater(40);

    private static CloseCase Close(CaseClosureReason reason) => new(CaseId, reason, Reason, ClosedAt);

    [Fact]
    public void Closing_an_open_case_records_the_closure_with_its_reason()
    {
        var events = Given(AdultRegistered).When(Close(CaseClosureReason.AssistanceCompleted));

        events.ShouldBe([new VictimCaseClosed(CaseId, CaseClosureReason.AssistanceCompleted, Reason, ClosedAt)]);
    }

    [Fact]
    public void Closing_an_identified_victims_case_records_the_closure()
    {
        var events = Given(AdultRegistered, Decided(IdentificationOutcome.IdentifiedAsVictim)).When(Close(CaseClosureReason.PersonDeclinedAssistance));

        events.ShouldBe([new VictimCaseClosed(CaseId, CaseClosureReason.PersonDeclinedAssistance, Reason, ClosedAt)]);
    }

    [Theory]
    [InlineData(CaseClosureReason.AssistanceCompleted)]
    [InlineData(CaseClosureReason.Deceased)]
    public void Closing_a_closed_case_again_records_nothing_whatever_the_reason(CaseClosureReason reason)
    {
        Given(AdultRegistered, Closed(CaseClosureReason.AssistanceCompleted)).When(Close(reason)).ShouldBeEmpty();
    }

    [Fact]
    public void Closing_a_case_closed_by_a_negative_decision_records_nothing()
    {
        Given(AdultRegistered, Decided(IdentificationOutcome.NotAVictim), Closed(CaseClosureReason.NotAVictim))
            .When(Close(CaseClosureReason.Other))
            .ShouldBeEmpty();
    }

    [Theory]
    [InlineData(nameof(IdentifyFormally))]
    [InlineData(nameof(AppointGuardian))]
    [InlineData(nameof(CorrectPersonalDetails))]
    [InlineData(nameof(ResolvePossibleDuplicate))]
    public void Any_other_command_on_a_closed_case_breaks_case_closed(string command)
    {
        VictimCaseCommand issued = command switch
        {
            nameof(IdentifyFormally) => new IdentifyFormally(CaseId, IdentificationOutcome.IdentifiedAsVictim, Naptip, "Confirmed", ClosedAt),
            nameof(AppointGuardian) => new AppointGuardian(CaseId, SocialWorker, "", ClosedAt),
            nameof(CorrectPersonalDetails) => new CorrectPersonalDetails(CaseId, AnAdult with { FamilyName = "Bello" }, CorrectedNameIndex, "Typo", ClosedAt),
            nameof(ResolvePossibleDuplicate) => new ResolvePossibleDuplicate(CaseId, OtherCaseId, DuplicateResolution.Link, "Same person", ClosedAt),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };

        // A child's case with a pending duplicate: each command would be accepted were the case open.
        Given(ChildRegistered, DuplicateDetected(OtherCaseId, OtherReference), Closed(CaseClosureReason.DuplicateRegistration))
            .RuleBrokenBy(issued)
            .ShouldBe("case-closed");
    }

    [Fact]
    public void A_closure_closes_the_case_and_keeps_its_status()
    {
        var state = Given(AdultRegistered, Decided(IdentificationOutcome.IdentifiedAsVictim), Closed(CaseClosureReason.AssistanceCompleted))
            .ShouldNotBeNull();

        state.IsClosed.ShouldBeTrue();
        state.ClosureReason.ShouldBe(CaseClosureReason.AssistanceCompleted);
        state.Status.ShouldBe(TraffickingStatus.IdentifiedVictim);
        state.UpdatedAt.ShouldBe(DaysLater(30));
    }
}
