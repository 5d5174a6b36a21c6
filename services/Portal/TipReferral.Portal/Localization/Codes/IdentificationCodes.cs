namespace TipReferral.Portal.Localization.Codes;

/// <summary>The identification service's code lists, in words: IdentificationCodes.resx and its .fr, .ar and .pt.</summary>
public sealed class IdentificationCodes;
