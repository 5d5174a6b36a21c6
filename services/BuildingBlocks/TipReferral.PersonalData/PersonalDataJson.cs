using System.Buffers;
using System.Buffers.Text;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TipReferral.PersonalData;

/// <summary>
/// The System.Text.Json contract customisation that encrypts every <see cref="PersonalDataAttribute"/>
/// property: add <see cref="Modify"/> to a resolver's modifiers. Each such value is stored as
/// one JSON string, <c>"pd1:&lt;case id, N format&gt;:&lt;base64url(nonce | ciphertext | tag)&gt;"</c>,
/// encrypted with AES-256-GCM under the case's data key and bound to the case id and the
/// property's JSON name.
/// A type holding personal data may not also store computed properties (a getter with no
/// setter or constructor parameter, such as a full name made of the marked parts): they would
/// carry the same data in plaintext. Mark such a property [PersonalData] or [JsonIgnore].
/// </summary>
public sealed class PersonalDataJson(IPersonalDataCipher cipher)
{
    public void Modify(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !typeInfo.Properties.Any(IsPersonalData))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (IsPersonalData(property))
            {
                var converterType = typeof(PersonalDataConverter<>).MakeGenericType(property.PropertyType);
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(converterType, cipher, property.Name, property.CustomConverter)!;
            }
            else if (property.Get is not null && property.Set is null && property.AssociatedParameter is null)
            {
                throw new InvalidOperationException(
                    $"{typeInfo.Type.Name} holds personal data, and its computed property {property.Name} would be stored in plaintext: " +
                    "mark it [PersonalData] if it is personal data, or [JsonIgnore] since it can be computed again.");
            }
        }
    }

    /// <summary>
    /// A contract modifier for showing data to someone who may not see the person's identity:
    /// every personal-data property is left out of the JSON.
    /// </summary>
    public static void OmitPersonalData(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties.Where(IsPersonalData))
        {
            property.ShouldSerialize = static (_, _) => false;
        }
    }

    /// <summary>Whether the named property of <paramref name="type"/> is marked as personal data (on the property or its record parameter).</summary>
    public static bool IsPersonalData(Type type, string propertyName) =>
        MarkedProperties.GetOrAdd((type, propertyName), static key =>
            Marked(key.Type.GetProperty(key.Property))
            || key.Type.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.Name == key.Property && Marked(p)));

    // Asked for every event of a masked history: reflect once per type and property.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type Type, string Property), bool> MarkedProperties = new();

    private static bool IsPersonalData(JsonPropertyInfo property) =>
        Marked(property.AttributeProvider) || Marked(property.AssociatedParameter?.AttributeProvider);

    private static bool Marked(ICustomAttributeProvider? provider) =>
        provider?.IsDefined(typeof(PersonalDataAttribute), inherit: true) == true;
}

/// <summary>The stored form of a personal-data value.</summary>
public static class ProtectedValue
{
    public const string Prefix = "pd1:";
    private const int CaseIdLength = 32;

    public static string Format(Guid caseId, ReadOnlySpan<byte> sealedData) =>
        $"{Prefix}{caseId:N}:{Base64Url.EncodeToString(sealedData)}";

    /// <summary>The form written for a case whose key was destroyed: no ciphertext at all.</summary>
    public static string FormatErased(Guid caseId) => $"{Prefix}{caseId:N}:";

