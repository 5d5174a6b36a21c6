using Microsoft.Extensions.Configuration;

namespace TipReferral.Testing;

/// <summary>A seeded user of the development identity provider: one per role and country.</summary>
public sealed record DemoUser(string Username, string Role, string Agency, string Country);

/// <summary>
/// The demo users the identity provider signs in, read from the provider's own
/// appsettings.Development.json (copied beside the tests as <see cref="FileName"/>), so the
/// tests and the provider cannot disagree about who exists.
/// </summary>
public static class DemoUsers
{
    public const string FileName = "identity-demo-users.json";

    private static readonly IConfigurationRoot Configuration = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, FileName), optional: false)
        .Build();

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        .. Configuration.GetSection("DemoUsers").GetChildren().Select(user => new DemoUser(
            Required(user, "Username"), Required(user, "Role"), Required(user, "Agency"), Required(user, "Country"))),
    ];

    /// <summary>The one password every demo user signs in with.</summary>
    public static string Password { get; } = Configuration["Identity:DemoPassword"]
        ?? throw new InvalidOperationException($"{FileName} has no Identity:DemoPassword.");

    /// <summary>
    /// The (first listed) demo user with <paramref name="role"/> (see TipReferral.Domain.Roles) in
    /// <paramref name="country"/> (NG or IT); <see cref="Named"/> finds the others.
    /// </summary>
    public static DemoUser For(string role, string country) =>
        All.FirstOrDefault(user => user.Role == role && string.Equals(user.Country, country, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No demo user has role {role} in {country}; see {FileName}.", nameof(role));

    public static DemoUser Named(string username) =>
        All.SingleOrDefault(user => string.Equals(user.Username, username, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No demo user is called {username}; see {FileName}.", nameof(username));

    /// <summary>
    /// The demo configuration (users, password and the development clients, among them the
    /// portal's) exactly as the provider reads it in Development.
    /// </summary>
    internal static IEnumerable<KeyValuePair<string, string?>> ProviderSettings =>
        Configuration.AsEnumerable().Where(entry => entry.Value is not null
            && (entry.Key.StartsWith("DemoUsers:", StringComparison.OrdinalIgnoreCase)
                || entry.Key.StartsWith("Identity:Clients:", StringComparison.OrdinalIgnoreCase)
                || string.Equals(entry.Key, "Identity:DemoPassword", StringComparison.OrdinalIgnoreCase)));

    private static string Required(IConfigurationSection user, string key) =>
        user[key] ?? throw new InvalidOperationException($"{FileName}: {user.Path} has no {key}.");
}
