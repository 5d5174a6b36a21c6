using System.Net;
using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Security;

/// <summary>
/// The service accepts only tokens its identity provider signed, for it, and still valid. The
/// bad tokens are signed with the provider's own key (unless the key is the point), so each
/// is refused for the one reason it names. An accepted call asks for an unknown case: NotFound.
/// </summary>
public sealed class AuthenticationTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    private static readonly string UnknownCaseId = Guid.NewGuid().ToString();

    private TestIdentityProvider Provider => service.IdentityProvider;

    [Fact]
    public async Task A_real_token_from_the_identity_provider_is_accepted() =>
        await RpcAssert.Refused(StatusCode.NotFound, () => GetCase(service.ChannelFor(ScreenerInNigeria)));

    [Fact]
    public async Task A_token_minted_like_the_provider_does_is_accepted_so_the_refusals_below_are_for_their_one_reason() =>
        await RpcAssert.Refused(StatusCode.NotFound, () => GetCase(service.ChannelWithToken(Mint(AToken()))));

    [Fact]
    public async Task No_token_is_refused() =>
        await RpcAssert.Refused(StatusCode.Unauthenticated, () => GetCase(service.ChannelWithToken(null)));

    [Fact]
    public async Task A_token_from_another_issuer_is_refused_even_with_the_right_key()
    {
        var token = AToken();
        token.Issuer = "http://127.0.0.1:1/";
        await RpcAssert.Refused(StatusCode.Unauthenticated, () => GetCase(service.ChannelWithToken(Mint(token))));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = AToken();
        token.IssuedAt = token.NotBefore = DateTime.UtcNow.AddHours(-2);
        token.Expires = DateTime.UtcNow.AddMinutes(-5);
        await RpcAssert.Refused(StatusCode.Unauthenticated, () => GetCase(service.ChannelWithToken(Mint(token))));
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var token = AToken();
        token.Audience = "another-api";
        await RpcAssert.Refused(StatusCode.Unauthenticated, () => GetCase(service.ChannelWithToken(Mint(token))));
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        var token = AToken();
        token.SigningCredentials = null;
        var unsigned = Mint(token);
        unsigned.ShouldEndWith(".", customMessage: "an unsigned JWT (alg none) has an empty signature");
        await RpcAssert.Refused(StatusCode.Unauthenticated, () => GetCase(service.ChannelWithToken(unsigned)));
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_refused_even_under_the_providers_key_id()
    {
        using var rsa = RSA.Create(2048);
        var token = AToken();
        token.SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = Provider.SigningKey.KeyId }, SecurityAlgorithms.RsaSha256);
        await RpcAssert.Refused(StatusCode.Unauthenticated, () => GetCase(service.ChannelWithToken(Mint(token))));
    }

    [Fact]
    public async Task The_identity_provider_refuses_a_wrong_password()
    {
        using var response = await Provider.RequestTokenAsync(ScreenerInNigeria.Username, DemoUsers.Password + "-wrong");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("invalid_grant");
    }

    private static Task GetCase(Grpc.Net.Client.GrpcChannel channel) =>
        new VictimCases.VictimCasesClient(channel).GetCaseAsync(
            new GetCaseRequest { CaseId = UnknownCaseId },
            new Metadata { { ServiceDefaults.Access.AccessInterceptor.PurposeHeader, IdentificationService.DefaultPurpose } }).ResponseAsync;

    /// <summary>What the provider issues for the screener in Nigeria: its issuer and key, the audience, an hour.</summary>
    private SecurityTokenDescriptor AToken()
    {
        var user = ScreenerInNigeria;
        var now = DateTime.UtcNow;
        return new SecurityTokenDescriptor
        {
            Issuer = Provider.Issuer.ToString(),
            Audience = "tipreferral",
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = user.Username,
                ["role"] = user.Role,
                ["agency"] = user.Agency,
                ["country"] = user.Country,
            },
            SigningCredentials = new SigningCredentials(Provider.SigningKey, SecurityAlgorithms.RsaSha256),
        };
    }

    private static string Mint(SecurityTokenDescriptor token) => new JsonWebTokenHandler().CreateToken(token);
}
