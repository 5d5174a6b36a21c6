namespace TipReferral.Portal.Pages.Audit;

/// <summary>The data-protection audit pages' words: AuditText.resx and its .fr, .ar and .pt.</summary>
public sealed class AuditText;
