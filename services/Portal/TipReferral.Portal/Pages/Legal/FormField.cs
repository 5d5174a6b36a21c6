using System.Globalization;
using TipReferral.Portal.Localization;

namespace TipReferral.Portal.Pages.Legal;

/// <summary>
/// One labelled input of a form, its error under it: <see cref="Name"/> is the bound property
/// ("ProtectionGrant.Reason"), <see cref="Id"/> unique on the page even where one form repeats per item.
/// </summary>
public sealed record FormField(string Name, string Label, string? Value, string Type = "text", string? Id = null, bool Required = false)
{
    public string InputId => Id ?? Name.Replace('.', '_');

    public static string? Of(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A choice among a code list's values: a select, or checkboxes when several may be chosen.</summary>
public sealed record FormChoice(
    string Name, string Label, IReadOnlyList<(string Value, string Label)> Options, IReadOnlyCollection<string> Selected, bool Multiple, string? Id = null, string Empty = "Unspecified")
{
    public string InputId => Id ?? Name.Replace('.', '_');

    public static FormChoice Of<TEnum>(CodeTexts codes, string name, string label, IEnumerable<TEnum> selected, bool multiple = false, string? id = null)
        where TEnum : struct, Enum =>
        new(name, label, [.. codes.Choices<TEnum>().Select(choice => (choice.Value.ToString(), choice.Label))], [.. selected.Select(value => value.ToString())], multiple, id);

    public static FormChoice Of<TEnum>(CodeTexts codes, string name, string label, TEnum selected, string? id = null)
        where TEnum : struct, Enum => Of(codes, name, label, [selected], multiple: false, id);
}
