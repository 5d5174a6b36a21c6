using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Security;

public sealed class PersonalDataProtectionTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    private static readonly DemoUser Worker = DemoUsers.For(Roles.CaseWorker, "NG");
    private static readonly DemoUser Supervisor = DemoUsers.For(Roles.Supervisor, "NG");
    private static readonly DemoUser Officer = DemoUsers.For(Roles.DataProtectionOfficer, "NG");
    private static readonly DemoUser WitnessProtection = DemoUsers.For(Roles.WitnessProtectionAuthority, "NG");

    /// <summary>A person whose every personal value is unique to this run, so a scan can only find this test's data.</summary>
    private sealed record Person(string GivenName, string FamilyName, string Alias, string BirthDate, string Note)
    {
        public static Person Unique()
        {
            var tag = Guid.NewGuid().ToString("N")[..10];
            var born = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(365 * 40));
            // Whole names of random letters, long enough never to occur by chance in ciphertext: names
            // sharing a prefix would be each other's possible duplicates.
            return new(Letters(12), Letters(12), Letters(12), born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"Told us her uncle {tag} sold her");
        }

        private static string Letters(int count) =>
            string.Concat(Enumerable.Range(0, count).Select(i => (char)((i == 0 ? 'A' : 'a') + Random.Shared.Next(26))));

        public IEnumerable<string> Secrets => [GivenName, FamilyName, Alias, BirthDate, Note];
    }

    private async Task<RegisterPresumedVictimResponse> RegisterAsync(Person person)
    {
        var registration = ARegistration(person.GivenName, person.FamilyName);
        registration.Person.Aliases.Add(person.Alias);
        var born = DateOnly.Parse(person.BirthDate, System.Globalization.CultureInfo.InvariantCulture);
        registration.Person.DateOfBirth = new Google.Type.Date { Year = born.Year, Month = born.Month, Day = born.Day };
        var cases = service.ClientFor(Worker);
        var registered = await cases.RegisterPresumedVictimAsync(registration);
        await service.ClientFor(Supervisor).IdentifyFormallyAsync(AnIdentification(registered, person.Note));
        await cases.CorrectPersonalDetailsAsync(new CorrectPersonalDetailsRequest
        {
            CaseId = registered.CaseId,
            Person = registration.Person,
            Reason = person.Note,
        }.WithAlias($"{person.Alias}x"));
        return registered;
    }

    [Fact]
    public async Task A_raw_scan_of_every_table_finds_no_plaintext_name_birth_date_or_note()
    {
        var person = Person.Unique();
        var registered = await RegisterAsync(person);
        (await service.ClientFor(Worker).GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId })).Person.GivenName.ShouldBe(person.GivenName);

        var found = await ScanAsync(person.Secrets);

        found.ShouldBeEmpty();
        (await ScanAsync([registered.Reference])).ShouldNotBeEmpty("the scan must see this case's rows at all");
    }

    [Fact]
    public async Task After_an_approved_erasure_every_api_reads_erased_and_the_history_keeps_every_event_and_actor()
    {
        var person = Person.Unique();
        var registered = await RegisterAsync(person);
        var cases = service.ClientFor(Worker);
        await cases.RequestErasureAsync(new RequestErasureRequest { CaseId = registered.CaseId, Reason = "The person's request under NDPA s.34" });
        await service.ClientFor(Officer).ApproveErasureAsync(new DecideErasureRequest { CaseId = registered.CaseId, Reason = "Lawful ground verified" });

        var erased = await cases.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId });
        erased.PersonalDataState.ShouldBe(PersonalDataState.Erased);
        erased.Person.GivenName.ShouldBe("[erased]");
        erased.Person.FamilyName.ShouldBe("[erased]");
        erased.Person.Aliases.ShouldAllBe(alias => alias == "[erased]");
        erased.Person.DateOfBirth.ShouldBeNull();
        erased.Erasure.ApprovedBy.UserId.ShouldBe(Officer.Username);
        erased.Reference.ShouldBe(registered.Reference);

        var search = await cases.SearchCasesAsync(new SearchCasesRequest { Name = $"{person.GivenName} {person.FamilyName}" });
        search.Cases.ShouldNotContain(hit => hit.CaseId == registered.CaseId);
        var byReference = await cases.SearchCasesAsync(new SearchCasesRequest { Reference = registered.Reference });
        byReference.Cases.ShouldHaveSingleItem().DisplayName.ShouldBe("[erased]");

        var history = await service.ClientFor(Supervisor).GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = registered.CaseId });
        history.Entries.Select(e => e.EventType).ShouldBe(
            ["PresumedVictimRegistered", "FormalIdentificationDecided", "PersonalDetailsCorrected", "ErasureRequested", "PersonalDataErased"]);
        history.Entries.ShouldAllBe(e => e.Actor.UserId != "" && e.Actor.Role != "" && e.Actor.Agency != "" && e.Actor.Country == "NG");
        history.Entries.Select(e => e.Actor.UserId).ShouldBe([Worker.Username, Supervisor.Username, Worker.Username, Worker.Username, Officer.Username]);
        var erasure = history.Entries[^1];
        erasure.DataJson.ShouldContain(Officer.Username);
        erasure.Reason.ShouldBe("Lawful ground verified");
        foreach (var secret in person.Secrets)
        {
            history.ToString().ShouldNotContain(secret);
        }

        (await ScanAsync(person.Secrets)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_protected_identity_is_masked_for_everyone_without_the_need_to_know()
    {
        var person = Person.Unique();
        var registered = await RegisterAsync(person);
        await service.ClientFor(WitnessProtection).ProtectIdentityAsync(new ProtectIdentityRequest
        {
            CaseId = registered.CaseId,
            Pseudonym = "Witness K-17",
            Reason = "Testifies against the network",
        });

        var seenByWorker = await service.ClientFor(Worker).GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId });
        seenByWorker.PersonalDataState.ShouldBe(PersonalDataState.Masked);
        seenByWorker.Person.GivenName.ShouldBe("Witness K-17");
        seenByWorker.Person.FamilyName.ShouldBeEmpty();
        seenByWorker.Person.Aliases.ShouldBeEmpty();
        seenByWorker.Person.DateOfBirth.ShouldBeNull();
        var historyForSupervisor = await service.ClientFor(Supervisor).GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = registered.CaseId });
        foreach (var secret in person.Secrets)
        {
            historyForSupervisor.ToString().ShouldNotContain(secret);
        }

        var searchByRealName = await service.ClientFor(Worker).SearchCasesAsync(new SearchCasesRequest { Name = $"{person.GivenName} {person.FamilyName}" });
        searchByRealName.Cases.ShouldNotContain(hit => hit.CaseId == registered.CaseId);

        var seenByAuthority = await service.ClientFor(WitnessProtection).GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId });
        (seenByAuthority.PersonalDataState, seenByAuthority.Person.GivenName).ShouldBe((PersonalDataState.Present, person.GivenName));

        await service.ClientFor(WitnessProtection).LiftIdentityProtectionAsync(new LiftIdentityProtectionRequest { CaseId = registered.CaseId, Reason = "Trial concluded" });
        (await service.ClientFor(Worker).GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId })).Person.GivenName.ShouldBe(person.GivenName);
    }

    private Task<List<string>> ScanAsync(IEnumerable<string> secrets) => DatabaseScan.FindAsync(service.PostgresConnectionString, service.Schema, secrets);
}

internal static class CorrectionRequests
{
    public static CorrectPersonalDetailsRequest WithAlias(this CorrectPersonalDetailsRequest request, string alias)
    {
        request.Person = request.Person.Clone();
        request.Person.Aliases.Add(alias);
        return request;
    }
}
