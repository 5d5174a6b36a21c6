namespace TipReferral.Portal.Pages.Shared;

/// <summary>
/// A code list offered as checkboxes (forms of exploitation, needs...): the input name the
/// request field binds to, its legend, every choice with its label, and those already ticked.
/// </summary>
public sealed record CodeCheckboxes(string Name, string Legend, IReadOnlyList<(string Value, string Label)> Choices, IReadOnlyCollection<string> Ticked)
{
    public static CodeCheckboxes Of<TEnum>(string name, string legend, Localization.CodeTexts codes, IEnumerable<TEnum> ticked)
        where TEnum : struct, Enum =>
        new(name, legend, [.. codes.Choices<TEnum>().Select(choice => (choice.Value.ToString(), choice.Label))], [.. ticked.Select(value => value.ToString())]);
}

/// <summary>
/// The version a case form writes against. After a refusal it stays the version the person
/// worked on, so a conflict is never silently overwritten by resubmitting: they reload first.
/// </summary>
public sealed record ExpectedVersion(string Prefix, long Version)
{
    public string Name => $"{Prefix}.ExpectedVersion";

    public string Value(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state) =>
        state.TryGetValue(Name, out var posted) && !string.IsNullOrEmpty(posted.AttemptedValue)
            ? posted.AttemptedValue
            : Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
