namespace TipReferral.Portal.Pages.Returns;

/// <summary>The words of the return pages (the destination case worker's side): ReturnsText.resx and its .fr, .ar and .pt.</summary>
public sealed class ReturnsText;
