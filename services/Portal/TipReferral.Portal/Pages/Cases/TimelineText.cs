namespace TipReferral.Portal.Pages.Cases;

/// <summary>The whole-case timeline's words: TimelineText.resx and its .fr, .ar and .pt.</summary>
public sealed class TimelineText;
