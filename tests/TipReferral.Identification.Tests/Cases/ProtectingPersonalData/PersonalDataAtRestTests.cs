using TipReferral.Testing;
using TipReferral.Domain;
using Npgsql;
using TipReferral.Contracts.Identification.V1;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Cases.ProtectingPersonalData;

/// <summary>
/// Through the real API: what identifies the person never reaches a table of the service's
/// schema in plaintext, yet every RPC reads it back.
/// </summary>
public sealed class PersonalDataAtRestTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    [Fact]
    public async Task Names_date_of_birth_and_guardian_contact_are_stored_only_encrypted_and_read_back_through_every_rpc()
    {
        var client = service.ClientFor(DemoUsers.For(Roles.CaseWorker, "NG"));
        var familyName = "Qoyyum" + Guid.NewGuid().ToString("N")[..6];
        var request = ARegistration("Yewande", familyName);
        request.Person.Aliases.Add("Wendy Q");
        request.Person.DateOfBirth = new Google.Type.Date { Year = 2012, Month = 5, Day = 3 };
        var registered = await client.RegisterPresumedVictimAsync(request);
        await client.AppointGuardianAsync(new AppointGuardianRequest
        {
            CaseId = registered.CaseId,
            Guardian = new Guardian { FullName = "Folasade Ogunleye", Organisation = "Lagos State Social Welfare", Contact = "+234 802 555 0199" },
        });

        var rows = await AllRowsOfTheServiceSchemaAsync();
        foreach (var secret in new[] { "Yewande", familyName, "Wendy Q", "2012-05-03", "Folasade", "+234 802" })
        {
            rows.ShouldNotContain(row => row.Contains(secret, StringComparison.OrdinalIgnoreCase), $"\"{secret}\" is stored in plaintext");
        }

        rows.ShouldContain(row => row.Contains("Lagos State Social Welfare", StringComparison.Ordinal), "the scan reads the rows the case is in");

        var details = await client.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId });
        details.Person.GivenName.ShouldBe("Yewande");
        details.Person.FamilyName.ShouldBe(familyName);
        details.Person.Aliases.ShouldBe(["Wendy Q"]);
        details.Person.DateOfBirth.Year.ShouldBe(2012);
        details.Guardian.Contact.ShouldBe("+234 802 555 0199");

        var found = await client.SearchCasesAsync(new SearchCasesRequest { Name = $"Yewande {familyName}" });
        found.Cases.ShouldContain(c => c.CaseId == registered.CaseId && c.DisplayName == $"Yewande {familyName}");

        var history = await service.ClientFor(AuthorityInNigeria).GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = registered.CaseId });
        history.Entries[0].DataJson.ShouldContain(familyName);
    }

    private async Task<List<string>> AllRowsOfTheServiceSchemaAsync()
    {
        await using var connection = new NpgsqlConnection(service.PostgresConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = @schema", connection))
        {
            list.Parameters.AddWithValue("schema", service.Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"select t::text from \"{service.Schema}\".\"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        return rows;
    }
}
