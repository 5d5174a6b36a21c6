using Marten;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Consent;
using ConsentPurpose = TipReferral.Domain.ConsentPurpose;

namespace TipReferral.Repatriation.ReturnCases;

/// <summary>
/// A withdrawn consent reaches the referral that relied on it, in the ledger's transaction: unless
/// another valid consent still covers the receiving agency, the receiving side's copy of the
/// package is purged at once, and a referral not yet travelled stops.
/// </summary>
public sealed class ReferralConsentWithdrawal(ReturnCaseWriter writer) : IConsentWithdrawalHandler
{
    public async Task OnConsentWithdrawnAsync(ConsentWithdrawnIntegrationEvent withdrawal, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (withdrawal.Purpose != nameof(ConsentPurpose.CrossBorderReferral)
            || await session.LoadAsync<ReturnCase>(withdrawal.CaseId, cancellationToken) is not { Referral: { } referral })
        {
            return;
        }

        // The ledger's update is not saved yet: the remaining consents are the stored ones but this.
        var ledger = await session.LoadAsync<CaseConsents>(withdrawal.CaseId, cancellationToken);
        var remaining = (ledger?.Consents ?? []).Where(c => c.ConsentId != withdrawal.ConsentId);
        var stillCovered = ConsentRules.FindValid(remaining, ConsentPurpose.CrossBorderReferral, referral.ReceivingCountry, referral.ReceivingAgency, withdrawal.WithdrawnAt) is not null;
        await writer.DecideAsync(session, new NoteConsentWithdrawn(withdrawal.CaseId, withdrawal.ConsentId, stillCovered, withdrawal.WithdrawnAt), cancellationToken);
    }
}
