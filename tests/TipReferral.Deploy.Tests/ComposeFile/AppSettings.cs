using System.Text.Json;
using System.Text.RegularExpressions;

namespace TipReferral.Deploy.Tests.ComposeFile;

/// <summary>
/// A service's configuration files, flattened to configuration keys ("Section:Key") the way
/// Microsoft.Extensions.Configuration sees them (case-insensitive; array items by index).
/// </summary>
internal sealed partial class AppSettings
{
    private AppSettings(string filePath, IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string?> development)
    {
        FilePath = filePath;
        Values = values;
        Development = development;
    }

    /// <summary>The service's appsettings.json.</summary>
    public string FilePath { get; }

    /// <summary>Every leaf key of appsettings.json with its value (null for JSON null).</summary>
    public IReadOnlyDictionary<string, string?> Values { get; }

    /// <summary>Every leaf key of appsettings.Development.json (empty when the file is absent).</summary>
    public IReadOnlyDictionary<string, string?> Development { get; }

    public bool HasDevelopmentFile { get; private init; }

    public static AppSettings ForProject(string projectFile)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var path = Path.Combine(directory, "appsettings.json");
        var developmentPath = Path.Combine(directory, "appsettings.Development.json");
        return new AppSettings(path, Flatten(path), File.Exists(developmentPath) ? Flatten(developmentPath) : new Dictionary<string, string?>())
        {
            HasDevelopmentFile = File.Exists(developmentPath),
        };
    }

    /// <summary>
    /// The keys a container must be given, derived from the files rather than listed by hand:
    /// <list type="bullet">
    /// <item>keys appsettings.json leaves empty and appsettings.Development.json fills in (secrets,
    /// connection strings: the service refuses to start without them, and the development values
    /// are for a developer's machine) — every empty key, when there is no development file;</item>
    /// <item>keys whose default names the loopback address, which inside a container is the
    /// container itself (the broker URI, Kestrel's endpoints).</item>
    /// </list>
    /// An empty key that development leaves empty too (RabbitMq:EntityPrefix) is optional.
    /// </summary>
    public IReadOnlyList<(string Key, string Reason)> RequiredInContainer()
    {
        var required = new List<(string Key, string Reason)>();
        foreach (var (key, value) in Values)
        {
            if (value == string.Empty && (!HasDevelopmentFile || !string.IsNullOrEmpty(Development.GetValueOrDefault(key))))
            {
                required.Add((key, "appsettings.json leaves it empty: the deployment must supply it"));
            }
            else if (NamesLoopback(value))
            {
                required.Add((key, $"appsettings.json's default \"{value}\" names the loopback address, inside a container the container itself"));
            }
        }

        return required;
    }

    public static bool NamesLoopback(string? value) => value is not null && Loopback().IsMatch(value);

    private static Dictionary<string, string?> Flatten(string path)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var document = JsonDocument.Parse(File.ReadAllText(path), options);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(document.RootElement, null, values);
        return values;
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index++}", values);
                }

                break;
            case JsonValueKind.Null:
                values[prefix!] = null;
                break;
            case JsonValueKind.String:
                values[prefix!] = element.GetString();
                break;
            default:
                values[prefix!] = element.GetRawText();
                break;
        }
    }

    [GeneratedRegex(@"(?<![\w.-])(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?![\w.-])", RegexOptions.IgnoreCase)]
    private static partial Regex Loopback();
}
