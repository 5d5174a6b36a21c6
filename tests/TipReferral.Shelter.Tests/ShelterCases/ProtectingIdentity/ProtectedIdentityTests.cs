using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Testing;

namespace TipReferral.Shelter.Tests.ShelterCases.ProtectingIdentity;

/// <summary>The shelter holds no names; while an identity is protected its staff call the person by the pseudonym.</summary>
public sealed class ProtectedIdentityTests(ShelterService service) : IClassFixture<ShelterService>
{
    private async Task PublishAndWaitAsync(object message, Guid? messageId = null, int times = 1)
    {
        var id = messageId ?? Guid.NewGuid();
        await service.PublishAsync(message, id);
        await service.Consumed.WaitUntilHandledAsync(id, times);
    }

    private async Task<(PersonalDataState Case, string CasePseudonym, PersonalDataState Listed, string ListedPseudonym, PersonalDataState Placements, string PlacementsPseudonym)>
        SeenByStaffAsync(string caseId)
    {
        var cases = service.CasesFor(ShelterService.StaffInNigeria);
        var details = await cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId });
        var awaiting = await cases.ListAwaitingPlacementAsync(new ListAwaitingPlacementRequest { Country = "NG", Page = new PageRequest { PageSize = 100 } });
        var listed = awaiting.Cases.Single(c => c.CaseId == caseId);
        var placements = await cases.GetPlacementHistoryAsync(new GetPlacementHistoryRequest { CaseId = caseId });
        return (details.PersonalData, details.Pseudonym, listed.PersonalDataState, listed.Pseudonym, placements.PersonalDataState, placements.Pseudonym);
    }

    [Fact]
    public async Task A_witness_protected_in_a_legal_case_is_shown_by_pseudonym_until_the_protection_is_lifted()
    {
        var caseId = await service.ACaseAwaitingPlacementAsync(country: "NG");
        var protectionId = Guid.NewGuid();
        var grant = Guid.NewGuid();
        var granted = new WitnessIdentityProtectedIntegrationEvent(Guid.Parse(caseId), "NG", protectionId, "Witness L-3", [], DateTimeOffset.UtcNow);

        await PublishAndWaitAsync(granted, grant);

        (await SeenByStaffAsync(caseId)).ShouldBe(
            (PersonalDataState.Masked, "Witness L-3", PersonalDataState.Masked, "Witness L-3", PersonalDataState.Masked, "Witness L-3"));

        await PublishAndWaitAsync(new WitnessIdentityProtectionLiftedIntegrationEvent(Guid.Parse(caseId), "NG", protectionId, DateTimeOffset.UtcNow));
        await PublishAndWaitAsync(granted, grant, times: 2);

        (await SeenByStaffAsync(caseId)).ShouldBe(
            (PersonalDataState.Present, "", PersonalDataState.Present, "", PersonalDataState.Present, ""));
    }

    [Fact]
    public async Task An_identity_protected_in_the_identification_service_is_shown_by_pseudonym_too()
    {
        var caseId = await service.ACaseAwaitingPlacementAsync(country: "NG");

        await PublishAndWaitAsync(new IdentityProtectedIntegrationEvent(Guid.Parse(caseId), "NG", "Witness K-17", DateTimeOffset.UtcNow));

        var details = await service.CasesFor(ShelterService.StaffInNigeria).GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId });
        (details.PersonalData, details.Pseudonym).ShouldBe((PersonalDataState.Masked, "Witness K-17"));

        await PublishAndWaitAsync(new IdentityProtectionLiftedIntegrationEvent(Guid.Parse(caseId), "NG", DateTimeOffset.UtcNow));

        details = await service.CasesFor(ShelterService.StaffInNigeria).GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId });
        (details.PersonalData, details.Pseudonym).ShouldBe((PersonalDataState.Present, ""));
    }
}
