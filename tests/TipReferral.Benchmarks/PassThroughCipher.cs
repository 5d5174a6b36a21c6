using TipReferral.PersonalData;

namespace TipReferral.Benchmarks;

/// <summary>
/// Benchmark only: "encrypts" by copying, so a run can show what AES-256-GCM adds. Everything
/// else stays as in production (the key document per case, the key lookups per request).
/// </summary>
internal sealed class PassThroughCipher : IPersonalDataCipher
{
    public byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData) => plaintext.ToArray();

    public byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData) => sealedData.ToArray();
}
