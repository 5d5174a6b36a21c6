using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TipReferral.Domain;

namespace TipReferral.Repatriation.SignedDocuments;

/// <summary>
/// What one country tells the other about a referral: the disclosure package and every answer.
/// Self-contained (case, referral, sender, recipient, who signed, when), so that two countries
/// running separate deployments could pass the same documents through a bridge unchanged.
/// </summary>
public sealed record ReferralDocument(
    [property: JsonPropertyName("jti")] Guid DocumentId,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("iss")] string IssuerCountry,
    [property: JsonPropertyName("aud")] string AudienceCountry,
    [property: JsonPropertyName("case_id")] Guid CaseId,
    [property: JsonPropertyName("referral_id")] Guid ReferralId,
    [property: JsonPropertyName("revision")] int Revision,
    [property: JsonPropertyName("signed_by")] DocumentSigner SignedBy,
    [property: JsonPropertyName("issued_at")] DateTimeOffset IssuedAt,
    [property: JsonPropertyName("body")] JsonElement Body)
{
    public T BodyAs<T>() => Body.Deserialize<T>(ReferralDocuments.Json)
        ?? throw new DocumentRefusedException(ReferralDocuments.MalformedRule, $"The {Kind} document has no body.");
}

/// <summary>A document as signed: its id, and the compact JWS that travels.</summary>
public sealed record SignedDocument(Guid DocumentId, string Compact);

/// <summary>Who signed on behalf of the issuing country: a user of an agency there.</summary>
public sealed record DocumentSigner(
    [property: JsonPropertyName("user")] string UserId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("agency")] string Agency,
    [property: JsonPropertyName("country")] string Country)
{
    public static DocumentSigner Of(Caller caller) => new(caller.UserId, caller.Role, caller.Agency, caller.Country);
}

/// <summary>A document this service refuses to accept; the rule says why.</summary>
public sealed class DocumentRefusedException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}

/// <summary>
/// Signs and verifies referral documents as compact JWS (RFC 7515) with ES256 (ECDSA P-256,
/// SHA-256): header <c>{"alg":"ES256","kid":…,"typ":"tipreferral-referral+jws"}</c>. A country
/// signs with its private key; the receiver checks the signature against the public keys it
/// trusts for the issuing country (<c>iss</c>), found by key id.
/// </summary>
public sealed class ReferralDocuments(IOptions<SignedDocumentOptions> options)
{
    public const string DocumentType = "tipreferral-referral+jws";
    public const string SignatureInvalidRule = "document-signature-invalid";
    public const string KeyUnknownRule = "document-key-unknown";
    public const string MalformedRule = "document-malformed";
    public const string NoSigningKeyRule = "no-signing-key-for-country";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    // One key object per country for the service's lifetime: the token library caches signature providers per key.
    private readonly Dictionary<string, SigningCredentials> signingCredentials = options.Value.SigningKeys.ToDictionary(
        pair => pair.Key,
        pair => new SigningCredentials(new ECDsaSecurityKey(pair.Value.PrivateKey()) { KeyId = pair.Value.KeyId }, SecurityAlgorithms.EcdsaSha256));

    /// <summary>Signs a document for its issuing country, with that country's current key.</summary>
    public SignedDocument Sign<TBody>(string kind, string issuerCountry, string audienceCountry, Guid caseId, Guid referralId, int revision, Caller signedBy, DateTimeOffset issuedAt, TBody body)
    {
        var document = new ReferralDocument(
            Guid.NewGuid(), kind, issuerCountry, audienceCountry, caseId, referralId, revision, DocumentSigner.Of(signedBy), issuedAt,
            JsonSerializer.SerializeToElement(body, Json));
        return new SignedDocument(document.DocumentId, Sign(document));
    }

