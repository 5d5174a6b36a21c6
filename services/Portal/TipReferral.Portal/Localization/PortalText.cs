namespace TipReferral.Portal.Localization;

/// <summary>The portal's shared words (layout, refusals, common labels): PortalText.resx and its .fr, .ar and .pt.</summary>
public sealed class PortalText;
