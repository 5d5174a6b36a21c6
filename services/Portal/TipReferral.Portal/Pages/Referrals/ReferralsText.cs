namespace TipReferral.Portal.Pages.Referrals;

/// <summary>The words of the receiving agency's pages: ReferralsText.resx and its .fr, .ar and .pt.</summary>
public sealed class ReferralsText;
