using System.Security.Cryptography;

namespace TipReferral.Testing;

/// <summary>
/// Signing keys of its own, per country, for a repatriation service under test: it signs for and
/// trusts each of them, under the key id <see cref="KeyIdOf"/>.
/// </summary>
public static class SignedDocumentKeys
{
    public static string KeyIdOf(string country) => $"{country.ToLowerInvariant()}-test-1";

    public static ServiceFactory<TProgram> WithSignedDocumentKeys<TProgram>(this ServiceFactory<TProgram> service, IReadOnlyDictionary<string, ECDsa> keys)
        where TProgram : class
    {
        foreach (var (country, key) in keys)
        {
            service.WithSetting($"SignedDocuments:SigningKeys:{country}:KeyId", KeyIdOf(country));
            service.WithSetting($"SignedDocuments:SigningKeys:{country}:PrivateKeyPem", key.ExportPkcs8PrivateKeyPem());
            service.WithSetting($"SignedDocuments:TrustedKeys:{country}:0:KeyId", KeyIdOf(country));
            service.WithSetting($"SignedDocuments:TrustedKeys:{country}:0:PublicKeyPem", key.ExportSubjectPublicKeyInfoPem());
        }

        return service;
    }
}
