namespace TipReferral.Portal.Pages.Shelter;

/// <summary>The shelter pages' words: ShelterText.resx and its .fr, .ar and .pt.</summary>
public sealed class ShelterText;
