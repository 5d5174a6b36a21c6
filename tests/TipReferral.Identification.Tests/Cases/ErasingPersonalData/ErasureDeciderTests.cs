using TipReferral.Domain;
using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;

namespace TipReferral.Identification.Tests.Cases.ErasingPersonalData;

public sealed class ErasureDeciderTests
{
    private const string Ground = "The person's request under NDPA s.34";
    private static readonly Caller Worker = new("caseworker.ng", Roles.CaseWorker, "NAPTIP Lagos", "NG");
    private static readonly Caller Officer = new("dataprotectionofficer.ng", Roles.DataProtectionOfficer, "NAPTIP Abuja", "NG");
    private static readonly ErasureRequested Requested = new(CaseId, Ground, Worker, DaysLater(50));

    [Fact]
    public void An_erasure_request_records_the_ground_and_who_asked()
    {
        Given(AdultRegistered).When(new RequestErasure(CaseId, Ground, Worker, DaysLater(50))).ShouldBe([Requested]);
    }

    [Fact]
    public void Approval_erases_and_names_both_the_requester_and_the_approver()
    {
        Given(AdultRegistered, Requested).When(new ApproveErasure(CaseId, "Ground verified", Officer, DaysLater(51)))
            .ShouldBe([new PersonalDataErased(CaseId, "Ground verified", Worker, Officer, DaysLater(51))]);
    }

    [Fact]
    public void Erasure_clears_the_blind_name_index_so_nobody_finds_the_person_again()
    {
        var erased = Given(AdultRegistered, Requested, new PersonalDataErased(CaseId, "Ground verified", Worker, Officer, DaysLater(51)))!;

        erased.IsErased.ShouldBeTrue();
        erased.NameIndex.ShouldBeEmpty();
    }

    [Fact]
    public void Nothing_is_erased_without_a_request()
    {
        Given(AdultRegistered).RuleBrokenBy(new ApproveErasure(CaseId, "Ground verified", Officer, DaysLater(51))).ShouldBe(PersonalDataErasure.NotRequestedRule);
    }

    [Fact]
    public void Whoever_requested_cannot_approve()
    {
        var selfApproval = new ApproveErasure(CaseId, "Ground verified", Worker with { Role = Roles.DataProtectionOfficer }, DaysLater(51));

        Given(AdultRegistered, Requested).RuleBrokenBy(selfApproval).ShouldBe(PersonalDataErasure.FourEyesRule);
    }

    [Fact]
    public void A_rejected_request_leaves_the_data_and_can_be_asked_again()
    {
        var state = Given(AdultRegistered, Requested, new ErasureRejected(CaseId, "Data still needed for the trial", Officer, DaysLater(51)))!;

        state.IsErased.ShouldBeFalse();
        state.When(new RequestErasure(CaseId, Ground, Worker, DaysLater(60))).Count.ShouldBe(1);
    }

    [Fact]
    public void Erasure_stays_possible_on_a_closed_case()
    {
        Given(AdultRegistered, Closed(CaseClosureReason.AssistanceCompleted), Requested)
            .When(new ApproveErasure(CaseId, "Ground verified", Officer, DaysLater(51))).Count.ShouldBe(1);
    }

    [Fact]
    public void After_erasure_no_personal_data_can_be_recorded_or_shared()
    {
        var erased = Given(AdultRegistered, Requested, new PersonalDataErased(CaseId, "Ground verified", Worker, Officer, DaysLater(51)));

        erased.RuleBrokenBy(new CorrectPersonalDetails(CaseId, AnAdult with { GivenName = "Aminat" }, CorrectedNameIndex, "Typo", DaysLater(52)))
            .ShouldBe(PersonalDataErasure.ErasedRule);
        erased.RuleBrokenBy(new RecordConsent(CaseId, Guid.NewGuid(), ConsentPurpose.ShelterReferral, new ConsentRecipient("NG", null), ConsentGiver.Person, null, Worker, DaysLater(52)))
            .ShouldBe(PersonalDataErasure.ErasedRule);
        erased.When(new ApproveErasure(CaseId, "Ground verified", Officer, DaysLater(52))).ShouldBeEmpty();
    }
}
