using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.Identification.Cases;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Cases.DetectingDuplicates;

/// <summary>The inverted name index the duplicate check reads: in step with each case's names, and rebuilt from the cases when it is missing.</summary>
public sealed class NameGramsTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    private VictimCases.VictimCasesClient Screener => service.ClientFor(ScreenerInNigeria);

    [Fact]
    public async Task A_corrected_name_is_found_as_a_duplicate_and_the_old_name_no_longer_is()
    {
        var (oldName, newName) = (Unique("Ngozi"), Unique("Chiamaka"));
        var registration = ARegistration(oldName, "Okeke");
        var first = await Screener.RegisterPresumedVictimAsync(registration);
        registration.Person.GivenName = newName;
        await Screener.CorrectPersonalDetailsAsync(new CorrectPersonalDetailsRequest { CaseId = first.CaseId, Person = registration.Person, Reason = "Spelling from passport" });

        var byNewName = await Screener.RegisterPresumedVictimAsync(ARegistration(newName, "Okeke"));
        var byOldName = await Screener.RegisterPresumedVictimAsync(ARegistration(oldName, "Okeke"));

        byNewName.PossibleDuplicates.Select(d => d.OtherCaseId).ShouldContain(first.CaseId);
        byOldName.PossibleDuplicates.Select(d => d.OtherCaseId).ShouldNotContain(first.CaseId);
    }

    [Fact]
    public async Task Erasure_removes_the_cases_trigrams()
    {
        var registered = await Screener.RegisterPresumedVictimAsync(ARegistration(Unique("Adaeze"), "Nwosu"));
        (await GramsOfAsync(registered.CaseId)).ShouldBeGreaterThan(0);

        await service.ClientFor(DemoUsers.For(Roles.CaseWorker, "NG")).RequestErasureAsync(new RequestErasureRequest { CaseId = registered.CaseId, Reason = "Article 17 request" });
        await service.ClientFor(DemoUsers.For(Roles.DataProtectionOfficer, "NG")).ApproveErasureAsync(new DecideErasureRequest { CaseId = registered.CaseId, Reason = "Ground verified" });

        (await GramsOfAsync(registered.CaseId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_index_is_rebuilt_from_the_cases_so_earlier_cases_are_still_found()
    {
        var givenName = Unique("Blessing");
        var first = await Screener.RegisterPresumedVictimAsync(ARegistration(givenName, "Igbinedion"));
        await ExecuteAsync($"drop table {service.Schema}.{NameGramsProjection.TableName}");

        await service.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        (await GramsOfAsync(first.CaseId)).ShouldBeGreaterThan(0);
        var again = await Screener.RegisterPresumedVictimAsync(ARegistration(givenName, "Igbinedion"));
        again.PossibleDuplicates.Select(d => d.OtherCaseId).ShouldContain(first.CaseId);
    }

    private async Task<long> GramsOfAsync(string caseId)
    {
        await using var connection = new NpgsqlConnection(service.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {service.Schema}.{NameGramsProjection.TableName} where case_id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(caseId));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(service.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
