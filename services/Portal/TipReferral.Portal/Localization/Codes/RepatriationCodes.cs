namespace TipReferral.Portal.Localization.Codes;

/// <summary>The repatriation service's code lists, in words: RepatriationCodes.resx and its .fr, .ar and .pt.</summary>
public sealed class RepatriationCodes;
