using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace TipReferral.Identity;

/// <summary>
/// The RSA key that signs every token: from <c>Identity:SigningKeyPem</c>, else from
/// <c>Identity:SigningKeyFile</c>. Only in Development is a missing key generated, and then
/// written (owner-only) to the key file, by default <c>.local/identity/signing-key.pem</c> in
/// the repository (git-ignored), so that a restart keeps accepting the tokens already issued.
/// </summary>
public static class SigningKeys
{
    public static (RsaSecurityKey Key, string Source) Load(IdentityProviderOptions options, IHostEnvironment environment)
    {
        var rsa = RSA.Create();
        string source;
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPem))
        {
            rsa.ImportFromPem(options.SigningKeyPem);
            source = $"{IdentityProviderOptions.Section}:{nameof(IdentityProviderOptions.SigningKeyPem)}";
        }
        else
        {
            var file = string.IsNullOrWhiteSpace(options.SigningKeyFile)
                ? (environment.IsDevelopment() ? DefaultDevelopmentFile(environment.ContentRootPath) : null)
                : Path.GetFullPath(options.SigningKeyFile, environment.ContentRootPath);
            if (file is null)
            {
                throw new InvalidOperationException(
                    $"No signing key: set {IdentityProviderOptions.Section}:{nameof(IdentityProviderOptions.SigningKeyPem)} " +
                    $"or {IdentityProviderOptions.Section}:{nameof(IdentityProviderOptions.SigningKeyFile)} (an RSA private key in PEM).");
            }

            if (!File.Exists(file))
            {
                if (!environment.IsDevelopment())
                {
                    throw new InvalidOperationException($"The signing key file {file} does not exist; only Development generates one.");
                }

                CreateKeyFile(file);
            }

            rsa.ImportFromPem(File.ReadAllText(file));
            source = file;
        }

        if (rsa.KeySize < 2048)
        {
            throw new InvalidOperationException($"The signing key from {source} has {rsa.KeySize} bits; at least 2048 are required.");
        }

        var key = new RsaSecurityKey(rsa);
        // A stable key id (the RFC 7638 thumbprint), so validators find the key in the JWKS.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return (key, source);
    }

    private static void CreateKeyFile(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var rsa = RSA.Create(2048);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(file, options);
            using var writer = new StreamWriter(stream);
            writer.Write(rsa.ExportPkcs8PrivateKeyPem());
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another instance created it first: use theirs.
        }
    }

    /// <summary>.local/identity/signing-key.pem at the repository root (found by TipReferral.sln), else under the content root.</summary>
    private static string DefaultDevelopmentFile(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TipReferral.sln")))
            {
                return Path.Combine(directory.FullName, ".local", "identity", "signing-key.pem");
            }
        }

        return Path.Combine(contentRoot, ".local", "identity", "signing-key.pem");
    }
}
