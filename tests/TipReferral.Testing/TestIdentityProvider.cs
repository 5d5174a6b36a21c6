using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;
using TipReferral.Identity;

namespace TipReferral.Testing;

/// <summary>
/// The development identity provider (services/Identity), started once per test process on
/// real Kestrel on a free loopback port, with a freshly generated RSA key. Every
/// <see cref="ServiceFactory{TProgram}"/> validates tokens against it; tests that need a
/// deliberately bad token sign it with <see cref="SigningKey"/>, the very key the provider uses.
/// </summary>
public sealed class TestIdentityProvider : WebApplicationFactory<IdentityProviderEntryPoint>
{
    /// <summary>The public client the tests (like the CLI) ask for tokens as.</summary>
    public const string ClientId = "tipreferral-cli";

    /// <summary>
    /// The web portal's confidential client (authorization code with PKCE, refresh tokens),
    /// configured as in the provider's appsettings.Development.json (<see cref="DemoUsers.ProviderSettings"/>):
    /// redirect URIs on 127.0.0.1 match at any port.
    /// </summary>
    public const string PortalClientId = "tipreferral-portal";

    /// <summary>The portal client's development secret (never a real deployment's).</summary>
    public const string PortalClientSecret = "tipreferral-portal-dev-secret";

    /// <summary>The portal's registered redirect URIs; any port on 127.0.0.1 matches them.</summary>
    public const string PortalRedirectUri = "http://127.0.0.1:5500/signin-oidc";
    public const string PortalPostLogoutRedirectUri = "http://127.0.0.1:5500/signout-callback-oidc";

    private static readonly Lazy<Task<TestIdentityProvider>> Shared = new(() => Task.Run(() => StartWith(new Dictionary<string, string?>())));

    /// <summary>Half an access token's lifetime: a caller that runs for hours (the load benchmark) is never sent away with an expired token.</summary>
    private static readonly TimeSpan Renewal = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, (Lazy<Task<string>> Token, DateTimeOffset FetchedAt)> tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly RSA rsa = RSA.Create(2048);
    private readonly HttpClient http;
    private readonly IReadOnlyDictionary<string, string?> extraSettings;

    private TestIdentityProvider(IReadOnlyDictionary<string, string?> extraSettings)
    {
        this.extraSettings = extraSettings;
        Port = LoopbackPorts.Free();
        SigningKey = new RsaSecurityKey(rsa);
        SigningKey.KeyId = Base64UrlEncoder.Encode(SigningKey.ComputeJwkThumbprint());
        http = new HttpClient { BaseAddress = Issuer };
        UseKestrel();
    }

    public int Port { get; }

    /// <summary>The provider's issuer, also its address: "http://127.0.0.1:PORT/".</summary>
    public Uri Issuer => new($"http://127.0.0.1:{Port}/");

    /// <summary>The provider's signing key, private part included, with the key id its JWKS publishes.</summary>
    public RsaSecurityKey SigningKey { get; }

    public static Task<TestIdentityProvider> GetAsync() => Shared.Value;

    /// <summary>
    /// A provider of its own (the caller disposes it) with <paramref name="settings"/> on top of
    /// the shared provider's, for tests of the provider's configuration itself.
    /// </summary>
    public static TestIdentityProvider StartWith(IReadOnlyDictionary<string, string?> settings)
    {
        // Outside a test host WebApplicationFactory does not find the provider's content root by itself.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TIPREFERRAL_IDENTITY",
            Path.Combine(RepositoryRoot.Path, "services", "Identity", "TipReferral.Identity"));
        var provider = new TestIdentityProvider(settings);
        provider.StartServer();
        return provider;
    }

    /// <summary>A real access token for <paramref name="user"/> (password grant), fetched once per user and process.</summary>
    public Task<string> TokenForAsync(DemoUser user)
    {
        var cached = tokens.GetOrAdd(user.Username, username => (new Lazy<Task<string>>(() => FetchTokenAsync(username)), DateTimeOffset.UtcNow));
        if (cached.Token.Value.IsFaulted || DateTimeOffset.UtcNow - cached.FetchedAt > Renewal)
        {
            tokens.TryRemove(new KeyValuePair<string, (Lazy<Task<string>>, DateTimeOffset)>(user.Username, cached));
        }

        return cached.Token.Value;
    }

    /// <summary>Posts a password-grant token request as <see cref="ClientId"/>; the caller inspects the response.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(string username, string password, string clientId = ClientId) =>
        http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = clientId,
            ["username"] = username,
            ["password"] = password,
        }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var configuration = new Dictionary<string, string?>
        {
            ["Identity:SigningKeyPem"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["Identity:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Kestrel:Endpoints:Http:Url"] = Issuer.ToString(),
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
        };
        foreach (var (key, value) in configuration.Concat(DemoUsers.ProviderSettings).Concat(extraSettings))
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            http.Dispose();
            rsa.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<string> FetchTokenAsync(string username)
    {
        using var response = await RequestTokenAsync(username, DemoUsers.Password).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The identity provider refused a token for {username}: {(int)response.StatusCode} {body}");
        }

        var token = System.Text.Json.JsonSerializer.Deserialize<TokenResponse>(body);
        return token?.AccessToken ?? throw new InvalidOperationException($"The identity provider's answer for {username} has no access_token: {body}");
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string? AccessToken);
}

/// <summary>The repository checkout the tests run from (found by TipReferral.sln above the test binaries).</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "TipReferral.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TipReferral.sln above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    });

    public static string Path => Root.Value;
}
