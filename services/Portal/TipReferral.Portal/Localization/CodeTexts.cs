using System.Reflection;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Localization;

namespace TipReferral.Portal.Localization;

/// <summary>
/// The words for the services' code lists (genders, forms of exploitation, statuses...), keyed by
/// the proto enum value's name (GENDER_FEMALE): those names are unique across the contracts. Each
/// service's code lists have a resource of their own under Codes/.
/// </summary>
public sealed class CodeTexts(IStringLocalizerFactory factory)
{
    public static readonly IReadOnlyList<Type> Resources =
        [typeof(Codes.IdentificationCodes), typeof(Codes.ShelterCodes), typeof(Codes.LegalCodes), typeof(Codes.RepatriationCodes)];

    public string Label<TEnum>(TEnum value)
        where TEnum : struct, Enum => Label(NameOf(value));

    public string Label(string protoName)
    {
        foreach (var resource in Resources)
        {
            var text = factory.Create(resource)[protoName];
            if (!text.ResourceNotFound)
            {
                return text.Value;
            }
        }

        return protoName;
    }

    /// <summary>Every value a person may choose (the UNSPECIFIED zero value is never a choice), with its label.</summary>
    public IReadOnlyList<(TEnum Value, string Label)> Choices<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Where(value => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(value => (value, Label(value)))];

    /// <summary>The proto name of an enum value ([OriginalName] on the generated C# member).</summary>
    public static string NameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();
}
