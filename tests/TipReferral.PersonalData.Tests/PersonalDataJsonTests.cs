using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TipReferral.PersonalData.Tests;

public sealed class PersonalDataJsonTests
{
    private static readonly JsonSerializerOptions Json = Samples.Json();
    private readonly Guid caseId = Guid.CreateVersion7();

    [Fact]
    public void Every_supported_shape_reads_back_as_written()
    {
        using var scope = Samples.ScopeWritingFor(caseId);
        var amina = Samples.Amina();

        var read = JsonSerializer.Deserialize<Person>(JsonSerializer.Serialize(amina, Json), Json)!;

        read.GivenName.ShouldBe("Amina");
        read.FamilyName.ShouldBe("Bello");
        read.Aliases.ShouldBe(["Mina B", "Aminat"]);
        read.DateOfBirth.ShouldBe(Samples.BirthDate);
        read.NameIndex.ShouldBe([101, -7, 42_000]);
        read.Guardian.ShouldBe(amina.Guardian);
        read.Gender.ShouldBe(Gender.Female);
        read.Country.ShouldBe("NG");
    }

    [Fact]
    public void Nulls_and_empty_lists_read_back_too()
    {
        using var scope = Samples.ScopeWritingFor(caseId);
        var nobody = new Person("X", null, [], null, [], null, Gender.Male, "GH");

        var read = JsonSerializer.Deserialize<Person>(JsonSerializer.Serialize(nobody, Json), Json)!;

        read.FamilyName.ShouldBeNull();
        read.Aliases.ShouldBeEmpty();
        read.DateOfBirth.ShouldBeNull();
        read.NameIndex.ShouldBeEmpty();
        read.Guardian.ShouldBeNull();
    }

    [Fact]
    public void Stored_json_holds_each_personal_value_only_as_ciphertext_bound_to_the_case()
    {
        using var scope = Samples.ScopeWritingFor(caseId);

        var stored = JsonSerializer.Serialize(Samples.Amina(), Json);

        foreach (var plaintext in new[] { "Amina", "Bello", "Mina B", "Aminat", "1999", "42000", "Grace", "+234" })
        {
            stored.ShouldNotContain(plaintext);
        }

        var json = JsonNode.Parse(stored)!.AsObject();
        foreach (var name in new[] { "GivenName", "FamilyName", "Aliases", "DateOfBirth", "NameIndex", "Guardian" })
        {
            json[name]!.GetValue<string>().ShouldStartWith($"pd1:{caseId:N}:");
        }

        json["Country"]!.GetValue<string>().ShouldBe("NG");
        json["Gender"]!.GetValue<string>().ShouldBe("Female");
    }

    [Fact]
    public void An_empty_optional_field_is_stored_like_a_filled_one()
    {
        using var scope = Samples.ScopeWritingFor(caseId);

        var stored = JsonNode.Parse(JsonSerializer.Serialize(Samples.Amina() with { FamilyName = null }, Json))!;

        stored["FamilyName"]!.GetValue<string>().ShouldStartWith($"pd1:{caseId:N}:");
    }

    [Fact]
    public void Equal_values_encrypt_differently_each_time()
    {
        using var scope = Samples.ScopeWritingFor(caseId);

        var first = JsonSerializer.Serialize(Samples.Amina(), Json);
        var second = JsonSerializer.Serialize(Samples.Amina(), Json);

        Field(first, "GivenName").ShouldNotBe(Field(second, "GivenName"));
    }

    [Fact]
    public void A_value_copied_to_another_case_does_not_decrypt_even_under_the_same_key()
    {
        var key = RandomNumberGenerator.GetBytes(AesGcmCipher.KeySize);
        var otherCase = Guid.CreateVersion7();
        using var scope = Samples.ScopeWritingFor(caseId, key);
        scope.Ring.Add(otherCase, key.ToArray());
        var stored = JsonSerializer.Serialize(Samples.Amina(), Json);

        var moved = stored.Replace($"pd1:{caseId:N}:", $"pd1:{otherCase:N}:", StringComparison.Ordinal);

        Should.Throw<CryptographicException>(() => JsonSerializer.Deserialize<Person>(moved, Json))
            .Message.ShouldContain(otherCase.ToString());
    }

    [Fact]
    public void A_value_copied_to_another_field_does_not_decrypt()
    {
        using var scope = Samples.ScopeWritingFor(caseId);
        var stored = JsonNode.Parse(JsonSerializer.Serialize(Samples.Amina(), Json))!;

        stored["FamilyName"] = Field(stored.ToJsonString(), "GivenName");

        Should.Throw<CryptographicException>(() => stored.Deserialize<Person>(Json))
            .Message.ShouldContain("FamilyName");
    }

    [Fact]
    public void Altered_ciphertext_is_refused()
    {
        using var scope = Samples.ScopeWritingFor(caseId);
        var stored = JsonNode.Parse(JsonSerializer.Serialize(Samples.Amina(), Json))!;
        var value = Field(stored.ToJsonString(), "GivenName");
        var sealedData = System.Buffers.Text.Base64Url.DecodeFromChars(value.AsSpan(value.LastIndexOf(':') + 1));
        sealedData[sealedData.Length / 2] ^= 0x01;

        stored["GivenName"] = ProtectedValue.Format(caseId, sealedData);

        Should.Throw<CryptographicException>(() => stored.Deserialize<Person>(Json));
    }