    public string Sign(ReferralDocument document)
    {
        if (!signingCredentials.TryGetValue(document.IssuerCountry, out var credentials))
        {
            throw new RuleViolationException(NoSigningKeyRule, $"This deployment holds no signing key for {document.IssuerCountry}; it cannot speak for that country.");
        }

        return Handler.CreateToken(
            JsonSerializer.Serialize(document, Json),
            credentials,
            new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = DocumentType });
    }

    /// <summary>
    /// The document, once its signature checks out against a key trusted for its issuing country;
    /// otherwise <see cref="DocumentRefusedException"/> naming why (tampered, unknown key, malformed).
    /// </summary>
    public ReferralDocument Verify(string compactJws)
    {
        var (token, document) = Parse(compactJws);
        if (token.Alg != SecurityAlgorithms.EcdsaSha256 || token.Typ != DocumentType)
        {
            throw new DocumentRefusedException(MalformedRule, $"A referral document is an ES256 JWS of type {DocumentType}, not {token.Alg}/{token.Typ}.");
        }

        var trusted = options.Value.TrustedKeys.GetValueOrDefault(document.IssuerCountry)?.FirstOrDefault(k => k.KeyId == token.Kid)
            ?? throw new DocumentRefusedException(KeyUnknownRule, $"Key '{token.Kid}' is not a key trusted for {document.IssuerCountry}.");
        using var publicKey = trusted.PublicKey();
        var signed = Encoding.ASCII.GetBytes($"{token.EncodedHeader}.{token.EncodedPayload}");
        if (!publicKey.VerifyData(signed, Base64UrlEncoder.DecodeBytes(token.EncodedSignature), HashAlgorithmName.SHA256))
        {
            throw new DocumentRefusedException(SignatureInvalidRule, $"The {document.Kind} document's signature does not match its content: it was altered after {document.IssuerCountry} signed it.");
        }

        return document;
    }

    /// <summary>What a document claims, before (or without) verification: for recording a refusal.</summary>
    public static (string? KeyId, ReferralDocument? Claimed) ReadClaims(string compactJws)
    {
        try
        {
            var (token, document) = Parse(compactJws);
            return (token.Kid, document);
        }
        catch (DocumentRefusedException)
        {
            return (null, null);
        }
    }

    private static (JsonWebToken Token, ReferralDocument Document) Parse(string compactJws)
    {
        try
        {
            var token = new JsonWebToken(compactJws);
            var document = JsonSerializer.Deserialize<ReferralDocument>(Base64UrlEncoder.DecodeBytes(token.EncodedPayload), Json)
                ?? throw new DocumentRefusedException(MalformedRule, "The document has no content.");
            return (token, document);
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException or FormatException or SecurityTokenMalformedException)
        {
            throw new DocumentRefusedException(MalformedRule, "Not a referral document: " + exception.Message);
        }
    }
}

/// <summary>
/// Per-country keys: the private keys of the countries this deployment speaks for, and the public
/// keys it trusts for each country (its own included), from configuration.
/// </summary>
public sealed class SignedDocumentOptions
{
    public const string Section = "SignedDocuments";

    public Dictionary<string, SigningKey> SigningKeys { get; init; } = [];

    public Dictionary<string, List<TrustedKey>> TrustedKeys { get; init; } = [];
}

public sealed class SigningKey
{
    public string KeyId { get; init; } = "";

    /// <summary>PKCS#8 PEM of a P-256 private key.</summary>
    public string PrivateKeyPem { get; init; } = "";

    public ECDsa PrivateKey()
    {
        var key = ECDsa.Create();
        key.ImportFromPem(PrivateKeyPem);
        return key;
    }
}

public sealed class TrustedKey
{
    public string KeyId { get; init; } = "";

    /// <summary>SubjectPublicKeyInfo PEM of a P-256 public key.</summary>
    public string PublicKeyPem { get; init; } = "";

    public ECDsa PublicKey()
    {
        var key = ECDsa.Create();
        key.ImportFromPem(PublicKeyPem);
        return key;
    }
}
