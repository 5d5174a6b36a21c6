using TipReferral.Domain;
using TipReferral.Legal.LegalFiles;
using static TipReferral.Legal.Tests.LegalFiles.LegalFileFixtures;

namespace TipReferral.Legal.Tests.LegalFiles.LegalAid;

public sealed class LegalAidDeciderTests
{
    private static AssignLegalAidLawyer Assign(Guid? legalCaseId = null) =>
        new(CaseId, "legalaidlawyer.it", "Elena Greco", "ASGI", legalCaseId, Now);

    [Fact]
    public void The_assigned_lawyer_acts_for_the_person_and_a_repeat_changes_nothing()
    {
        var state = WithLegalCase();
        var lawyer = new Caller("legalaidlawyer.it", Roles.LegalAidLawyer, "ASGI", "IT");
        state.IsLegalAidLawyer(lawyer).ShouldBeFalse();

        var assigned = Decide(Assign(LegalCaseId), state).ShouldHaveSingleItem().ShouldBeOfType<LegalAidLawyerAssigned>();
        var after = LegalFileDecider.Evolve(state, assigned)!;

        after.IsLegalAidLawyer(lawyer).ShouldBeTrue();
        after.IsLegalAidLawyer(lawyer with { UserId = "another.lawyer" }).ShouldBeFalse();
        Decide(Assign(LegalCaseId), after).ShouldBeEmpty();
        Decide(Assign(), after).ShouldHaveSingleItem();
    }

    [Fact]
    public void A_lawyer_is_not_assigned_to_an_unknown_or_closed_legal_case()
    {
        Should.Throw<NotFoundException>(() => Decide(Assign(Guid.NewGuid()), WithLegalCase()));
        var closed = LegalFileDecider.Evolve(
            WithLegalCase(), new LegalCaseStageChanged(CaseId, LegalCaseId, LegalCaseStage.Closed, LegalCaseOutcome.Dismissed, "Dismissed", Now))!;
        Should.Throw<RuleViolationException>(() => Decide(Assign(LegalCaseId), closed)).Rule.ShouldBe(TipReferral.Legal.LegalFiles.LegalCases.LegalCaseClosedRule);
    }
}
