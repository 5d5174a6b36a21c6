using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TipReferral.PersonalData.Tests;

public enum Gender { Female, Male }

/// <summary>A person as events and documents hold one: personal fields marked, the rest plain.</summary>
public sealed record Person(
    [PersonalData] string GivenName,
    [PersonalData] string? FamilyName,
    [PersonalData] IReadOnlyList<string> Aliases,
    [PersonalData] DateOnly? DateOfBirth,
    [PersonalData] IReadOnlyList<int> NameIndex,
    [PersonalData] Guardian? Guardian,
    Gender Gender,
    string Country);

/// <summary>Marked on the property and not the parameter, the other way a record can say it.</summary>
public sealed record Guardian([property: PersonalData] string FullName, string Organisation, [PersonalData] string? Contact);

public static class Samples
{
    public static readonly DateOnly BirthDate = new(1999, 4, 12);

    public static Person Amina() => new(
        "Amina", "Bello", ["Mina B", "Aminat"], BirthDate, [101, -7, 42_000],
        new Guardian("Grace Okafor", "NAPTIP Lagos", "+234 801 555 0101"), Gender.Female, "NG");

    public static JsonSerializerOptions Json(IPersonalDataCipher? cipher = null) => new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver().WithAddedModifier(new PersonalDataJson(cipher ?? new AesGcmCipher()).Modify),
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A scope whose ring holds a fresh key for <paramref name="caseId"/> and writes for it.</summary>
    public static PersonalDataScope ScopeWritingFor(Guid caseId, byte[]? key = null)
    {
        var scope = PersonalDataScope.Begin();
        scope.Ring.Add(caseId, key ?? RandomNumberGenerator.GetBytes(AesGcmCipher.KeySize));
        scope.Ring.WriteFor(caseId);
        return scope;
    }

    public static KeyEncryptionKey Kek(string id = "kek-test") => new(id, RandomNumberGenerator.GetBytes(AesGcmCipher.KeySize));
}

/// <summary>A type that would leak: its full name is computed from its personal data and not marked.</summary>
public sealed record LeakyPerson([PersonalData] string GivenName, [PersonalData] string FamilyName)
{
    public string FullName => $"{GivenName} {FamilyName}";
}

/// <summary>The same, made safe: the computed name is never stored.</summary>
public sealed record CarefulPerson([PersonalData] string GivenName, [PersonalData] string FamilyName)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string FullName => $"{GivenName} {FamilyName}";
}
