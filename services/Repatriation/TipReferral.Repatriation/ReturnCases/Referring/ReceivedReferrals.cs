using Marten;
using Microsoft.Extensions.Options;
using TipReferral.PersonalData;
using TipReferral.Repatriation.SignedDocuments;

namespace TipReferral.Repatriation.ReturnCases;

/// <summary>
/// The receiving side's copy of the disclosure package: the signed document as its agency
/// received and verified it, the only thing of the case it reads. It is purged the moment the
/// referral stops (withdrawn or declined), the consent it was shared under is withdrawn, or the
/// person's data is erased.
/// </summary>
public sealed record ReceivedReferral(
    Guid Id,
    Guid CaseId,
    string ReceivingCountry,
    string ReceivingAgency,
    Guid DocumentId,
    int Revision,
    [PersonalData] string Document,
    DateTimeOffset ReceivedAt);

public sealed class ReceivedReferrals(ReferralDocuments documents) : IReturnCaseSideEffects
{
    public Task ApplyAsync(IDocumentSession session, ReturnCase before, ReturnCase after, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case ReferralRequested requested:
                    Receive(session, requested.ReferralId, requested.CaseId, requested.ReceivingCountry, requested.ReceivingAgency, requested.PackageDocument, requested.RequestedAt);
                    break;
                case DisclosurePackageAmended amended when after.Referral is { } referral:
                    // The new revision replaces the copy: the agency keeps only what the sending side now shares.
                    Receive(session, amended.ReferralId, amended.CaseId, referral.ReceivingCountry, referral.ReceivingAgency, amended.PackageDocument, amended.AmendedAt);
                    break;
                case ReferralWithdrawn or ReferralDeclined or DisclosurePackageRevoked or PersonalDataErased when before.Referral is { } referral:
                    session.Delete<ReceivedReferral>(referral.Id);
                    break;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Receipt: the receiving side takes a package only once its signature checks out.</summary>
    private void Receive(IDocumentSession session, Guid referralId, Guid caseId, string country, string agency, string document, DateTimeOffset receivedAt)
    {
        var package = documents.Verify(document);
        session.Store(new ReceivedReferral(referralId, caseId, country, agency, package.DocumentId, package.Revision, document, receivedAt));
    }
}

/// <summary>How long a receiving country's agencies have to acknowledge a referral, and to accept or decline it.</summary>
public sealed class ReferralDeadlineOptions
{
    public const string Section = "Referrals:Deadlines";

    public CountryDeadlines Default { get; init; } = new();

    public Dictionary<string, CountryDeadlines> Countries { get; init; } = [];

    public CountryDeadlines For(string country) => Countries.GetValueOrDefault(country) ?? Default;
}

public sealed class CountryDeadlines
{
    public TimeSpan Acknowledge { get; init; } = TimeSpan.FromDays(5);

    public TimeSpan Answer { get; init; } = TimeSpan.FromDays(20);
}

/// <summary>Reads the deadlines of the receiving country from configuration.</summary>
public sealed class ReferralDeadlines(IOptions<ReferralDeadlineOptions> options)
{
    public CountryDeadlines For(string receivingCountry) => options.Value.For(receivingCountry);
}
