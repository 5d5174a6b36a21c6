using TipReferral.Domain;
using TipReferral.Legal.LegalFiles;
using static TipReferral.Legal.LegalFiles.ProtectionMeasure;
using static TipReferral.Legal.Tests.LegalFiles.LegalFileFixtures;

namespace TipReferral.Legal.Tests.LegalFiles.ProtectingWitnesses;

public sealed class WitnessProtectionDeciderTests
{
    private static readonly Guid ProtectionId = Guid.Parse("0195f000-0000-7000-8000-0000000000b1");
    private static readonly Guid FamilyRequestId = Guid.Parse("0195f000-0000-7000-8000-0000000000c1");
    private static readonly DateOnly NextMonth = DateOnly.FromDateTime(Now.UtcDateTime).AddMonths(1);
    private static readonly FamilyAbroad FamilyInNigeria = new("NG", "Mother and two younger brothers, Benin City");

    private static RequestWitnessProtection Request(
        ProtectionMeasure[] measures, string? pseudonym = "Testimone A", FamilyAbroad? family = null, Guid? protectionId = null) =>
        new(CaseId, protectionId ?? ProtectionId, LegalCaseId, measures, pseudonym, family, FamilyRequestId, "Threats from the network", Now);

    private static GrantWitnessProtection Grant(ProtectionMeasure[] measures, string? pseudonym = null, DateOnly? reviewOn = null) =>
        new(CaseId, ProtectionId, measures, pseudonym, reviewOn ?? NextMonth, "Serious and current danger", Now);

    private static ChangeWitnessProtectionMeasures Change(ProtectionMeasure[] measures, string? pseudonym = null) =>
        new(CaseId, ProtectionId, measures, pseudonym, NextMonth, "Threat level changed", Now);

    private static LiftWitnessProtection Lift() => new(CaseId, ProtectionId, "Trial over, danger gone", Now);

    private static LegalFile Requested(params ProtectionMeasure[] measures) => WithLegalCase().After(Request(measures));

    private static LegalFile Granted(params ProtectionMeasure[] measures) => Requested(measures).After(Grant(measures));

    [Fact]
    public void A_request_records_the_measures_asked_for()
    {
        var protection = Requested(IdentityProtection, VideoLinkTestimony).Protections.ShouldHaveSingleItem();

        protection.Status.ShouldBe(WitnessProtectionStatus.Requested);
        protection.Requested.ShouldBe([IdentityProtection, VideoLinkTestimony]);
        protection.ProposedPseudonym.ShouldBe("Testimone A");
        protection.FamilyProtectionRequestId.ShouldBeNull();
    }

    [Fact]
    public void Identity_protection_is_requested_with_a_proposed_pseudonym_which_a_grant_keeps_unless_it_names_another()
    {
        WithLegalCase().RuleBrokenBy(Request([IdentityProtection], pseudonym: null)).ShouldBe(WitnessProtections.PseudonymRequiredRule);
        WithLegalCase().RuleBrokenBy(Request([IdentityProtection], pseudonym: " ")).ShouldBe(WitnessProtections.PseudonymRequiredRule);

        Granted(IdentityProtection).Protections.Single().Pseudonym.ShouldBe("Testimone A");
    }

    [Fact]
    public void Only_one_protection_is_open_per_legal_case_and_the_same_request_again_changes_nothing()
    {
        var state = Requested(PoliceProtection);

        Decide(Request([PoliceProtection]), state).ShouldBeEmpty();
        state.RuleBrokenBy(Request([PoliceProtection], protectionId: Guid.NewGuid())).ShouldBe(WitnessProtections.AlreadyOpenRule);
        Granted(PoliceProtection).RuleBrokenBy(Request([Relocation], protectionId: Guid.NewGuid())).ShouldBe(WitnessProtections.AlreadyOpenRule);

        var refused = state.After(new RefuseWitnessProtection(CaseId, ProtectionId, "Danger not shown", Now));
        Decide(Request([Relocation], protectionId: Guid.NewGuid()), refused).ShouldHaveSingleItem();
    }

