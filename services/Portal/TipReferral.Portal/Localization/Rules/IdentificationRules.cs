namespace TipReferral.Portal.Localization.Rules;

/// <summary>The identification rules a refusal can name, in plain words: IdentificationRules.resx and its .fr, .ar and .pt.</summary>
public sealed class IdentificationRules;
