namespace TipReferral.Portal.Localization.Rules;

/// <summary>The access rules a refusal can name, in plain words: AccessRules.resx and its .fr, .ar and .pt.</summary>
public sealed class AccessRules;
