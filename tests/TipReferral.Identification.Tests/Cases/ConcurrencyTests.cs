using System.Text.RegularExpressions;
using Grpc.Core;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Cases;

public sealed class ConcurrencyTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    [Fact]
    public async Task A_command_based_on_a_stale_version_is_aborted_and_stores_nothing()
    {
        var client = service.ClientFor(AuthorityInNigeria);
        var registered = await client.RegisterPresumedVictimAsync(ARegistration("Esther", "Adamu"));
        var corrected = await client.CorrectPersonalDetailsAsync(new CorrectPersonalDetailsRequest
        {
            CaseId = registered.CaseId,
            ExpectedVersion = registered.Version,
            Person = ARegistration("Ester", "Adamu").Person,
            Reason = "Spelling as in passport",
        });

        await RpcAssert.Refused(StatusCode.Aborted, () => client.IdentifyFormallyAsync(AnIdentification(registered)).ResponseAsync);

        var history = await client.GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = registered.CaseId });
        history.Entries.Select(e => e.EventType).ShouldBe(["PresumedVictimRegistered", "PersonalDetailsCorrected"]);
        (await client.GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId })).Version.ShouldBe(corrected.Version);
    }

    [Fact]
    public async Task Fifty_concurrent_registrations_in_one_country_get_fifty_distinct_consecutive_references()
    {
        var country = "IT";
        var client = service.ClientFor(DemoUsers.For(Roles.Screener, country));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            client.RegisterPresumedVictimAsync(ARegistration($"Person{i}", $"Family{i}", country)).ResponseAsync));

        var numbers = responses
            .Select(r => Regex.Match(r.Reference, @"^IT-(\d{4})-(\d{6})$"))
            .Select(match => { match.Success.ShouldBeTrue(); return int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture); })
            .Order()
            .ToList();
        numbers.ShouldBe(Enumerable.Range(1, 50).ToList());
        responses.Select(r => r.CaseId).Distinct().Count().ShouldBe(50);
    }
}
