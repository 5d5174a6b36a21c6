using System.Security.Cryptography;

namespace TipReferral.PersonalData;

/// <summary>
/// Authenticated encryption of personal data and of wrapped data keys. The product uses
/// <see cref="AesGcmCipher"/>; the seam exists so a benchmark can measure its share.
/// </summary>
public interface IPersonalDataCipher
{
    /// <summary>Encrypts <paramref name="plaintext"/> bound to <paramref name="associatedData"/>.</summary>
    byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData);

    /// <summary>Decrypts what <see cref="Seal"/> made; throws <see cref="CryptographicException"/> if anything was altered.</summary>
    byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData);
}

/// <summary>AES-256-GCM with a random 96-bit nonce and a 128-bit tag, stored as nonce | ciphertext | tag.</summary>
public sealed class AesGcmCipher : IPersonalDataCipher
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        RequireKey(key);
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), associatedData);
        return output;
    }

    public byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData)
    {
        RequireKey(key);
        if (sealedData.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed value is too short to hold a nonce and a tag.");
        }

        var length = sealedData.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedData[..NonceSize], sealedData.Slice(NonceSize, length), sealedData[(NonceSize + length)..], plaintext, associatedData);
        return plaintext;
    }

    private static void RequireKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new CryptographicException($"AES-256-GCM needs a {KeySize}-byte key; this one has {key.Length}.");
        }
    }
}
