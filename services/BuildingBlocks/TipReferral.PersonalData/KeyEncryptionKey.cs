using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace TipReferral.PersonalData;

/// <summary>
/// The key-encryption key (KEK) that wraps every case's data key. Its id is stored with each
/// wrapped key, so a later rotation can tell which KEK unwraps which key.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string Section = "PersonalData";
    public const string KeySetting = "PersonalData:KeyEncryptionKey";
    public const string KeyFileSetting = "PersonalData:KeyEncryptionKeyFile";
    public const string KeyIdSetting = "PersonalData:KeyEncryptionKeyId";
    public const string DefaultKeyId = "kek-1";

    private readonly byte[] key;

    public KeyEncryptionKey(string id, byte[] key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (key.Length != AesGcmCipher.KeySize)
        {
            throw new InvalidOperationException($"The personal-data key-encryption key must be {AesGcmCipher.KeySize} bytes; the one configured has {key.Length}.");
        }

        Id = id;
        this.key = key.ToArray();
    }

    public string Id { get; }

    internal ReadOnlySpan<byte> Key => key;

    /// <summary>
    /// Reads the KEK from <c>PersonalData:KeyEncryptionKey</c> (base64 of 32 bytes) or from the
    /// file named by <c>PersonalData:KeyEncryptionKeyFile</c>, and its id from
    /// <c>PersonalData:KeyEncryptionKeyId</c> (default "kek-1"). Fails with a clear message
    /// when it is missing or malformed: the service must not start without it.
    /// </summary>
    public static KeyEncryptionKey FromConfiguration(IConfiguration configuration)
    {
        var encoded = configuration[KeySetting];
        var file = configuration[KeyFileSetting];
        if (string.IsNullOrWhiteSpace(encoded) && !string.IsNullOrWhiteSpace(file))
        {
            encoded = File.Exists(file)
                ? File.ReadAllText(file, Encoding.UTF8)
                : throw new InvalidOperationException($"{KeyFileSetting} names {file}, which does not exist.");
        }

        if (string.IsNullOrWhiteSpace(encoded))
        {
            throw new InvalidOperationException(
                $"{KeySetting} (or {KeyFileSetting}) must be set to the base64 of a random {AesGcmCipher.KeySize}-byte key: personal data is never stored unencrypted.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(encoded.Trim());
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{KeySetting} is not valid base64.", exception);
        }

        if (key.Length != AesGcmCipher.KeySize)
        {
            throw new InvalidOperationException($"{KeySetting} must hold {AesGcmCipher.KeySize} bytes (base64); the one configured has {key.Length}.");
        }

        var id = configuration[KeyIdSetting];
        return new KeyEncryptionKey(string.IsNullOrWhiteSpace(id) ? DefaultKeyId : id.Trim(), key);
    }

    /// <summary>A fresh random key, base64: how to make a value for <c>PersonalData:KeyEncryptionKey</c>.</summary>
    public static string NewBase64() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(AesGcmCipher.KeySize));
}
