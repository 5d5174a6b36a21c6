namespace TipReferral.Portal.Localization.Rules;

/// <summary>The repatriation rules a refusal can name, in plain words: RepatriationRules.resx and its .fr, .ar and .pt.</summary>
public sealed class RepatriationRules;
