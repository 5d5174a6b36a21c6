using Npgsql;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using static TipReferral.Shelter.Tests.ShelterService;

namespace TipReferral.Shelter.Tests.ShelterCases.DeliveringServices;

/// <summary>Services delivered are kept one by one, beside the case: a long stay's thousands of them must not weigh on every command.</summary>
public sealed class ServicesDeliveredTests(ShelterService service) : IClassFixture<ShelterService>
{
    [Fact]
    public async Task Every_service_is_listed_in_the_order_recorded_and_the_case_document_does_not_grow_with_them()
    {
        var caseId = await service.ACaseAwaitingPlacementAsync();
        var cases = service.CasesFor(StaffInNigeria);
        await RecordAsync(cases, caseId, "Provider 1");
        var sizeWithOne = await CaseDocumentSizeAsync(caseId);

        for (var i = 2; i <= 30; i++)
        {
            await RecordAsync(cases, caseId, $"Provider {i}");
        }

        var details = await cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId });
        details.Services.Select(s => s.Provider).ShouldBe(Enumerable.Range(1, 30).Select(i => $"Provider {i}"));
        details.Services.ShouldAllBe(s => s.Notes == "Weekly counselling session" && s.RecordedBy.Role == StaffInNigeria.Role);
        (await CaseDocumentSizeAsync(caseId)).ShouldBeInRange(sizeWithOne - 8, sizeWithOne + 8, "only the version may change the case's document");
    }

    [Fact]
    public async Task A_history_larger_than_grpcs_default_message_size_arrives_whole()
    {
        var caseId = await service.ACaseAwaitingPlacementAsync();
        var cases = service.CasesFor(StaffInNigeria);
        var notes = new string('n', RuleBuilderExtensions.MaxNotesLength);
        const int services = 520;
        for (var i = 0; i < services; i++)
        {
            await RecordAsync(cases, caseId, $"Provider {i}", notes);
        }

        var history = await service.CasesFor(SupervisorInNigeria).GetCaseHistoryAsync(new GetShelterCaseHistoryRequest { CaseId = caseId });

        history.CalculateSize().ShouldBeGreaterThan(4 * 1024 * 1024);
        history.Entries.Count(e => e.EventType == nameof(TipReferral.Shelter.ShelterCases.ServiceDelivered)).ShouldBe(services);
    }

    private static Task RecordAsync(Contracts.Shelter.V1.ShelterCases.ShelterCasesClient cases, string caseId, string provider, string notes = "Weekly counselling session") =>
        cases.RecordServiceDeliveredAsync(new RecordServiceDeliveredRequest
        {
            CaseId = caseId,
            Kind = ServiceKind.Psychosocial,
            DeliveredOn = DateOnly.FromDateTime(DateTime.UtcNow).ToProto(),
            Provider = provider,
            Notes = notes,
        }).ResponseAsync;

    private async Task<int> CaseDocumentSizeAsync(string caseId)
    {
        await using var connection = new NpgsqlConnection(service.PostgresConnectionString);
        await connection.OpenAsync();
        var table = service.Store.Options.FindOrResolveDocumentType(typeof(TipReferral.Shelter.ShelterCases.ShelterCase)).TableName.QualifiedName;
        await using var command = new NpgsqlCommand($"select length(data::text) from {table} where id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(caseId));
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
