using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TipReferral.Domain;
using TipReferral.Repatriation.SignedDocuments;

namespace TipReferral.Repatriation.Tests.SignedDocuments;

/// <summary>Signing and verifying one document, without a server: the format two deployments must share.</summary>
public sealed class ReferralDocumentsTests
{
    private static readonly ECDsa ItalianKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly Caller CaseWorker = new("caseworker.it", Roles.CaseWorker, "Comune di Torino – Servizi Sociali", "IT");
    private static readonly DateTimeOffset IssuedAt = new(2026, 1, 6, 9, 30, 0, TimeSpan.Zero);

    private static ReferralDocuments Deployment(bool trustsItaly = true) => new(Options.Create(new SignedDocumentOptions
    {
        SigningKeys = { ["IT"] = new SigningKey { KeyId = "it-1", PrivateKeyPem = ItalianKey.ExportPkcs8PrivateKeyPem() } },
        TrustedKeys = trustsItaly ? new() { ["IT"] = [new TrustedKey { KeyId = "it-1", PublicKeyPem = ItalianKey.ExportSubjectPublicKeyInfoPem() }] } : [],
    }));

    private static SignedDocument APackage(ReferralDocuments documents, Guid caseId, Guid referralId) =>
        documents.Sign("referral-package", "IT", "NG", caseId, referralId, revision: 1, CaseWorker, IssuedAt, new { family_name = "Okoro" });

    [Fact]
    public void A_signed_document_verifies_to_what_was_signed()
    {
        var documents = Deployment();
        var (caseId, referralId) = (Guid.NewGuid(), Guid.NewGuid());

        var signed = APackage(documents, caseId, referralId);
        var verified = documents.Verify(signed.Compact);

        verified.DocumentId.ShouldBe(signed.DocumentId);
        verified.ShouldSatisfyAllConditions(
            d => d.Kind.ShouldBe("referral-package"),
            d => d.IssuerCountry.ShouldBe("IT"),
            d => d.AudienceCountry.ShouldBe("NG"),
            d => d.CaseId.ShouldBe(caseId),
            d => d.ReferralId.ShouldBe(referralId),
            d => d.Revision.ShouldBe(1),
            d => d.SignedBy.ShouldBe(DocumentSigner.Of(CaseWorker)),
            d => d.IssuedAt.ShouldBe(IssuedAt),
            d => d.Body.GetProperty("family_name").GetString().ShouldBe("Okoro"));
    }

    [Fact]
    public void The_header_names_ES256_the_key_and_the_document_type()
    {
        var header = ForgedDocuments.HeaderOf(APackage(Deployment(), Guid.NewGuid(), Guid.NewGuid()).Compact);

        header["alg"]!.GetValue<string>().ShouldBe("ES256");
        header["kid"]!.GetValue<string>().ShouldBe("it-1");
        header["typ"]!.GetValue<string>().ShouldBe(ReferralDocuments.DocumentType);
        header.AsObject().Select(p => p.Key).ShouldBe(["alg", "kid", "typ"], ignoreOrder: true);
    }

    [Fact]
    public void The_payload_is_self_contained_under_the_shared_field_names()
    {
        var (caseId, referralId) = (Guid.NewGuid(), Guid.NewGuid());
        var signed = APackage(Deployment(), caseId, referralId);

        using var payload = JsonDocument.Parse(ForgedDocuments.PayloadOf(signed.Compact).ToJsonString());
        var root = payload.RootElement;
        root.EnumerateObject().Select(p => p.Name)
            .ShouldBe(["jti", "kind", "iss", "aud", "case_id", "referral_id", "revision", "signed_by", "issued_at", "body"], ignoreOrder: true);
        root.GetProperty("jti").GetGuid().ShouldBe(signed.DocumentId);
        root.GetProperty("kind").GetString().ShouldBe("referral-package");
        root.GetProperty("iss").GetString().ShouldBe("IT");
        root.GetProperty("aud").GetString().ShouldBe("NG");
        root.GetProperty("case_id").GetGuid().ShouldBe(caseId);
        root.GetProperty("referral_id").GetGuid().ShouldBe(referralId);
        root.GetProperty("revision").GetInt32().ShouldBe(1);
        root.GetProperty("signed_by").GetProperty("user").GetString().ShouldBe("caseworker.it");
        root.GetProperty("signed_by").GetProperty("country").GetString().ShouldBe("IT");
        root.GetProperty("issued_at").GetDateTimeOffset().ShouldBe(IssuedAt);
        root.GetProperty("body").GetProperty("family_name").GetString().ShouldBe("Okoro");
    }

    [Fact]
    public void A_deployment_that_trusts_no_key_of_the_issuer_refuses_the_document() =>
        Should.Throw<DocumentRefusedException>(() => Deployment(trustsItaly: false).Verify(APackage(Deployment(), Guid.NewGuid(), Guid.NewGuid()).Compact))
            .Rule.ShouldBe(ReferralDocuments.KeyUnknownRule);

    [Fact]
    public void A_changed_payload_under_the_original_signature_is_refused()
    {
        var documents = Deployment();
        var signed = APackage(documents, Guid.NewGuid(), Guid.NewGuid());
        var altered = ForgedDocuments.Altered(signed.Compact, payload => payload["revision"] = 2);

        Should.Throw<DocumentRefusedException>(() => documents.Verify(altered)).Rule.ShouldBe(ReferralDocuments.SignatureInvalidRule);
    }

    [Fact]
    public void A_deployment_does_not_sign_for_a_country_it_holds_no_key_of() =>
        Should.Throw<RuleViolationException>(() => Deployment().Sign("referral-package", "NG", "IT", Guid.NewGuid(), Guid.NewGuid(), 1, CaseWorker, IssuedAt, new { }))
            .Rule.ShouldBe(ReferralDocuments.NoSigningKeyRule);
}
