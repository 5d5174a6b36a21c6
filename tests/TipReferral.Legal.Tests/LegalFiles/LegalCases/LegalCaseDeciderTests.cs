using TipReferral.Domain;
using TipReferral.Legal.LegalFiles;
using static TipReferral.Legal.Tests.LegalFiles.LegalFileFixtures;

namespace TipReferral.Legal.Tests.LegalFiles.LegalCases;

public sealed class LegalCaseDeciderTests
{
    private static OpenLegalCase Open(Guid legalCaseId, string number = "RG 1234/2026", Jurisdiction? jurisdiction = null) =>
        new(CaseId, legalCaseId, jurisdiction ?? Torino, number, [Offence.TraffickingInPersons, Offence.ForcedLabour], LegalCaseStage.Investigation,
            [VictimRole.Witness, VictimRole.InjuredParty], "Procura di Torino", Now);

    [Fact]
    public void A_victim_case_may_have_several_legal_cases_in_several_countries()
    {
        var abroad = new Jurisdiction("NG", AuthorityKind.ProsecutorsOffice, "NAPTIP Abuja – Legal and Prosecution");
        var state = WithLegalCase();

        var events = Decide(Open(Guid.NewGuid(), "NG/LAG/77/2026", abroad), state);

        var opened = events.ShouldHaveSingleItem().ShouldBeOfType<LegalCaseOpened>();
        var after = LegalFileDecider.Evolve(state, opened)!;
        after.LegalCases.Count.ShouldBe(2);
        after.Countries.ShouldBe(["IT", "NG"]);
    }

    [Fact]
    public void The_same_authority_case_number_is_linked_once()
    {
        Should.Throw<RuleViolationException>(() => Decide(Open(Guid.NewGuid(), "rg 1234/2026"), WithLegalCase()))
            .Rule.ShouldBe(TipReferral.Legal.LegalFiles.LegalCases.DuplicateAuthorityCaseNumberRule);
    }

    [Fact]
    public void Opening_the_same_legal_case_again_changes_nothing()
    {
        Decide(Open(LegalCaseId), WithLegalCase()).ShouldBeEmpty();
    }

    [Fact]
    public void A_judgement_or_closure_needs_an_outcome_and_a_closed_case_moves_no_more()
    {
        var state = WithLegalCase();
        Should.Throw<RuleViolationException>(() => Decide(new ChangeLegalCaseStage(CaseId, LegalCaseId, LegalCaseStage.Judgement, null, "Verdict", Now), state))
            .Rule.ShouldBe(TipReferral.Legal.LegalFiles.LegalCases.OutcomeRequiredRule);

        var closed = LegalFileDecider.Evolve(
            state, Decide(new ChangeLegalCaseStage(CaseId, LegalCaseId, LegalCaseStage.Closed, LegalCaseOutcome.Conviction, "Final", Now), state).Single())!;
        closed.LegalCases.Single().Stage.ShouldBe(LegalCaseStage.Closed);
        closed.LegalCases.Single().Outcome.ShouldBe(LegalCaseOutcome.Conviction);
        Should.Throw<RuleViolationException>(() => Decide(new ChangeLegalCaseStage(CaseId, LegalCaseId, LegalCaseStage.Appeal, null, "Appeal", Now), closed))
            .Rule.ShouldBe(TipReferral.Legal.LegalFiles.LegalCases.LegalCaseClosedRule);
    }

    [Fact]
    public void An_unknown_legal_case_is_not_found()
    {
        Should.Throw<NotFoundException>(() => Decide(new ChangeLegalCaseStage(CaseId, Guid.NewGuid(), LegalCaseStage.Trial, null, "Trial", Now), WithLegalCase()));
    }

    [Fact]
    public void Only_the_office_that_opened_a_legal_case_in_its_country_are_its_prosecutors()
    {
        var legalCase = WithLegalCase().LegalCases.Single();
        legalCase.HasProsecutor(ProsecutorOfTorino).ShouldBeTrue();
        legalCase.HasProsecutor(ProsecutorOfTorino with { Agency = "Procura di Palermo" }).ShouldBeFalse();
        legalCase.HasProsecutor(ProsecutorOfTorino with { Country = "NG" }).ShouldBeFalse();
        legalCase.HasProsecutor(ProsecutorOfTorino with { Role = Roles.LegalAidLawyer }).ShouldBeFalse();
    }
}
