using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using TipReferral.Domain;
using TipReferral.Testing;

namespace TipReferral.Identity.Tests;

/// <summary>What the provider checks before it starts: the demo users and the signing key.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("tipreferral-identity-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void The_demo_users_cover_every_role_in_Nigeria_and_Italy_with_second_offices_and_a_third_country()
    {
        foreach (var country in new[] { "NG", "IT" })
        {
            DemoUsers.All.Where(user => user.Country == country).Select(user => user.Role).Distinct().ShouldBe(Roles.All, ignoreOrder: true);
        }

        // Two offices, so "the prosecutors of the legal case" can be told from the other prosecutors of the country.
        DemoUsers.All.Where(user => user.Country == "IT" && user.Role == Roles.Prosecutor).Select(user => user.Agency).ShouldBe(["Procura di Torino", "Procura di Palermo"]);

        // Two agencies, so "the receiving agency of the referral" can be told from the country's other agencies.
        DemoUsers.All.Where(user => user.Country == "NG" && user.Role == Roles.ReceivingAgency).Select(user => user.Agency)
            .ShouldBe(["NAPTIP Abuja – Counselling and Rehabilitation", "Idia Renaissance, Benin City"]);

        // A country neither sending nor receiving a referral, whose staff must see none of it.
        DemoUsers.All.Where(user => user.Country == "GH").Select(user => user.Role)
            .ShouldBe([Roles.CaseWorker, Roles.ReceivingAgency, Roles.Supervisor, Roles.Administrator, Roles.DataProtectionOfficer], ignoreOrder: true);
        DemoUsers.All.Count.ShouldBe((Roles.All.Count * 2) + 2 + 5);
    }

    [Theory]
    [InlineData("Screener", "ng", "not an upper-case")]
    [InlineData("Superuser", "NG", "role \"Superuser\"")]
    [InlineData("Screener", "NGA", "not an upper-case")]
    public void An_invalid_demo_user_stops_the_start(string role, string country, string complaint)
    {
        var user = new DemoUserAccount { Username = "x.ng", Name = "X", Role = role, Agency = "NAPTIP Lagos", Country = country };

        Should.Throw<InvalidOperationException>(() => new UserDirectory([user], "password")).Message.ShouldContain(complaint);
    }

    [Fact]
    public void Demo_users_without_a_password_stop_the_start()
    {
        var user = new DemoUserAccount { Username = "x.ng", Name = "X", Role = Roles.Screener, Agency = "NAPTIP Lagos", Country = "NG" };

        Should.Throw<InvalidOperationException>(() => new UserDirectory([user], "")).Message.ShouldContain("DemoPassword");
    }

    [Fact]
    public void Production_refuses_to_start_without_a_signing_key()
    {
        var error = Should.Throw<InvalidOperationException>(() => SigningKeys.Load(new IdentityProviderOptions(), Environment(Environments.Production)));

        error.Message.ShouldContain("SigningKeyPem");
    }

    [Fact]
    public void Production_refuses_a_key_file_that_does_not_exist()
    {
        var options = new IdentityProviderOptions { SigningKeyFile = Path.Combine(directory, "missing.pem") };

        Should.Throw<InvalidOperationException>(() => SigningKeys.Load(options, Environment(Environments.Production)));
        File.Exists(options.SigningKeyFile).ShouldBeFalse();
    }

    [Fact]
    public void Development_generates_a_key_file_once_readable_by_its_owner_only_and_keeps_it()
    {
        var options = new IdentityProviderOptions { SigningKeyFile = Path.Combine(directory, "keys", "signing-key.pem") };

        var (first, _) = SigningKeys.Load(options, Environment(Environments.Development));
        var (second, source) = SigningKeys.Load(options, Environment(Environments.Development));

        second.KeyId.ShouldBe(first.KeyId);
        source.ShouldBe(options.SigningKeyFile);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(options.SigningKeyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void A_configured_key_wins_and_small_keys_are_refused()
    {
        using var rsa = RSA.Create(2048);
        var (key, _) = SigningKeys.Load(new IdentityProviderOptions { SigningKeyPem = rsa.ExportPkcs8PrivateKeyPem() }, Environment(Environments.Production));
        key.Rsa.ExportParameters(false).Modulus.ShouldBe(rsa.ExportParameters(false).Modulus);

        using var small = RSA.Create(1024);
        Should.Throw<InvalidOperationException>(() =>
            SigningKeys.Load(new IdentityProviderOptions { SigningKeyPem = small.ExportPkcs8PrivateKeyPem() }, Environment(Environments.Production)));
    }

    [Fact]
    public void Production_refuses_to_start_without_an_encryption_key_and_refuses_a_short_one()
    {
        Should.Throw<InvalidOperationException>(() => EncryptionKeys.Load(new IdentityProviderOptions(), Environment(Environments.Production)))
            .Message.ShouldContain("EncryptionKey");
        Should.Throw<InvalidOperationException>(() => EncryptionKeys.Load(
            new IdentityProviderOptions { EncryptionKey = Convert.ToBase64String(new byte[16]) }, Environment(Environments.Production)));
    }

    [Fact]
    public void Development_generates_the_encryption_key_next_to_the_signing_key_once_and_keeps_it()
    {
        var options = new IdentityProviderOptions { SigningKeyFile = Path.Combine(directory, "keys", "signing-key.pem") };

        var (first, source) = EncryptionKeys.Load(options, Environment(Environments.Development));
        var (second, _) = EncryptionKeys.Load(options, Environment(Environments.Development));

        second.Key.ShouldBe(first.Key);
        first.KeySize.ShouldBe(256);
        source.ShouldBe(Path.Combine(directory, "keys", "encryption-key.txt"));
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(source).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Theory]
    [InlineData("client_credentials", "https://portal.example/signin-oidc", "grant \"client_credentials\"")]
    [InlineData("authorization_code", null, "needs at least one redirect URI")]
    [InlineData("authorization_code", "/signin-oidc", "not an absolute http(s) URI")]
    public void An_invalid_client_stops_the_start(string grant, string? redirectUri, string complaint)
    {
        var client = new ClientApplication { ClientId = "portal", AllowedGrants = [grant], RedirectUris = redirectUri is null ? [] : [redirectUri] };

        Should.Throw<InvalidOperationException>(() => new ClientRegistry([client])).Message.ShouldContain(complaint);
    }

    [Fact]
    public void A_client_without_grants_keeps_the_password_grant_only()
    {
        var client = new ClientRegistry([new ClientApplication { ClientId = "cli" }]).Find("cli")!;

        client.Allows("password").ShouldBeTrue();
        client.Allows("authorization_code").ShouldBeFalse();
        client.IsConfidential.ShouldBeFalse();
    }

    private HostingEnvironment Environment(string name) => new() { EnvironmentName = name, ContentRootPath = directory };
}