    public static bool TryParse(string value, out Guid caseId, out byte[] sealedData)
    {
        caseId = Guid.Empty;
        sealedData = [];
        if (!value.StartsWith(Prefix, StringComparison.Ordinal)
            || value.Length < Prefix.Length + CaseIdLength + 1
            || value[Prefix.Length + CaseIdLength] != ':'
            || !Guid.TryParseExact(value.AsSpan(Prefix.Length, CaseIdLength), "N", out caseId))
        {
            return false;
        }

        try
        {
            sealedData = Base64Url.DecodeFromChars(value.AsSpan(Prefix.Length + CaseIdLength + 1));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>What a value is bound to: its case and its property, so it cannot be moved to another.</summary>
    internal static byte[] Binding(Guid caseId, string propertyName) =>
        Encoding.UTF8.GetBytes($"{Prefix}{caseId:N}|{propertyName}");
}

/// <summary>
/// Wraps a property's converter: serializes the value as it normally would, then encrypts it;
/// reads by decrypting, then deserializing as it normally would. Handles null itself, so
/// whether an optional field is empty is encrypted too.
/// </summary>
internal sealed class PersonalDataConverter<T>(IPersonalDataCipher cipher, string propertyName, JsonConverter? inner) : JsonConverter<T>
{
    // Plaintext is padded to a multiple of this with JSON whitespace, so ciphertext lengths
    // tell less about the value (a name's exact length narrows down who it is).
    private const int PaddingBlock = 16;

    private readonly JsonConverter<T>? innerConverter = inner as JsonConverter<T>;

    public override bool HandleNull => true;

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var ring = PersonalDataScope.Current
            ?? throw new InvalidOperationException(
                $"Personal data (\"{propertyName}\") cannot be written outside a personal-data scope: it would be stored unencrypted.");
        var caseId = ring.WriteSubject
            ?? throw new InvalidOperationException(
                $"Personal data (\"{propertyName}\") cannot be written before a case is chosen to write for (ICaseKeys.CreateForAsync or UnlockForWritingAsync).");
        if (!ring.TryGet(caseId, out var key))
        {
            throw new InvalidOperationException($"The data key of case {caseId} is not unlocked.");
        }

        if (key is null)
        {
            // The case's key is destroyed: whatever the object holds (placeholders), nothing is kept.
            writer.WriteStringValue(ProtectedValue.FormatErased(caseId));
            return;
        }

        var plaintext = Padded(SerializeInner(value, options));
        try
        {
            var sealedData = cipher.Seal(key, plaintext, ProtectedValue.Binding(caseId, propertyName));
            writer.WriteStringValue(ProtectedValue.Format(caseId, sealedData));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.String
            || reader.GetString() is not { } stored
            || !ProtectedValue.TryParse(stored, out var caseId, out var sealedData))
        {
            throw new JsonException($"Personal data (\"{propertyName}\") is stored unprotected or malformed; it must be an encrypted \"{ProtectedValue.Prefix}…\" value.");
        }

        var ring = PersonalDataScope.Current;
        if (ring is null)
        {
            return Placeholder(PersonalDataValues.Sealed, options);
        }

        if (!ring.TryGet(caseId, out var key))
        {
            throw new InvalidOperationException(
                $"Personal data of case {caseId} was read before its data key was unlocked: call ICaseKeys.UnlockAsync for the case first.");
        }

        if (key is null || sealedData.Length == 0)
        {
            return Placeholder(PersonalDataValues.Erased, options);
        }

        byte[] plaintext;
        try
        {
            plaintext = cipher.Open(key, sealedData, ProtectedValue.Binding(caseId, propertyName));
        }
        catch (CryptographicException exception)
        {
            throw new CryptographicException(
                $"Personal data \"{propertyName}\" of case {caseId} failed authentication: it was altered, or moved from another case or field.", exception);
        }

        try
        {
            return DeserializeInner(plaintext, options);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private byte[] SerializeInner(T value, JsonSerializerOptions options)
    {
        if (innerConverter is null)
        {
            return JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (value is null && !innerConverter.HandleNull)
            {
                writer.WriteNullValue();
            }
            else
            {
                innerConverter.Write(writer, value, options);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private T? DeserializeInner(ReadOnlySpan<byte> json, JsonSerializerOptions options)
    {
        if (innerConverter is null)
        {
            return JsonSerializer.Deserialize(json, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        }

        var reader = new Utf8JsonReader(json);
        reader.Read();
        return reader.TokenType == JsonTokenType.Null && !innerConverter.HandleNull
            ? default
            : innerConverter.Read(ref reader, typeof(T), options);
    }

    private static byte[] Padded(byte[] json)
    {
        var length = Math.Max(1, (json.Length + PaddingBlock - 1) / PaddingBlock) * PaddingBlock;
        var padded = new byte[length];
        json.CopyTo(padded, 0);
        padded.AsSpan(json.Length).Fill((byte)' ');
        CryptographicOperations.ZeroMemory(json);
        return padded;
    }

    /// <summary>
    /// What stands in for a value that cannot be read: the marker for a string, a list holding
    /// only the marker for a list of strings, an empty collection for other collections, and
    /// the default for anything else.
    /// </summary>
    private static T? Placeholder(string marker, JsonSerializerOptions options)
    {
        if (typeof(T) == typeof(string))
        {
            return (T)(object)marker;
        }

        var typeInfo = options.GetTypeInfo(typeof(T));
        if (typeInfo.Kind == JsonTypeInfoKind.Enumerable)
        {
            var elementType = typeInfo.ElementType;
            var json = elementType == typeof(string) ? JsonSerializer.Serialize(new[] { marker }) : "[]";
            return JsonSerializer.Deserialize(json, (JsonTypeInfo<T>)typeInfo);
        }

        return default;
    }
}
