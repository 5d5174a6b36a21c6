namespace TipReferral.Identity;

/// <summary>The identity provider's settings, bound from the "Identity" configuration section.</summary>
public sealed class IdentityProviderOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// The issuer ("iss") of every token, e.g. "http://identity:8080/" behind a fixed host name.
    /// Empty: the address the request came in on, which is right for a single loopback endpoint.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>The audience ("aud") of every access token; the services validate it.</summary>
    public string Audience { get; set; } = "tipreferral";

    /// <summary>RSA private key (PEM text) that signs the tokens. Wins over <see cref="SigningKeyFile"/>.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>
    /// A PEM file holding the RSA signing key. In Development a missing file is created with a
    /// new key, so restarts keep it; elsewhere a missing key stops the start.
    /// </summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>
    /// The AES key (base64 of 32 bytes) that encrypts authorization codes and refresh tokens.
    /// Wins over <see cref="EncryptionKeyFile"/>.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>
    /// A file holding <see cref="EncryptionKey"/>. In Development a missing file is created next
    /// to the signing key file, so restarts keep codes and refresh tokens valid; elsewhere a
    /// missing key stops the start.
    /// </summary>
    public string? EncryptionKeyFile { get; set; }

    /// <summary>How long an access token is valid; tests shorten it.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The one password every demo user signs in with (Development only).</summary>
    public string? DemoPassword { get; set; }

    /// <summary>The client applications allowed to ask for tokens.</summary>
    public List<ClientApplication> Clients { get; set; } = [];
}

public sealed class ClientApplication
{
    public string ClientId { get; set; } = "";
    public string? DisplayName { get; set; }

    /// <summary>Set: a confidential client that must authenticate with it. Empty: a public client that must not send one.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The OAuth grant types this client may use: "password", "authorization_code",
    /// "refresh_token". Empty: "password", what every client could do before the other grants existed.
    /// </summary>
    public List<string> AllowedGrants { get; set; } = [];

    /// <summary>Where an authorization response may be sent, compared exactly (but see <see cref="AllowLoopbackRedirectPorts"/>).</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Where the browser may be sent back after signing out.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>
    /// RFC 8252 §7.3: a redirect URI on 127.0.0.1, [::1] or localhost matches a registered one
    /// on any port (scheme, host and path still match), for clients on dynamic ports. Development only.
    /// </summary>
    public bool AllowLoopbackRedirectPorts { get; set; }
}

/// <summary>A seeded user: one per role and country, bound from the "DemoUsers" array.</summary>
public sealed class DemoUserAccount
{
    public const string Section = "DemoUsers";

    public string Username { get; set; } = "";
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Agency { get; set; } = "";
    public string Country { get; set; } = "";
}
