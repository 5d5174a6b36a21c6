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
            var file = KeyFiles.Resolve(options.SigningKeyFile, environment, () => DefaultDevelopmentFile(environment.ContentRootPath))
                ?? throw new InvalidOperationException(
                    $"No signing key: set {IdentityProviderOptions.Section}:{nameof(IdentityProviderOptions.SigningKeyPem)} " +
                    $"or {IdentityProviderOptions.Section}:{nameof(IdentityProviderOptions.SigningKeyFile)} (an RSA private key in PEM).");
            rsa.ImportFromPem(KeyFiles.ReadOrCreate(file, environment, NewKeyPem));
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

    internal static string DefaultDevelopmentFile(string contentRoot) => Path.Combine(KeyFiles.DevelopmentDirectory(contentRoot), "signing-key.pem");

    private static string NewKeyPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }
}
