namespace TipReferral.Portal.Localization.Codes;

/// <summary>The legal service's code lists, in words: LegalCodes.resx and its .fr, .ar and .pt.</summary>
public sealed class LegalCodes;
