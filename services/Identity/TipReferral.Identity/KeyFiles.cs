namespace TipReferral.Identity;

/// <summary>
/// Key files the provider reads, and in Development creates on first start (owner-only), so a
/// restart keeps what was issued with them valid. Default place: <c>.local/identity/</c> at the
/// repository root (git-ignored), else under the content root.
/// </summary>
internal static class KeyFiles
{
    /// <summary>The configured file (relative to the content root), else in Development <paramref name="defaultFile"/>, else none.</summary>
    public static string? Resolve(string? configured, IHostEnvironment environment, Func<string> defaultFile) =>
        string.IsNullOrWhiteSpace(configured)
            ? (environment.IsDevelopment() ? defaultFile() : null)
            : Path.GetFullPath(configured, environment.ContentRootPath);

    public static string ReadOrCreate(string file, IHostEnvironment environment, Func<string> newKey)
    {
        if (!File.Exists(file))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException($"The key file {file} does not exist; only Development generates one.");
            }

            Create(file, newKey());
        }

        return File.ReadAllText(file);
    }

    public static string DevelopmentDirectory(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TipReferral.sln")))
            {
                return Path.Combine(directory.FullName, ".local", "identity");
            }
        }

        return Path.Combine(contentRoot, ".local", "identity");
    }

    private static void Create(string file, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(file, options);
            using var writer = new StreamWriter(stream);
            writer.Write(content);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another instance created it first: use theirs.
        }
    }
}
