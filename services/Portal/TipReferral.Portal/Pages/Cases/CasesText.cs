namespace TipReferral.Portal.Pages.Cases;

/// <summary>The identification pages' words: CasesText.resx and its .fr, .ar and .pt.</summary>
public sealed class CasesText;
