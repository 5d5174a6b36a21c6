using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace TipReferral.PersonalData.Tests;

public sealed class KeyEncryptionKeyTests
{
    private readonly Guid caseId = Guid.CreateVersion7();

    [Fact]
    public void A_wrapped_data_key_unwraps_under_the_same_kek()
    {
        var keys = new CaseKeys(Samples.Kek(), new AesGcmCipher(), TimeProvider.System);
        var dataKey = RandomNumberGenerator.GetBytes(AesGcmCipher.KeySize);

        var wrapped = keys.Wrap(dataKey, caseId);

        wrapped.AsSpan().IndexOf(dataKey).ShouldBe(-1);
        keys.Unwrap(new CaseDataKey { Id = caseId, WrappedKey = wrapped, KekId = "kek-test" }).ShouldBe(dataKey);
    }

    [Fact]
    public void A_wrapped_data_key_does_not_unwrap_under_another_kek_of_the_same_id()
    {
        var wrapped = new CaseKeys(Samples.Kek(), new AesGcmCipher(), TimeProvider.System).Wrap(RandomNumberGenerator.GetBytes(32), caseId);
        var otherKek = new CaseKeys(Samples.Kek(), new AesGcmCipher(), TimeProvider.System);

        Should.Throw<CryptographicException>(() => otherKek.Unwrap(new CaseDataKey { Id = caseId, WrappedKey = wrapped, KekId = "kek-test" }))
            .Message.ShouldContain("KEK is wrong");
    }

    [Fact]
    public void A_wrapped_data_key_does_not_unwrap_for_another_case()
    {
        var keys = new CaseKeys(Samples.Kek(), new AesGcmCipher(), TimeProvider.System);
        var wrapped = keys.Wrap(RandomNumberGenerator.GetBytes(32), caseId);

        Should.Throw<CryptographicException>(() => keys.Unwrap(new CaseDataKey { Id = Guid.CreateVersion7(), WrappedKey = wrapped, KekId = "kek-test" }));
    }

    [Fact]
    public void A_key_wrapped_under_an_unknown_kek_id_is_a_clear_error()
    {
        var keys = new CaseKeys(Samples.Kek("kek-2"), new AesGcmCipher(), TimeProvider.System);

        Should.Throw<InvalidOperationException>(() => keys.Unwrap(new CaseDataKey { Id = caseId, WrappedKey = new byte[60], KekId = "kek-1" }))
            .Message.ShouldContain("'kek-1'");
    }

    [Fact]
    public void The_kek_is_read_from_configuration_with_a_default_id()
    {
        var encoded = KeyEncryptionKey.NewBase64();

        var kek = KeyEncryptionKey.FromConfiguration(Configuration((KeyEncryptionKey.KeySetting, encoded)));

        kek.Id.ShouldBe(KeyEncryptionKey.DefaultKeyId);
        kek.Key.ToArray().ShouldBe(Convert.FromBase64String(encoded));
    }

    [Fact]
    public void The_kek_is_read_from_a_file_with_its_id()
    {
        var file = Path.GetTempFileName();
        try
        {
            var encoded = KeyEncryptionKey.NewBase64();
            File.WriteAllText(file, encoded + "\n");

            var kek = KeyEncryptionKey.FromConfiguration(Configuration((KeyEncryptionKey.KeyFileSetting, file), (KeyEncryptionKey.KeyIdSetting, "kek-7")));

            kek.Id.ShouldBe("kek-7");
            kek.Key.ToArray().ShouldBe(Convert.FromBase64String(encoded));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64!")]
    public void A_missing_or_malformed_kek_stops_the_service(string? value)
    {
        Should.Throw<InvalidOperationException>(() => KeyEncryptionKey.FromConfiguration(Configuration((KeyEncryptionKey.KeySetting, value))))
            .Message.ShouldContain(KeyEncryptionKey.KeySetting);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
