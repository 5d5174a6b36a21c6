namespace TipReferral.Portal.Pages.Legal;

/// <summary>The legal pages' words: LegalText.resx and its .fr, .ar and .pt.</summary>
public sealed class LegalText;
