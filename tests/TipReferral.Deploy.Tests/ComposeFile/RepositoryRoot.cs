namespace TipReferral.Deploy.Tests.ComposeFile;

/// <summary>The checkout the tests run from: the nearest ancestor of the test binaries holding TipReferral.sln.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFile = "TipReferral.sln";

    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} in {AppContext.BaseDirectory} or any directory above it.");
    }

    /// <summary>A path relative to the repository root, with forward slashes, for messages.</summary>
    public static string Relative(string path) => System.IO.Path.GetRelativePath(Path, path).Replace('\\', '/');
}
