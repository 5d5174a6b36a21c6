using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TipReferral.Contracts.Identification.V1;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Security;

/// <summary>
/// A provider that names the claims differently (Entra ID's "oid" and "roles", say) is mapped by
/// configuration: the service records the mapped values, and the default names no longer count.
/// </summary>
public sealed class ClaimMappingTests(ClaimMappingTests.ServiceWithOtherClaimNames fixture) : IClassFixture<ClaimMappingTests.ServiceWithOtherClaimNames>
{
    private IdentificationService Service => fixture.Service;

    [Fact]
    public async Task Claims_under_the_configured_names_identify_the_caller_in_the_history()
    {
        var client = new VictimCases.VictimCasesClient(Service.ChannelWithToken(Mint(new Dictionary<string, object>
        {
            ["oid"] = "5f0c7a36-entra-user",
            ["roles"] = "Screener",
            ["org"] = "Procura di Torino",
            ["nation"] = "it",
        })));

        var registered = await client.RegisterPresumedVictimAsync(ARegistration(country: "IT"));
        var history = await client.GetCaseHistoryAsync(
            new GetCaseHistoryRequest { CaseId = registered.CaseId },
            new Metadata { { ServiceDefaults.Access.AccessInterceptor.PurposeHeader, IdentificationService.DefaultPurpose } });

        var actor = history.Entries.ShouldHaveSingleItem().Actor;
        actor.UserId.ShouldBe("5f0c7a36-entra-user");
        actor.Role.ShouldBe("Screener");
        actor.Agency.ShouldBe("Procura di Torino");
        actor.Country.ShouldBe("IT");
    }

    [Fact]
    public async Task Claims_under_the_default_names_no_longer_count()
    {
        var client = new VictimCases.VictimCasesClient(Service.ChannelWithToken(Mint(new Dictionary<string, object>
        {
            ["sub"] = "screener.ng",
            ["role"] = "Screener",
            ["agency"] = "NAPTIP Lagos",
            ["country"] = "NG",
        })));

        await RpcAssert.Refused(StatusCode.PermissionDenied, () => client.GetCaseAsync(new GetCaseRequest { CaseId = Guid.NewGuid().ToString() }).ResponseAsync);
    }

    private string Mint(Dictionary<string, object> claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Service.IdentityProvider.Issuer.ToString(),
        Audience = "tipreferral",
        Expires = DateTime.UtcNow.AddMinutes(10),
        Claims = claims,
        SigningCredentials = new SigningCredentials(Service.IdentityProvider.SigningKey, SecurityAlgorithms.RsaSha256),
    });

    /// <summary>The identification service configured for a provider with other claim names.</summary>
    public sealed class ServiceWithOtherClaimNames : IAsyncLifetime
    {
        public IdentificationService Service { get; } = new();

        public async Task InitializeAsync()
        {
            Service.WithSetting("Auth:SubjectClaim", "oid")
                .WithSetting("Auth:RoleClaim", "roles")
                .WithSetting("Auth:AgencyClaim", "org")
                .WithSetting("Auth:CountryClaim", "nation");
            await Service.InitializeAsync();
        }

        public Task DisposeAsync() => Service.DisposeAsync().AsTask();
    }
}
