namespace TipReferral.Deploy.Tests.ComposeFile;

/// <summary>What a build can read: the files under the context directory that .dockerignore lets through.</summary>
internal sealed class BuildContext(BuildSpec build)
{
    public string Directory { get; } = build.Context;

    public DockerIgnore Ignore { get; } = DockerIgnore.For(build);

    /// <summary>
    /// The context-relative paths a COPY/ADD source names: itself if it exists, or what its
    /// wildcards (*, ?, [..], matched per path segment as Docker does) match.
    /// </summary>
    public IReadOnlyList<string> Expand(string source)
    {
        var segments = source.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(segment => segment != ".").ToList();
        var matches = new List<string> { string.Empty };
        foreach (var segment in segments)
        {
            var next = new List<string>();
            foreach (var match in matches)
            {
                var directory = Path.Combine(Directory, match);
                if (segment.IndexOfAny(['*', '?', '[']) < 0)
                {
                    var candidate = Path.Combine(directory, segment);
                    if (File.Exists(candidate) || System.IO.Directory.Exists(candidate))
                    {
                        next.Add(Join(match, segment));
                    }
                }
                else if (System.IO.Directory.Exists(directory))
                {
                    var pattern = DockerIgnore.ToRegex(segment);
                    next.AddRange(System.IO.Directory.EnumerateFileSystemEntries(directory)
                        .Select(Path.GetFileName)
                        .Where(name => pattern.IsMatch(name!))
                        .Select(name => Join(match, name!)));
                }
            }

            matches = next;
        }

        return matches;
    }

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}/{name}";
}
