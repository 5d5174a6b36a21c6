using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TipReferral.Domain;
using TipReferral.Testing;

namespace TipReferral.Identity.Tests;

/// <summary>The development identity provider on a real server, as the services and the CLI see it.</summary>
public sealed class ProviderTests
{
    public static TheoryData<string, string> EveryRoleInBothCountries()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles.All)
        {
            data.Add(role, "NG");
            data.Add(role, "IT");
        }

        return data;
    }

    [Fact]
    public async Task Discovery_names_the_issuer_the_token_endpoint_and_the_keys()
    {
        var provider = await TestIdentityProvider.GetAsync();
        using var http = new HttpClient { BaseAddress = provider.Issuer };

        using var discovery = JsonDocument.Parse(await http.GetStringAsync(".well-known/openid-configuration"));
        var root = discovery.RootElement;
        root.GetProperty("issuer").GetString().ShouldBe(provider.Issuer.ToString());
        root.GetProperty("token_endpoint").GetString().ShouldBe(new Uri(provider.Issuer, "connect/token").ToString());
        root.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()).ShouldContain("password");

        var keys = new JsonWebKeySet(await http.GetStringAsync(root.GetProperty("jwks_uri").GetString()));
        var key = keys.Keys.ShouldHaveSingleItem();
        key.Kid.ShouldBe(provider.SigningKey.KeyId);
        key.Kty.ShouldBe("RSA");
        key.HasPrivateKey.ShouldBeFalse();
    }

    [Fact]
    public async Task An_access_token_is_a_signed_jwt_for_tipreferral_with_the_users_claims_for_one_hour()
    {
        var provider = await TestIdentityProvider.GetAsync();
        var user = DemoUsers.For(Roles.Screener, "NG");

        var token = await provider.TokenForAsync(user);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer.ToString(),
            ValidAudience = "tipreferral",
            IssuerSigningKey = provider.SigningKey,
            RequireSignedTokens = true,
        });
        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        jwt.Alg.ShouldBe(SecurityAlgorithms.RsaSha256);
        jwt.IsEncrypted.ShouldBeFalse();
        jwt.Subject.ShouldBe("screener.ng");
        jwt.GetClaim("name").Value.ShouldBe("Adaeze Okafor");
        jwt.GetClaim("role").Value.ShouldBe(Roles.Screener);
        jwt.GetClaim("agency").Value.ShouldBe("NAPTIP Lagos");
        jwt.GetClaim("country").Value.ShouldBe("NG");
        (jwt.ValidTo - jwt.IssuedAt).ShouldBe(TimeSpan.FromHours(1));
    }

    [Theory]
    [MemberData(nameof(EveryRoleInBothCountries))]
    public async Task Every_demo_user_signs_in_and_gets_their_role_agency_and_country(string role, string country)
    {
        var provider = await TestIdentityProvider.GetAsync();
        var user = DemoUsers.For(role, country);
        user.Username.ShouldBe($"{role.ToLowerInvariant()}.{country.ToLowerInvariant()}");

        using var response = await provider.RequestTokenAsync(user.Username, DemoUsers.Password);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);

        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("token_type").GetString().ShouldBe("Bearer");
        var jwt = new JsonWebToken(json.RootElement.GetProperty("access_token").GetString());
        jwt.Subject.ShouldBe(user.Username);
        jwt.GetClaim("role").Value.ShouldBe(role);
        jwt.GetClaim("agency").Value.ShouldBe(user.Agency);
        jwt.GetClaim("country").Value.ShouldBe(country);
        jwt.Audiences.ShouldBe(["tipreferral"]);
    }

    [Theory]
    [InlineData("screener.ng", "not-the-password", "invalid_grant")]
    [InlineData("nobody.ng", null, "invalid_grant")]
    public async Task Wrong_credentials_get_no_token(string username, string? password, string error)
    {
        var provider = await TestIdentityProvider.GetAsync();

        using var response = await provider.RequestTokenAsync(username, password ?? DemoUsers.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(error);
    }

    [Fact]
    public async Task An_unknown_client_gets_no_token()
    {
        var provider = await TestIdentityProvider.GetAsync();

        using var response = await provider.RequestTokenAsync("screener.ng", DemoUsers.Password, clientId: "someone-else");

        // RFC 6749 §5.2: invalid_client is answered with 401.
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain("invalid_client");
    }
}
