namespace TipReferral.Portal.SigningIn;

/// <summary>The portal's settings, bound from the "Portal" configuration section.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Issuer URL of the OpenID Connect provider (any provider: discovery says the rest).</summary>
    public string Authority { get; set; } = "";

    /// <summary>
    /// Where browsers reach the provider, when not at <see cref="Authority"/>: in docker compose the
    /// portal fetches discovery and redeems codes at the provider's service name, which a browser on
    /// the host cannot resolve. Empty: browsers go where discovery says.
    /// </summary>
    public string BrowserAuthority { get; set; } = "";

    /// <summary>The origin browsers are sent to for signing in and out ("http://127.0.0.1:5000").</summary>
    public string BrowserOrigin => new Uri(BrowserAuthority is { Length: > 0 } browser ? browser : Authority).GetLeftPart(UriPartial.Authority);

    /// <summary>Fetch discovery over HTTPS only; false only for the loopback development provider.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public string ClientId { get; set; } = "tipreferral-portal";

    /// <summary>The portal is a confidential client: its secret never reaches a browser.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>How long a session lasts without a request before the person signs in again.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>gRPC addresses of the services the portal calls as the signed-in user.</summary>
    public ServiceAddresses Services { get; set; } = new();
}

public sealed class ServiceAddresses
{
    public Uri? Identification { get; set; }
    public Uri? Shelter { get; set; }
    public Uri? Legal { get; set; }
    public Uri? Repatriation { get; set; }
}
