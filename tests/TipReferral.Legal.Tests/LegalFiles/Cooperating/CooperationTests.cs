using Grpc.Core;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.Testing;
using ReflectionPeriodState = TipReferral.Legal.LegalFiles.ReflectionPeriodState;

namespace TipReferral.Legal.Tests.LegalFiles.Cooperating;

public sealed class CooperationTests(RecordingLegalService service) : IClassFixture<RecordingLegalService>
{
    private Cooperation.CooperationClient As(DemoUser user) => service.ClientFor<Cooperation.CooperationClient>(user);

    private RecordCooperationDecisionRequest Decision(string caseId, CooperationDecision decision) => new()
    {
        CaseId = caseId,
        Decision = decision,
        DecidedOn = DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime).ToProto(),
        InformedBy = new InformedBy { Name = "Avv. Chiara Rossi", Role = "Legal aid lawyer", Agency = "Foro di Torino" },
    };

    [Fact]
    public async Task While_the_reflection_period_runs_only_the_persons_own_initiative_is_recorded()
    {
        var caseId = await service.AVictimCaseAsync();
        var now = service.Clock.GetUtcNow();
        await service.PublishAsync(new ReflectionPeriodStartedIntegrationEvent(Guid.Parse(caseId), "IT", now, now.AddDays(30)));
        await Eventually.HoldsAsync(async () => (await service.LoadAsync(caseId))!.ReflectionPeriod == ReflectionPeriodState.Running, "the reflection period runs");
        var version = (await service.LoadAsync(caseId))!.Version;

        var refused = await Should.ThrowAsync<RpcException>(() => As(LegalService.ProsecutorInItaly)
            .RecordCooperationDecisionAsync(Decision(caseId, CooperationDecision.Cooperate)).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Status.Detail.ShouldContain("no-cooperation-decision-during-reflection-period");
        (await service.LoadAsync(caseId))!.Version.ShouldBe(version);

        var ownInitiative = Decision(caseId, CooperationDecision.Cooperate);
        ownInitiative.AtPersonsOwnInitiative = true;
        ownInitiative.PersonsStatement = "I came to the police myself: I want to testify.";
        await As(LegalService.ProsecutorInItaly).RecordCooperationDecisionAsync(ownInitiative);

        var situation = await service.LegalCasesFor(LegalService.ProsecutorInItaly).GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = caseId });
        situation.Cooperation.Decision.ShouldBe(CooperationDecision.Cooperate);
        situation.Cooperation.AtPersonsOwnInitiative.ShouldBeTrue();
        situation.Cooperation.RecordedBy.Agency.ShouldBe("Procura di Torino");
    }

    [Fact]
    public async Task A_decision_to_decline_changes_nothing_in_the_persons_protection_and_no_service_hears_of_it()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();
        var request = new RequestWitnessProtectionRequest { CaseId = caseId, LegalCaseId = legalCaseId, Reason = "Threats" };
        request.Measures.AddRange([ProtectionMeasure.VideoLinkTestimony, ProtectionMeasure.ClosedHearing]);
        var protection = service.ClientFor<WitnessProtection.WitnessProtectionClient>(LegalService.AuthorityInItaly);
        var requested = await service.ClientFor<WitnessProtection.WitnessProtectionClient>(LegalService.ProsecutorInItaly).RequestWitnessProtectionAsync(request);
        var inThreeMonths = DateOnly.FromDateTime(service.Clock.GetUtcNow().UtcDateTime).AddMonths(3).ToProto();
        var grant = new GrantWitnessProtectionRequest { CaseId = caseId, ProtectionId = requested.ProtectionId, ReviewOn = inThreeMonths, Reason = "Danger" };
        grant.Measures.AddRange(request.Measures);
        await protection.GrantWitnessProtectionAsync(grant);
        var protectionId = Guid.Parse(requested.ProtectionId);
        await service.ProtectionGranted.WaitForAsync(m => m.ProtectionId == protectionId);
        var before = (await service.LoadAsync(caseId))!;

        var declined = await As(LegalService.ProsecutorInItaly).RecordCooperationDecisionAsync(Decision(caseId, CooperationDecision.Decline));

        var after = (await service.LoadAsync(caseId))!;
        declined.Version.ShouldBe(before.Version + 1);
        after.Cooperation!.Decision.ShouldBe(TipReferral.Legal.LegalFiles.CooperationDecision.Decline);
        var kept = after.Protections.ShouldHaveSingleItem();
        kept.Status.ShouldBe(TipReferral.Legal.LegalFiles.WitnessProtectionStatus.Granted);
        kept.Granted.ShouldBe(before.Protections.Single().Granted);
        after.Holds.ShouldBeEmpty();
        after.Permits.ShouldBeEmpty();
        after.PermitRefusals.ShouldBeEmpty();
        after.Claims.ShouldBeEmpty();
        after.LegalAid.ShouldBeEmpty();

        // The relay publishes in commit order: once a later change is out, anything the decline
        // had published would be out too.
        var change = new ChangeWitnessProtectionMeasuresRequest { CaseId = caseId, ProtectionId = requested.ProtectionId, ReviewOn = inThreeMonths, Reason = "Hearing held" };
        change.Measures.Add(ProtectionMeasure.VideoLinkTestimony);
        await protection.ChangeWitnessProtectionMeasuresAsync(change);
        await service.ProtectionGranted.WaitForAsync(m => m.ProtectionId == protectionId && m.Measures.SequenceEqual(["VIDEO_LINK_TESTIMONY"]));

        service.PublishedAbout(caseId).ShouldAllBe(message => message is WitnessProtectionGrantedIntegrationEvent);
        service.PublishedAbout(caseId).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_legal_aid_lawyer_records_only_for_the_people_assigned_to_them()
    {
        var caseId = await service.AVictimCaseAsync();

        var denied = await Should.ThrowAsync<RpcException>(() => As(DemoUsers.For(Roles.LegalAidLawyer, "IT"))
            .RecordCooperationDecisionAsync(Decision(caseId, CooperationDecision.Undecided)).ResponseAsync);

        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await service.LoadAsync(caseId))!.Cooperation.ShouldBeNull();
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_stores_nothing()
    {
        var caseId = await service.AVictimCaseAsync();
        var version = (await service.LoadAsync(caseId))!.Version;
        var withoutStatement = Decision(caseId, CooperationDecision.Cooperate);
        withoutStatement.AtPersonsOwnInitiative = true;
        var withoutInformer = Decision(caseId, CooperationDecision.Cooperate);
        withoutInformer.InformedBy = null;

        (RecordCooperationDecisionRequest Request, string Field)[] cases =
        [
            (Decision(caseId, CooperationDecision.Unspecified), "decision"),
            (withoutStatement, "persons_statement"),
            (withoutInformer, "informed_by"),
        ];
        foreach (var (request, field) in cases)
        {
            var invalid = await Should.ThrowAsync<RpcException>(() => As(LegalService.ProsecutorInItaly).RecordCooperationDecisionAsync(request).ResponseAsync);
            invalid.StatusCode.ShouldBe(StatusCode.InvalidArgument, field);
            invalid.Status.Detail.ShouldContain(field);
        }

        (await service.LoadAsync(caseId))!.Version.ShouldBe(version);
    }
}
