namespace TipReferral.Portal.Localization.Rules;

/// <summary>The shelter rules a refusal can name, in plain words: ShelterRules.resx and its .fr, .ar and .pt.</summary>
public sealed class ShelterRules;