    [Fact]
    public void A_family_request_is_opened_only_with_the_measure_to_protect_the_family_abroad()
    {
        var requested = Decide(Request([FamilyProtectionAbroad], family: FamilyInNigeria), WithLegalCase())
            .ShouldHaveSingleItem().ShouldBeOfType<WitnessProtectionRequested>();
        requested.FamilyProtectionRequestId.ShouldBe(FamilyRequestId);
        requested.FamilyAbroad.ShouldBe(FamilyInNigeria);

        Decide(Request([PoliceProtection]), WithLegalCase()).ShouldHaveSingleItem().ShouldBeOfType<WitnessProtectionRequested>()
            .FamilyProtectionRequestId.ShouldBeNull();
        WithLegalCase().RuleBrokenBy(Request([FamilyProtectionAbroad])).ShouldBe(WitnessProtections.FamilyAbroadWithItsMeasureRule);
        WithLegalCase().RuleBrokenBy(Request([PoliceProtection], family: FamilyInNigeria)).ShouldBe(WitnessProtections.FamilyAbroadWithItsMeasureRule);
        WithLegalCase().RuleBrokenBy(Request([FamilyProtectionAbroad], family: FamilyInNigeria with { Country = "IT" })).ShouldBe(WitnessProtections.FamilyNotAbroadRule);
    }

    [Fact]
    public void No_protection_is_requested_in_a_closed_legal_case_nor_in_an_unknown_one()
    {
        var closed = WithLegalCase().After(new ChangeLegalCaseStage(CaseId, LegalCaseId, LegalCaseStage.Closed, LegalCaseOutcome.Conviction, "Final", Now));

        closed.RuleBrokenBy(Request([PoliceProtection])).ShouldBe(TipReferral.Legal.LegalFiles.LegalCases.LegalCaseClosedRule);
        Should.Throw<NotFoundException>(() => Decide(Request([PoliceProtection]) with { LegalCaseId = Guid.NewGuid() }, WithLegalCase()));
    }

    [Fact]
    public void Granting_identity_protection_records_the_pseudonym_and_who_may_still_see_the_identity()
    {
        var events = Decide(Grant([IdentityProtection, ClosedHearing]), Requested(IdentityProtection, ClosedHearing, Relocation));

        events.Count.ShouldBe(2);
        var granted = events[0].ShouldBeOfType<WitnessProtectionGranted>();
        granted.Measures.ShouldBe([IdentityProtection, ClosedHearing]);
        granted.Pseudonym.ShouldBe("Testimone A");
        var identity = events[1].ShouldBeOfType<WitnessIdentityProtected>();
        identity.Pseudonym.ShouldBe("Testimone A");
        identity.SeenBy.ShouldBe([new Prosecutors("IT", "Procura di Torino")]);
    }

    [Fact]
    public void The_authority_may_grant_its_own_pseudonym_instead_of_the_proposed_one()
    {
        var after = Requested(IdentityProtection).After(Grant([IdentityProtection], pseudonym: "Teste 7"));

        after.Protections.Single().Pseudonym.ShouldBe("Teste 7");
        after.Protections.Single().ProtectsIdentity.ShouldBeTrue();
    }

    [Fact]
    public void A_grant_without_identity_protection_protects_no_identity()
    {
        Decide(Grant([VideoLinkTestimony]), Requested(IdentityProtection, VideoLinkTestimony)).ShouldHaveSingleItem().ShouldBeOfType<WitnessProtectionGranted>()
            .Pseudonym.ShouldBeNull();
    }

    [Fact]
    public void Granted_measures_must_be_among_the_requested_ones()
    {
        Requested(VideoLinkTestimony).RuleBrokenBy(Grant([VideoLinkTestimony, Relocation])).ShouldBe(WitnessProtections.MeasuresNotRequestedRule);
        Granted(VideoLinkTestimony).RuleBrokenBy(Change([Relocation])).ShouldBe(WitnessProtections.MeasuresNotRequestedRule);
    }

