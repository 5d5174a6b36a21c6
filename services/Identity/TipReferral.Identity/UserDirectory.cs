using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using TipReferral.Domain;

namespace TipReferral.Identity;

/// <summary>
/// The demo users this provider signs in, checked once at startup: each has a known role
/// (<see cref="Roles.All"/>), an agency and an ISO 3166 alpha-2 country; usernames are unique.
/// </summary>
public sealed partial class UserDirectory
{
    private readonly Dictionary<string, DemoUserAccount> users;
    private readonly byte[] passwordDigest;

    public UserDirectory(IEnumerable<DemoUserAccount> accounts, string? demoPassword)
    {
        var list = accounts.ToList();
        var problems = new List<string>();
        foreach (var user in list)
        {
            if (string.IsNullOrWhiteSpace(user.Username))
            {
                problems.Add("a demo user has no username");
            }

            if (!Roles.IsKnown(user.Role))
            {
                problems.Add($"{user.Username}: role \"{user.Role}\" is not one of {string.Join(", ", Roles.All)}");
            }

            if (string.IsNullOrWhiteSpace(user.Agency))
            {
                problems.Add($"{user.Username}: no agency");
            }

            if (!CountryCode().IsMatch(user.Country ?? ""))
            {
                problems.Add($"{user.Username}: country \"{user.Country}\" is not an upper-case ISO 3166 alpha-2 code");
            }
        }

        problems.AddRange(list.GroupBy(user => user.Username, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => $"username {group.Key} is used {group.Count()} times"));
        if (list.Count > 0 && string.IsNullOrEmpty(demoPassword))
        {
            problems.Add($"demo users are configured but {IdentityProviderOptions.Section}:{nameof(IdentityProviderOptions.DemoPassword)} is empty");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Invalid {DemoUserAccount.Section} configuration: {string.Join("; ", problems)}.");
        }

        users = list.ToDictionary(user => user.Username, StringComparer.OrdinalIgnoreCase);
        // Without users nobody can sign in: a random digest no password can match.
        passwordDigest = string.IsNullOrEmpty(demoPassword) ? RandomNumberGenerator.GetBytes(32) : Digest(demoPassword);
    }

    public IReadOnlyCollection<DemoUserAccount> Users => users.Values;

    /// <summary>The user, if the username exists and the password matches; compared in constant time.</summary>
    public DemoUserAccount? Authenticate(string? username, string? password)
    {
        // Compare even for an unknown username, so timing does not tell which usernames exist.
        var matches = CryptographicOperations.FixedTimeEquals(Digest(password ?? ""), passwordDigest);
        return matches && username is not null && users.TryGetValue(username, out var user) ? user : null;
    }

    /// <summary>The user signed in earlier (cookie, code or refresh token), if still in the directory.</summary>
    public DemoUserAccount? Find(string? username) => username is not null && users.TryGetValue(username, out var user) ? user : null;

    private static byte[] Digest(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
