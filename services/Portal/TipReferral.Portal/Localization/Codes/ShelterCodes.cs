namespace TipReferral.Portal.Localization.Codes;

/// <summary>The shelter service's code lists, in words: ShelterCodes.resx and its .fr, .ar and .pt.</summary>
public sealed class ShelterCodes;
