using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TipReferral.Repatriation.SignedDocuments;

namespace TipReferral.Repatriation.Tests.SignedDocuments;

/// <summary>
/// Documents as an attacker (or a broken bridge) would make them from a real one: its payload
/// altered under the original header and signature, or its claims signed again with another key.
/// </summary>
public static class ForgedDocuments
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The package with another family name, re-encoded; header and signature are the original's.</summary>
    public static string WithFamilyName(string compact, string familyName) =>
        Altered(compact, payload => payload["body"]!["package"]!["identity"]!["familyName"] = familyName);

    /// <summary>The payload changed by <paramref name="change"/> and re-encoded between the original header and signature.</summary>
    public static string Altered(string compact, Action<JsonNode> change)
    {
        var parts = compact.Split('.');
        var payload = PayloadOf(compact);
        change(payload);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>The document's claims (changed by <paramref name="change"/>) signed with <paramref name="key"/> under <paramref name="keyId"/>.</summary>
    public static string SignedWith(string compact, ECDsa key, string keyId, Action<JsonNode>? change = null)
    {
        var payload = PayloadOf(compact);
        change?.Invoke(payload);
        return Handler.CreateToken(
            payload.ToJsonString(),
            new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = ReferralDocuments.DocumentType });
    }

    public static JsonNode PayloadOf(string compact) => JsonNode.Parse(Base64UrlEncoder.Decode(compact.Split('.')[1]))!;

    public static JsonNode HeaderOf(string compact) => JsonNode.Parse(Base64UrlEncoder.Decode(compact.Split('.')[0]))!;
}
