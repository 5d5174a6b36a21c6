using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace TipReferral.Identity;

/// <summary>
/// The AES key that encrypts authorization codes and refresh tokens (access tokens stay plain
/// signed JWTs): from <c>Identity:EncryptionKey</c>, else from <c>Identity:EncryptionKeyFile</c>.
/// Not an ephemeral key: with no database, a code or refresh token is only its encrypted self,
/// so a new key at every start would sign every portal user out on each restart, and replicas
/// would refuse each other's tokens. Hence, as for the signing key, only Development generates
/// a missing one, into a file next to the signing key (<c>.local/identity/encryption-key.txt</c>
/// by default, or beside <c>Identity:SigningKeyFile</c>, e.g. in docker compose's key volume).
/// </summary>
public static class EncryptionKeys
{
    private const int KeyBytes = 32;

    public static (SymmetricSecurityKey Key, string Source) Load(IdentityProviderOptions options, IHostEnvironment environment)
    {
        string base64, source;
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            (base64, source) = (options.EncryptionKey, $"{IdentityProviderOptions.Section}:{nameof(IdentityProviderOptions.EncryptionKey)}");
        }
        else
        {
            var file = KeyFiles.Resolve(options.EncryptionKeyFile, environment, () => DefaultDevelopmentFile(options, environment))
                ?? throw new InvalidOperationException(
                    $"No encryption key: set {IdentityProviderOptions.Section}:{nameof(IdentityProviderOptions.EncryptionKey)} " +
                    $"or {IdentityProviderOptions.Section}:{nameof(IdentityProviderOptions.EncryptionKeyFile)} (base64 of {KeyBytes} random bytes).");
            (base64, source) = (KeyFiles.ReadOrCreate(file, environment, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes))), file);
        }

        var bytes = Convert.TryFromBase64String(base64.Trim(), new byte[base64.Length], out var length) && length == KeyBytes
            ? Convert.FromBase64String(base64.Trim())
            : throw new InvalidOperationException($"The encryption key from {source} is not base64 of {KeyBytes} bytes.");
        return (new SymmetricSecurityKey(bytes), source);
    }

    private static string DefaultDevelopmentFile(IdentityProviderOptions options, IHostEnvironment environment)
    {
        var signingKeyFile = string.IsNullOrWhiteSpace(options.SigningKeyFile)
            ? SigningKeys.DefaultDevelopmentFile(environment.ContentRootPath)
            : Path.GetFullPath(options.SigningKeyFile, environment.ContentRootPath);
        return Path.Combine(Path.GetDirectoryName(signingKeyFile)!, "encryption-key.txt");
    }
}
