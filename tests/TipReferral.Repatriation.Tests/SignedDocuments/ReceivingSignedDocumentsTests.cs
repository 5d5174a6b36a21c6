using System.Security.Cryptography;
using Grpc.Core;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Domain;
using TipReferral.Repatriation.SignedDocuments;
using TipReferral.Testing;

namespace TipReferral.Repatriation.Tests.SignedDocuments;

/// <summary>
/// A package as the Nigerian side would receive it through the bridge: authentic, it is known; altered,
/// signed with a key nobody trusts, signed with another country's key, or not a document at all,
/// it is refused with the rule that says why, and the refusal is listed for the receiving country.
/// </summary>
public sealed class ReceivingSignedDocumentsTests(RepatriationService service) : IClassFixture<RepatriationService>
{
    private static readonly DemoUser Supervisor = DemoUsers.For(Roles.Supervisor, "NG");

    private async Task<(string CaseId, string Package)> AReferralAsync()
    {
        var caseId = await service.AReferredCaseAsync("IT", RepatriationService.AgencyInNigeria);
        var package = await service.ReferralsFor(RepatriationService.AgencyInNigeria).GetDisclosurePackageAsync(new GetDisclosurePackageRequest { CaseId = caseId });
        return (caseId, package.SignedDocument);
    }

    private Task<ReceiveSignedDocumentResponse> ReceiveAsync(string document) =>
        service.SignedDocumentsFor(Supervisor).ReceiveSignedDocumentAsync(new ReceiveSignedDocumentRequest { SignedDocument = document }).ResponseAsync;

    /// <summary>Refused as FailedPrecondition naming <paramref name="rule"/>, the case unchanged, and listed for Nigeria's Supervisors and data-protection officers.</summary>
    private async Task<Contracts.Repatriation.V1.RefusedDocument> ShouldBeRefusedAsync(string document, string rule, string? caseId)
    {
        var version = caseId is null ? 0 : (await service.LoadAsync(caseId))!.Version;

        var refused = await Should.ThrowAsync<RpcException>(() => ReceiveAsync(document));

        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refused.Status.Detail.ShouldContain($"'{rule}'");
        if (caseId is not null)
        {
            (await service.LoadAsync(caseId))!.Version.ShouldBe(version);
        }

        var listed = await service.SignedDocumentsFor(Supervisor).ListRefusedDocumentsAsync(new ListRefusedDocumentsRequest());
        var record = listed.Documents.First(d => d.Rule == rule && d.CaseId == (caseId ?? ""));
        record.ReceivedFrom.UserId.ShouldBe(Supervisor.Username);
        var officer = await service.SignedDocumentsFor(DemoUsers.For(Roles.DataProtectionOfficer, "NG")).ListRefusedDocumentsAsync(new ListRefusedDocumentsRequest());
        officer.Documents.Select(d => d.Id).ShouldContain(record.Id);
        var italy = await service.SignedDocumentsFor(DemoUsers.For(Roles.Supervisor, "IT")).ListRefusedDocumentsAsync(new ListRefusedDocumentsRequest());
        italy.Documents.Select(d => d.Id).ShouldNotContain(record.Id);
        return record;
    }

    [Fact]
    public async Task The_authentic_package_is_known()
    {
        var (caseId, package) = await AReferralAsync();
        var version = (await service.LoadAsync(caseId))!.Version;

        var received = await ReceiveAsync(package);

        received.Kind.ShouldBe("referral-package");
        received.IssuerCountry.ShouldBe("IT");
        received.DocumentId.ShouldBe(ForgedDocuments.PayloadOf(package)["jti"]!.GetValue<string>());
        received.Applied.ShouldBeFalse();
        (await service.LoadAsync(caseId))!.Version.ShouldBe(version);
    }

    [Fact]
    public async Task A_package_altered_after_signing_is_refused_as_an_invalid_signature()
    {
        var (caseId, package) = await AReferralAsync();

        var record = await ShouldBeRefusedAsync(ForgedDocuments.WithFamilyName(package, "Adeyemi"), ReferralDocuments.SignatureInvalidRule, caseId);

        record.ClaimedIssuerCountry.ShouldBe("IT");
        record.ClaimedKeyId.ShouldBe(RepatriationService.KeyIdOf("IT"));
    }

    [Fact]
    public async Task A_package_signed_with_a_key_nobody_trusts_is_refused()
    {
        var (caseId, package) = await AReferralAsync();
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        // Under a key id in the country's format that no deployment lists: the key is unknown.
        var unlisted = await ShouldBeRefusedAsync(ForgedDocuments.SignedWith(package, stranger, "it-test-2"), ReferralDocuments.KeyUnknownRule, caseId);
        unlisted.ClaimedIssuerCountry.ShouldBe("IT");
        unlisted.ClaimedKeyId.ShouldBe("it-test-2");

        // Under Italy's own key id: the key is known, and the signature is not its.
        var impostor = await ShouldBeRefusedAsync(ForgedDocuments.SignedWith(package, stranger, RepatriationService.KeyIdOf("IT")), ReferralDocuments.SignatureInvalidRule, caseId);
        impostor.ClaimedKeyId.ShouldBe(RepatriationService.KeyIdOf("IT"));
    }

    [Fact]
    public async Task A_package_signed_with_another_countrys_key_cannot_speak_for_the_issuer()
    {
        var (caseId, package) = await AReferralAsync();

        // Ghana's genuine key and key id, on a document that says Italy issued it.
        var record = await ShouldBeRefusedAsync(
            ForgedDocuments.SignedWith(package, RepatriationService.CountryKeys["GH"], RepatriationService.KeyIdOf("GH")), ReferralDocuments.KeyUnknownRule, caseId);

        record.ClaimedIssuerCountry.ShouldBe("IT");
        record.ClaimedKeyId.ShouldBe(RepatriationService.KeyIdOf("GH"));
    }

    [Fact]
    public async Task What_is_not_a_document_is_refused_as_malformed()
    {
        var record = await ShouldBeRefusedAsync($"not-a-document-{Guid.NewGuid():N}", ReferralDocuments.MalformedRule, caseId: null);

        record.ClaimedIssuerCountry.ShouldBeEmpty();
        record.ClaimedKeyId.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_authentic_document_about_an_unknown_case_is_not_found()
    {
        var (_, package) = await AReferralAsync();
        var unknown = Guid.NewGuid();

        var refused = await Should.ThrowAsync<RpcException>(() => ReceiveAsync(ForgedDocuments.SignedWith(
            package, RepatriationService.CountryKeys["IT"], RepatriationService.KeyIdOf("IT"), payload => payload["case_id"] = unknown.ToString())));

        refused.StatusCode.ShouldBe(StatusCode.NotFound);
        (await service.LoadAsync(unknown.ToString())).ShouldBeNull();
    }
}
