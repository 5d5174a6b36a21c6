using System.Security.Cryptography;
using System.Text;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TipReferral.Identity;

/// <summary>
/// The configured client applications, checked once at startup. OpenIddict's degraded mode has
/// no application store, so the provider's event handlers ask this registry instead.
/// </summary>
public sealed class ClientRegistry
{
    private static readonly string[] KnownGrants = [GrantTypes.Password, GrantTypes.AuthorizationCode, GrantTypes.RefreshToken];

    private readonly Dictionary<string, RegisteredClient> clients;

    public ClientRegistry(IEnumerable<ClientApplication> applications)
    {
        var list = applications.Where(client => !string.IsNullOrWhiteSpace(client.ClientId)).ToList();
        if (list.Count == 0)
        {
            throw new InvalidOperationException($"No client is configured in {IdentityProviderOptions.Section}:{nameof(IdentityProviderOptions.Clients)}.");
        }

        var problems = list.GroupBy(client => client.ClientId, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => $"client {group.Key} is configured {group.Count()} times")
            .ToList();
        foreach (var client in list)
        {
            problems.AddRange(client.AllowedGrants.Where(grant => !KnownGrants.Contains(grant, StringComparer.Ordinal))
                .Select(grant => $"{client.ClientId}: grant \"{grant}\" is not one of {string.Join(", ", KnownGrants)}"));
            problems.AddRange(client.RedirectUris.Concat(client.PostLogoutRedirectUris)
                // Scheme checked too: on Unix "/signin-oidc" parses as an absolute file: URI.
                .Where(uri => !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                .Select(uri => $"{client.ClientId}: \"{uri}\" is not an absolute http(s) URI"));
            if (client.AllowedGrants.Contains(GrantTypes.AuthorizationCode, StringComparer.Ordinal) && client.RedirectUris.Count == 0)
            {
                problems.Add($"{client.ClientId}: the authorization code grant needs at least one redirect URI");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Invalid {IdentityProviderOptions.Section}:{nameof(IdentityProviderOptions.Clients)} configuration: {string.Join("; ", problems)}.");
        }

        clients = list.Select(client => new RegisteredClient(client)).ToDictionary(client => client.ClientId, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<RegisteredClient> All => clients.Values;

    public RegisteredClient? Find(string? clientId) => clientId is not null && clients.TryGetValue(clientId, out var client) ? client : null;
}

public sealed class RegisteredClient(ClientApplication application)
{
    private readonly byte[]? secretDigest = string.IsNullOrEmpty(application.ClientSecret) ? null : Digest(application.ClientSecret);
    private readonly Uri[] redirectUris = [.. application.RedirectUris.Select(uri => new Uri(uri, UriKind.Absolute))];
    private readonly Uri[] postLogoutRedirectUris = [.. application.PostLogoutRedirectUris.Select(uri => new Uri(uri, UriKind.Absolute))];
    private readonly HashSet<string> grants = application.AllowedGrants.Count == 0
        ? [GrantTypes.Password]
        : application.AllowedGrants.ToHashSet(StringComparer.Ordinal);

    public string ClientId { get; } = application.ClientId;

    public bool IsConfidential => secretDigest is not null;

    public bool Allows(string? grantType) => grantType is not null && grants.Contains(grantType);

    /// <summary>
    /// Whether <paramref name="secret"/> is what this client must present: its secret for a
    /// confidential client (compared in constant time), none at all for a public one.
    /// </summary>
    public bool Authenticates(string? secret) => secretDigest is null
        ? string.IsNullOrEmpty(secret)
        : CryptographicOperations.FixedTimeEquals(Digest(secret ?? ""), secretDigest);

    public bool IsRedirectUri(string? uri) => Matches(uri, redirectUris);

    public bool IsPostLogoutRedirectUri(string? uri) => Matches(uri, postLogoutRedirectUris);

    private bool Matches(string? candidate, Uri[] registered)
    {
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri))
        {
            return false;
        }

        // Exact string comparison, as OAuth 2.0 security best practice asks; only the port of a
        // loopback address may differ, and only for a client that opted in.
        return registered.Any(known => string.Equals(known.OriginalString, candidate, StringComparison.Ordinal)
            || (application.AllowLoopbackRedirectPorts && IsLoopback(uri) && IsLoopback(known)
                && string.Equals(uri.Scheme, known.Scheme, StringComparison.Ordinal)
                && string.Equals(uri.Host, known.Host, StringComparison.OrdinalIgnoreCase)
                && string.Equals(uri.PathAndQuery, known.PathAndQuery, StringComparison.Ordinal)
                && string.IsNullOrEmpty(uri.UserInfo)
                && string.IsNullOrEmpty(uri.Fragment)));
    }

    private static bool IsLoopback(Uri uri) =>
        uri.Host is "127.0.0.1" or "[::1]" || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
