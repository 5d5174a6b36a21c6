namespace TipReferral.Portal.Localization.Rules;

/// <summary>The legal rules a refusal can name, in plain words: LegalRules.resx and its .fr, .ar and .pt.</summary>
public sealed class LegalRules;