    [Fact]
    public void The_next_review_must_come_after_today()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        Requested(ClosedHearing).RuleBrokenBy(Grant([ClosedHearing], reviewOn: today)).ShouldBe(WitnessProtections.ReviewDateNotInFutureRule);
        Granted(ClosedHearing).RuleBrokenBy(new ReviewWitnessProtection(CaseId, ProtectionId, today.AddDays(-1), "Review", Now))
            .ShouldBe(WitnessProtections.ReviewDateNotInFutureRule);
    }

    [Fact]
    public void Only_a_requested_protection_is_granted_or_refused_and_repeating_the_decision_changes_nothing()
    {
        var granted = Granted(PoliceProtection);
        Decide(Grant([PoliceProtection]), granted).ShouldBeEmpty();
        granted.RuleBrokenBy(Grant([PoliceProtection], reviewOn: NextMonth.AddDays(1))).ShouldBe(WitnessProtections.NotRequestedRule);
        granted.RuleBrokenBy(new RefuseWitnessProtection(CaseId, ProtectionId, "No", Now)).ShouldBe(WitnessProtections.NotRequestedRule);

        var refused = Requested(PoliceProtection).After(new RefuseWitnessProtection(CaseId, ProtectionId, "Danger not shown", Now));
        refused.Protections.Single().Status.ShouldBe(WitnessProtectionStatus.Refused);
        refused.Protections.Single().DecisionReason.ShouldBe("Danger not shown");
        Decide(new RefuseWitnessProtection(CaseId, ProtectionId, "Danger not shown", Now), refused).ShouldBeEmpty();
        refused.RuleBrokenBy(Grant([PoliceProtection])).ShouldBe(WitnessProtections.NotRequestedRule);
    }

    [Fact]
    public void Only_a_granted_protection_is_reviewed_changed_or_lifted()
    {
        var requested = Requested(PoliceProtection);
        requested.RuleBrokenBy(new ReviewWitnessProtection(CaseId, ProtectionId, NextMonth, "Review", Now)).ShouldBe(WitnessProtections.NotGrantedRule);
        requested.RuleBrokenBy(Change([PoliceProtection])).ShouldBe(WitnessProtections.NotGrantedRule);
        requested.RuleBrokenBy(Lift()).ShouldBe(WitnessProtections.NotGrantedRule);

        var lifted = Granted(PoliceProtection).After(Lift());
        lifted.Protections.Single().Status.ShouldBe(WitnessProtectionStatus.Lifted);
        Decide(Lift(), lifted).ShouldBeEmpty();
        lifted.RuleBrokenBy(Change([PoliceProtection])).ShouldBe(WitnessProtections.NotGrantedRule);
    }

    [Fact]
    public void A_review_sets_the_next_review_date_with_its_reason()
    {
        var reviewed = Granted(PoliceProtection).After(new ReviewWitnessProtection(CaseId, ProtectionId, NextMonth.AddMonths(2), "Still threatened", Now));

        reviewed.Protections.Single().ReviewOn.ShouldBe(NextMonth.AddMonths(2));
        reviewed.Protections.Single().DecisionReason.ShouldBe("Still threatened");
        Decide(new ReviewWitnessProtection(CaseId, ProtectionId, NextMonth.AddMonths(2), "Still threatened", Now), reviewed).ShouldBeEmpty();
    }

    [Fact]
    public void Changing_the_measures_protects_or_unprotects_the_identity_as_identity_protection_comes_or_goes()
    {
        var withoutIdentity = Requested(IdentityProtection, PoliceProtection).After(Grant([PoliceProtection]));

        var adding = Decide(Change([PoliceProtection, IdentityProtection]), withoutIdentity);
        adding.Select(e => e.GetType()).ShouldBe([typeof(WitnessProtectionMeasuresChanged), typeof(WitnessIdentityProtected)]);

        var withIdentity = withoutIdentity.After(Change([PoliceProtection, IdentityProtection]));
        Decide(Change([IdentityProtection, PoliceProtection]), withIdentity).ShouldBeEmpty();
        Decide(Change([IdentityProtection], pseudonym: "Teste 9"), withIdentity)
            .Select(e => e.GetType()).ShouldBe([typeof(WitnessProtectionMeasuresChanged), typeof(WitnessIdentityProtected)]);
        Decide(Change([PoliceProtection]), withIdentity)
            .Select(e => e.GetType()).ShouldBe([typeof(WitnessProtectionMeasuresChanged), typeof(WitnessIdentityProtectionLifted)]);
        Decide(Change([IdentityProtection]), withIdentity).ShouldHaveSingleItem().ShouldBeOfType<WitnessProtectionMeasuresChanged>();
    }

    [Fact]
    public void Lifting_ends_the_identity_protection_it_gave()
    {
        Decide(Lift(), Granted(IdentityProtection)).Select(e => e.GetType()).ShouldBe([typeof(WitnessProtectionLifted), typeof(WitnessIdentityProtectionLifted)]);
        Decide(Lift(), Granted(PoliceProtection)).ShouldHaveSingleItem().ShouldBeOfType<WitnessProtectionLifted>();
        Granted(IdentityProtection).After(Lift()).Protections.Single().ProtectsIdentity.ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_protection_is_not_found()
    {
        Should.Throw<NotFoundException>(() => Decide(Lift(), WithLegalCase()));
    }
}
