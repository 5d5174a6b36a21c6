using TipReferral.ServiceDefaults.Grpc;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Testing;
using static TipReferral.Shelter.Tests.ShelterService;

namespace TipReferral.Shelter.Tests.ShelterCases.ProtectingPersonalData;

/// <summary>Notes about a person are stored only encrypted: a dump of the database reveals none of them, the API shows them to those allowed.</summary>
public sealed class NotesAtRestTests(ShelterService service) : IClassFixture<ShelterService>
{
    [Fact]
    public async Task Needs_safety_plan_service_notes_and_reasons_are_encrypted_at_rest_and_readable_through_the_api()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var secrets = new[]
        {
            $"Nightmares about the trafficker {marker}a",
            $"Never alone at the market, code word {marker}b",
            $"Treated for untreated fracture {marker}c",
            $"Sister still with the exploiters {marker}d",
        };
        var shelterId = await service.RegisterShelterAsync(capacity: 2);
        var caseId = await service.ACaseAwaitingPlacementAsync();
        var cases = service.CasesFor(StaffInNigeria);
        var today = DateTime.UtcNow;
        var date = DateOnly.FromDateTime(today).ToProto();

        await cases.ReferToShelterAsync(new ReferToShelterRequest { CaseId = caseId, ShelterId = shelterId, Reason = secrets[3] });
        await cases.AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = caseId, ShelterId = shelterId, Group = ResidentGroup.Women });
        await cases.RecordNeedsAssessmentAsync(new RecordNeedsAssessmentRequest
        {
            CaseId = caseId,
            AssessedOn = date,
            Needs = { NeedArea.Psychosocial, NeedArea.Medical },
            Notes = secrets[0],
        });
        await cases.RecordSafetyPlanAsync(new RecordSafetyPlanRequest
        {
            CaseId = caseId,
            AgreedOn = date,
            ReviewBy = new Google.Type.Date { Year = today.Year + 1, Month = 1, Day = 15 },
            Measures = secrets[1],
        });
        await cases.RecordServiceDeliveredAsync(new RecordServiceDeliveredRequest
        {
            CaseId = caseId,
            Kind = ServiceKind.Medical,
            DeliveredOn = date,
            Provider = "Lagos General Hospital",
            Notes = secrets[2],
        });

        (await DatabaseScan.FindAsync(service.PostgresConnectionString, service.Schema, secrets)).ShouldBeEmpty();
        (await DatabaseScan.FindAsync(service.PostgresConnectionString, service.Schema, ["Lagos General Hospital"])).ShouldNotBeEmpty(
            "the scan must see this case's rows at all");

        var details = await cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId });
        details.NeedsAssessments.Single().Notes.ShouldBe(secrets[0]);
        details.SafetyPlans.Single().Measures.ShouldBe(secrets[1]);
        details.Services.Single().Notes.ShouldBe(secrets[2]);
        details.Services.Single().RecordedBy.Role.ShouldBe(StaffInNigeria.Role);
        details.PersonalData.ShouldBe(Contracts.Common.V1.PersonalDataState.Present);
    }

    [Fact]
    public async Task When_the_identification_service_erases_the_person_the_shelter_destroys_its_key_and_the_notes_read_erased()
    {
        var caseId = await service.ACaseAwaitingPlacementAsync();
        var cases = service.CasesFor(StaffInNigeria);
        var today = DateTime.UtcNow;
        await cases.RecordServiceDeliveredAsync(new RecordServiceDeliveredRequest
        {
            CaseId = caseId,
            Kind = ServiceKind.Psychosocial,
            DeliveredOn = DateOnly.FromDateTime(today).ToProto(),
            Provider = "Shelter counsellor",
            Notes = "Talked about her family in Benin City",
        });

        await service.PublishAsync(new Contracts.Identification.V1.PersonalDataErasedIntegrationEvent(Guid.Parse(caseId), "NG", DateTimeOffset.UtcNow));

        await Eventually.HoldsAsync(
            async () => (await cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId })).PersonalData == Contracts.Common.V1.PersonalDataState.Erased,
            "The erasure reaching the shelter service");
        var details = await cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId });
        details.Services.Single().Notes.ShouldBe(TipReferral.PersonalData.PersonalDataValues.Erased);
        details.Services.Single().Provider.ShouldBe("Shelter counsellor");
        var refusal = await Should.ThrowAsync<Grpc.Core.RpcException>(() => cases.RecordNeedsAssessmentAsync(new RecordNeedsAssessmentRequest
        {
            CaseId = caseId,
            AssessedOn = DateOnly.FromDateTime(today).ToProto(),
            Needs = { NeedArea.Safety },
            Notes = "More notes",
        }).ResponseAsync);
        refusal.Status.Detail.ShouldContain(TipReferral.Shelter.ShelterCases.ShelterCaseDecider.PersonalDataErasedRule);
    }
}
