using System.Text;
using System.Text.RegularExpressions;

namespace TipReferral.Deploy.Tests.ComposeFile;

/// <summary>
/// The build context's exclusion rules, with Docker's semantics: patterns are relative to the
/// context, <c>**</c> spans directories, a pattern excludes what it matches and everything
/// below, <c>!</c> re-includes, and the last matching pattern wins. BuildKit prefers
/// <c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile over the context's .dockerignore.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exclude, string Text)> rules;

    private DockerIgnore(string? filePath, List<(Regex Pattern, bool Exclude, string Text)> rules)
    {
        FilePath = filePath;
        this.rules = rules;
    }

    public string? FilePath { get; }

    public static DockerIgnore For(BuildSpec build)
    {
        var path = new[] { build.Dockerfile + ".dockerignore", Path.Combine(build.Context, ".dockerignore") }.FirstOrDefault(File.Exists);
        var rules = path is null
            ? []
            : File.ReadLines(path)
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.StartsWith('!') ? (Text: line[1..].Trim(), Exclude: false) : (Text: line, Exclude: true))
                .Select(rule => (ToRegex(Normalise(rule.Text)), rule.Exclude, rule.Text))
                .ToList();
        return new DockerIgnore(path, rules);
    }

    /// <summary>The pattern that keeps this context-relative path out of the context, if any.</summary>
    public string? ExcludedBy(string relativePath)
    {
        var path = Normalise(relativePath);
        var candidates = new List<string>();
        for (var prefix = path; prefix.Length > 0; prefix = prefix.Contains('/', StringComparison.Ordinal) ? prefix[..prefix.LastIndexOf('/')] : string.Empty)
        {
            candidates.Add(prefix);
        }

        string? excludedBy = null;
        foreach (var (pattern, exclude, text) in rules)
        {
            if (candidates.Any(candidate => pattern.IsMatch(candidate)))
            {
                excludedBy = exclude ? text : null;
            }
        }

        return excludedBy;
    }

    private static string Normalise(string path)
    {
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(segment => segment != ".");
        return string.Join('/', segments);
    }

    /// <summary>A Go filepath.Match / .dockerignore pattern as an anchored regex over '/'-separated paths.</summary>
    internal static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    i++;
                    regex.Append("(?:.*/)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '[' && pattern.IndexOf(']', i + 1) is var end and > 0)
            {
                var set = pattern[(i + 1)..end];
                regex.Append('[').Append(set.StartsWith('!') || set.StartsWith('^') ? "^" + set[1..] : set).Append(']');
                i = end;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
