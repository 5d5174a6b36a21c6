using System.Reflection;
using MassTransit;
using TipReferral.Contracts.Legal.V1;

namespace TipReferral.Legal.Tests.LegalFiles.Cooperating;

/// <summary>
/// A person who declines to cooperate keeps every assistance: no service may even hear of the
/// decision, so none can react to it. Checked over every service host, not a list of known consumers.
/// </summary>
public sealed class NobodyReactsToCooperationTests
{
    private static readonly Assembly[] Services =
    [
        typeof(TipReferral.Identification.IdentificationModule).Assembly,
        typeof(TipReferral.Shelter.ShelterModule).Assembly,
        typeof(LegalModule).Assembly,
    ];

    [Fact]
    public void No_service_consumes_a_message_about_cooperation()
    {
        var consumed = Services.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false })
            .SelectMany(type => type.GetInterfaces())
            .Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(contract => contract.GetGenericArguments()[0])
            .ToList();

        consumed.ShouldNotBeEmpty();
        consumed.ShouldNotContain(message => message.Name.Contains("Cooperat", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_integration_event_tells_of_cooperation()
    {
        typeof(WitnessProtectionGrantedIntegrationEvent).Assembly.GetTypes()
            .Where(type => type.Name.EndsWith("IntegrationEvent", StringComparison.Ordinal))
            .ShouldNotContain(type => type.Name.Contains("Cooperat", StringComparison.OrdinalIgnoreCase));
    }
}
