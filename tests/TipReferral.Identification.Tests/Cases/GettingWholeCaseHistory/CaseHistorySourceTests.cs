using Microsoft.Extensions.Configuration;
using TipReferral.Identification.Cases;

namespace TipReferral.Identification.Tests.Cases.GettingWholeCaseHistory;

/// <summary>The services asked for their part of the whole history are configuration: one entry each.</summary>
public sealed class CaseHistorySourceTests
{
    [Fact]
    public void A_configured_service_is_asked_for_its_get_case_history_under_its_own_name()
    {
        var sources = CaseHistorySource.FromConfiguration(Configuration(
            ("repatriation", "http://repatriation:8081", "tipreferral.repatriation.v1.RepatriationCases"),
            ("shelter", "http://127.0.0.1:5201", "tipreferral.shelter.v1.ShelterCases")));

        sources.Select(s => (s.Service, s.Address.ToString(), s.GetCaseHistory.FullName)).ShouldBe(
        [
            ("repatriation", "http://repatriation:8081/", "/tipreferral.repatriation.v1.RepatriationCases/GetCaseHistory"),
            ("shelter", "http://127.0.0.1:5201/", "/tipreferral.shelter.v1.ShelterCases/GetCaseHistory"),
        ]);
    }

    [Fact]
    public void No_configured_source_asks_nobody_else()
    {
        CaseHistorySource.FromConfiguration(new ConfigurationBuilder().Build()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("shelter", "", "tipreferral.shelter.v1.ShelterCases", "CaseHistorySources:shelter:Address")]
    [InlineData("shelter", "shelter:8081", "tipreferral.shelter.v1.ShelterCases", "CaseHistorySources:shelter:Address")]
    [InlineData("shelter", "http://shelter:8081", "", "CaseHistorySources:shelter:GrpcService")]
    [InlineData("shelter", "http://shelter:8081", "ShelterCases", "CaseHistorySources:shelter:GrpcService")]
    [InlineData("identification", "http://identification:8081", "tipreferral.identification.v1.VictimCases", "CaseHistorySources:identification")]
    public void A_source_that_cannot_be_asked_as_configured_stops_the_service_naming_the_setting(string service, string address, string grpcService, string named)
    {
        var refusal = Should.Throw<InvalidOperationException>(() => CaseHistorySource.FromConfiguration(Configuration((service, address, grpcService))));

        refusal.Message.ShouldStartWith(named);
    }

    private static IConfiguration Configuration(params (string Service, string Address, string GrpcService)[] sources) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(sources.SelectMany(source => new KeyValuePair<string, string?>[]
            {
                new($"CaseHistorySources:{source.Service}:Address", source.Address),
                new($"CaseHistorySources:{source.Service}:GrpcService", source.GrpcService),
            }))
            .Build();
}
