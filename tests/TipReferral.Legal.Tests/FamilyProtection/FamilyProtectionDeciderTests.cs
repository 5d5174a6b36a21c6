using TipReferral.Domain;
using TipReferral.Legal.FamilyProtection;
using TipReferral.Legal.LegalFiles;
using static TipReferral.Legal.Tests.LegalFiles.LegalFileFixtures;

namespace TipReferral.Legal.Tests.FamilyProtection;

public sealed class FamilyProtectionDeciderTests
{
    private static readonly Guid RequestId = Guid.Parse("0195f000-0000-7000-8000-0000000000c1");

    private static WitnessProtectionRequested ProtectionRequested(params ProtectionMeasure[] measures) => new(
        CaseId, Guid.NewGuid(), LegalCaseId, measures, null,
        measures.Contains(ProtectionMeasure.FamilyProtectionAbroad) ? RequestId : null,
        measures.Contains(ProtectionMeasure.FamilyProtectionAbroad) ? new FamilyAbroad("NG", "Mother, Benin City") : null,
        "Threats", Now);

    private static FamilyProtectionCase Requested() =>
        FamilyProtectionDecider.Evolve(null, FamilyProtectionDecider.RequestsOpenedBy(WithLegalCase(), [ProtectionRequested(ProtectionMeasure.FamilyProtectionAbroad)]).Single())!;

    private static DecideFamilyProtection Grant(params ProtectionMeasure[] measures) => new(RequestId, true, measures, "Relocated within Edo State", Now);

    private static DecideFamilyProtection Refuse() => new(RequestId, false, [], "No danger shown", Now);

    [Fact]
    public void A_request_is_addressed_to_the_familys_country_from_the_proceedings_country_and_authority()
    {
        var request = Requested();

        request.Id.ShouldBe(RequestId);
        request.CaseId.ShouldBe(CaseId);
        request.Country.ShouldBe("NG");
        request.Members.ShouldBe("Mother, Benin City");
        request.RequestingCountry.ShouldBe("IT");
        request.RequestingAuthority.ShouldBe("Procura di Torino");
        request.Status.ShouldBe(FamilyProtectionStatus.Requested);
    }

    [Fact]
    public void Only_a_protection_requested_for_the_family_abroad_opens_a_family_request()
    {
        FamilyProtectionDecider.RequestsOpenedBy(WithLegalCase(), [ProtectionRequested(ProtectionMeasure.PoliceProtection)]).ShouldBeEmpty();
    }

    [Fact]
    public void The_familys_authority_grants_measures_once_and_the_same_decision_again_changes_nothing()
    {
        var granted = Requested();
        foreach (var e in FamilyProtectionDecider.Decide(Grant(ProtectionMeasure.PoliceProtection, ProtectionMeasure.Relocation), granted))
        {
            granted = FamilyProtectionDecider.Evolve(granted, e)!;
        }

        granted.Status.ShouldBe(FamilyProtectionStatus.Granted);
        granted.MeasuresGranted.ShouldBe([ProtectionMeasure.PoliceProtection, ProtectionMeasure.Relocation]);
        granted.DecisionReason.ShouldBe("Relocated within Edo State");
        FamilyProtectionDecider.Decide(Grant(ProtectionMeasure.Relocation, ProtectionMeasure.PoliceProtection), granted).ShouldBeEmpty();
        Should.Throw<RuleViolationException>(() => FamilyProtectionDecider.Decide(Refuse(), granted)).Rule.ShouldBe(FamilyProtectionDecider.AlreadyDecidedRule);
        Should.Throw<RuleViolationException>(() => FamilyProtectionDecider.Decide(Grant(ProtectionMeasure.PoliceProtection), granted))
            .Rule.ShouldBe(FamilyProtectionDecider.AlreadyDecidedRule);
    }

    [Fact]
    public void A_refusal_is_recorded_with_its_reason()
    {
        var refused = FamilyProtectionDecider.Decide(Refuse(), Requested()).ShouldHaveSingleItem().ShouldBeOfType<FamilyProtectionRefused>();

        refused.Reason.ShouldBe("No danger shown");
        FamilyProtectionDecider.Decide(Refuse(), FamilyProtectionDecider.Evolve(Requested(), refused)!).ShouldBeEmpty();
    }
}
