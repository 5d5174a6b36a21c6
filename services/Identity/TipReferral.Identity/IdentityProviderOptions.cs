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

    /// <summary>The one password every demo user signs in with (Development only).</summary>
    public string? DemoPassword { get; set; }

    /// <summary>The client applications allowed to ask for tokens (public clients: no secret).</summary>
    public List<ClientApplication> Clients { get; set; } = [];
}

public sealed class ClientApplication
{
    public string ClientId { get; set; } = "";
    public string? DisplayName { get; set; }
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