    [Fact]
    public void Once_the_key_is_destroyed_strings_read_erased_and_other_values_empty()
    {
        string stored;
        using (Samples.ScopeWritingFor(caseId))
        {
            stored = JsonSerializer.Serialize(Samples.Amina(), Json);
        }

        using var scope = PersonalDataScope.Begin();
        scope.Ring.MarkErased(caseId);
        var read = JsonSerializer.Deserialize<Person>(stored, Json)!;

        read.GivenName.ShouldBe(PersonalDataValues.Erased);
        read.FamilyName.ShouldBe(PersonalDataValues.Erased);
        read.Aliases.ShouldBe([PersonalDataValues.Erased]);
        read.DateOfBirth.ShouldBeNull();
        read.NameIndex.ShouldBeEmpty();
        read.Guardian.ShouldBeNull();
        read.Country.ShouldBe("NG");
    }

    [Fact]
    public void Written_after_erasure_a_value_is_stored_without_any_ciphertext()
    {
        using var scope = Samples.ScopeWritingFor(caseId);
        scope.Ring.MarkErased(caseId);

        var stored = JsonSerializer.Serialize(Samples.Amina(), Json);

        Field(stored, "GivenName").ShouldBe($"pd1:{caseId:N}:");
        stored.ShouldNotContain("Amina");
        JsonSerializer.Deserialize<Person>(stored, Json)!.GivenName.ShouldBe(PersonalDataValues.Erased);
    }

    [Fact]
    public void Without_any_key_ring_values_read_sealed()
    {
        string stored;
        using (Samples.ScopeWritingFor(caseId))
        {
            stored = JsonSerializer.Serialize(Samples.Amina(), Json);
        }

        PersonalDataScope.Current.ShouldBeNull();
        var read = JsonSerializer.Deserialize<Person>(stored, Json)!;

        read.GivenName.ShouldBe(PersonalDataValues.Sealed);
        read.Aliases.ShouldBe([PersonalDataValues.Sealed]);
        read.DateOfBirth.ShouldBeNull();
        read.NameIndex.ShouldBeEmpty();
        read.Country.ShouldBe("NG");
    }

    [Fact]
    public void Reading_a_case_whose_key_was_not_unlocked_is_a_clear_error()
    {
        string stored;
        using (Samples.ScopeWritingFor(caseId))
        {
            stored = JsonSerializer.Serialize(Samples.Amina(), Json);
        }

        using var scope = PersonalDataScope.Begin();

        Should.Throw<InvalidOperationException>(() => JsonSerializer.Deserialize<Person>(stored, Json))
            .Message.ShouldContain("UnlockAsync");
    }

    [Fact]
    public void Writing_without_a_scope_is_refused()
    {
        PersonalDataScope.Current.ShouldBeNull();

        Should.Throw<InvalidOperationException>(() => JsonSerializer.Serialize(Samples.Amina(), Json))
            .Message.ShouldContain("unencrypted");
    }

    [Fact]
    public void Writing_before_a_case_is_chosen_is_refused()
    {
        using var scope = PersonalDataScope.Begin();
        scope.Ring.Add(caseId, RandomNumberGenerator.GetBytes(AesGcmCipher.KeySize));

        Should.Throw<InvalidOperationException>(() => JsonSerializer.Serialize(Samples.Amina(), Json));
    }

    [Fact]
    public void Plaintext_where_ciphertext_belongs_is_refused()
    {
        using var scope = Samples.ScopeWritingFor(caseId);
        var stored = JsonNode.Parse(JsonSerializer.Serialize(Samples.Amina(), Json))!;

        stored["GivenName"] = "Amina";

        Should.Throw<JsonException>(() => stored.Deserialize<Person>(Json));
    }

    [Fact]
    public void A_type_that_would_store_a_computed_copy_of_its_personal_data_is_refused()
    {
        using var scope = Samples.ScopeWritingFor(caseId);

        Should.Throw<InvalidOperationException>(() => JsonSerializer.Serialize(new LeakyPerson("Amina", "Bello"), Json))
            .Message.ShouldContain("FullName");
    }

    [Fact]
    public void A_computed_copy_that_is_never_stored_is_fine()
    {
        using var scope = Samples.ScopeWritingFor(caseId);

        var stored = JsonSerializer.Serialize(new CarefulPerson("Amina", "Bello"), Json);

        stored.ShouldNotContain("Amina");
        JsonSerializer.Deserialize<CarefulPerson>(stored, Json)!.FullName.ShouldBe("Amina Bello");
    }

    [Fact]
    public void Type_without_personal_data_is_untouched()
    {
        var stored = JsonSerializer.Serialize(new { Name = "plain" }, Json);

        stored.ShouldBe("""{"Name":"plain"}""");
    }

    private static string Field(string json, string name) => JsonNode.Parse(json)![name]!.GetValue<string>();
}
