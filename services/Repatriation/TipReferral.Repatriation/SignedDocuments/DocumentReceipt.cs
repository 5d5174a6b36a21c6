using Marten;
using TipReferral.Domain;

namespace TipReferral.Repatriation.SignedDocuments;

/// <summary>A signed document this service refused on receipt, kept for the Supervisors and data-protection officers of the country that received it.</summary>
public sealed record RefusedDocument(
    Guid Id,
    DateTimeOffset ReceivedAt,
    string Rule,
    string Detail,
    string ReceivingCountry,
    string? ClaimedIssuerCountry,
    string? ClaimedKeyId,
    Guid? CaseId,
    Caller ReceivedFrom);

/// <summary>
/// Receipt of a signed document: verified against the keys trusted for its issuing country, or
/// refused. A refusal is recorded in a transaction of its own, so it stays even though the
/// request that carried the document fails.
/// </summary>
public sealed class DocumentReceipt(ReferralDocuments documents, IDocumentStore store, TimeProvider clock)
{
    public async Task<ReferralDocument> VerifyAsync(string compactJws, Caller receivedFrom, string receivingCountry, CancellationToken cancellationToken)
    {
        try
        {
            return documents.Verify(compactJws);
        }
        catch (DocumentRefusedException refused)
        {
            var (keyId, claimed) = ReferralDocuments.ReadClaims(compactJws);
            await using var session = store.LightweightSession();
            session.Insert(new RefusedDocument(
                Guid.NewGuid(), clock.GetUtcNow(), refused.Rule, refused.Message, receivingCountry, claimed?.IssuerCountry, keyId, claimed?.CaseId, receivedFrom));
            await session.SaveChangesAsync(cancellationToken);
            throw new RuleViolationException(refused.Rule, refused.Message);
        }
    }
}
