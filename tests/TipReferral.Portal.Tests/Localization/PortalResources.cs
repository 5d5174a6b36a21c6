using System.Text.RegularExpressions;
using System.Xml.Linq;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Localization;

/// <summary>The portal's .resx files as the source tree holds them: a neutral (English) file and one per other language.</summary>
public static partial class PortalResources
{
    public static readonly IReadOnlyList<string> OtherLanguages = ["fr", "ar", "pt"];

    public static string ProjectDirectory => Path.Combine(RepositoryRoot.Path, "services", "Portal", "TipReferral.Portal");

    /// <summary>Every neutral resource, by its path without extension relative to the project (Localization/PortalText).</summary>
    public static IReadOnlyList<string> Neutral { get; } =
    [
        .. Directory.EnumerateFiles(ProjectDirectory, "*.resx", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !LanguageSuffix().IsMatch(file))
            .Select(file => Path.GetRelativePath(ProjectDirectory, file)[..^".resx".Length].Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal),
    ];

    public static IReadOnlyDictionary<string, string> Entries(string resource, string? language = null)
    {
        var file = Path.Combine(ProjectDirectory, resource + (language is null ? "" : "." + language) + ".resx");
        return File.Exists(file)
            ? XDocument.Load(file).Root!.Elements("data").ToDictionary(data => data.Attribute("name")!.Value, data => data.Element("value")?.Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>();
    }

    /// <summary>The keys of every resource under <paramref name="folder"/> (e.g. Localization/Rules), together.</summary>
    public static IReadOnlySet<string> KeysUnder(string folder) =>
        Neutral.Where(resource => resource.StartsWith(folder + "/", StringComparison.Ordinal)).SelectMany(resource => Entries(resource).Keys).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\.(fr|ar|pt)\.resx$")]
    private static partial Regex LanguageSuffix();
}
