using Google.Protobuf.Reflection;

namespace TipReferral.Portal.Calling;

/// <summary>
/// Which roles each RPC admits, read from the access matrices the services generate from their
/// own [Access] policies (docs/access-matrix, embedded at build). The portal shows an action only
/// to a role its RPC admits; the service still decides, for the case at hand.
/// </summary>
public sealed class RpcAccess
{
    private readonly Dictionary<string, Dictionary<string, string>> cells = new(StringComparer.Ordinal);

    public RpcAccess()
    {
        var assembly = typeof(RpcAccess).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith("AccessMatrix.", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            Read(reader.ReadToEnd());
        }

        if (cells.Count == 0)
        {
            throw new InvalidOperationException("No access matrix is embedded in the portal (docs/access-matrix/*.md).");
        }
    }

    /// <summary>Whether <paramref name="role"/> may call <paramref name="method"/> at all (on cases of its own country).</summary>
    public bool Allows(string role, MethodDescriptor method) => Cell(method).GetValueOrDefault(role) is "own" or "any";

    /// <summary>Whether <paramref name="role"/> may call <paramref name="method"/> for another country too.</summary>
    public bool AllowsAnyCountry(string role, MethodDescriptor method) => Cell(method).GetValueOrDefault(role) == "any";

    private Dictionary<string, string> Cell(MethodDescriptor method) =>
        cells.TryGetValue($"{method.Service.FullName}/{method.Name}", out var roles)
            ? roles
            : throw new InvalidOperationException($"No access matrix lists {method.Service.FullName}/{method.Name}; regenerate docs/access-matrix.");

    private void Read(string markdown)
    {
        string? service = null;
        string[] roles = [];
        foreach (var line in markdown.Split('\n').Select(line => line.Trim()))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                service = line[3..].Trim();
            }
            else if (line.StartsWith("| RPC |", StringComparison.Ordinal))
            {
                roles = Columns(line)[1..];
            }
            else if (service is not null && line.StartsWith('|') && !line.StartsWith("| ---", StringComparison.Ordinal))
            {
                var columns = Columns(line);
                var rpc = columns[0].Replace("📖", "", StringComparison.Ordinal).Trim();
                cells[$"{service}/{rpc}"] = roles.Zip(columns[1..]).ToDictionary(
                    pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
            }
        }
    }

    private static string[] Columns(string line) => [.. line.Trim('|').Split('|').Select(column => column.Trim())];
}
