namespace TipReferral.PersonalData;

/// <summary>
/// Marks a property of an event or document as personal data about a person (names, date of
/// birth, contacts, notes about them). Its value stays plain in memory and is stored only
/// encrypted under the data key of the case it belongs to. On a positional record either the
/// parameter or the property may carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = true)]
public sealed class PersonalDataAttribute : Attribute;

/// <summary>What a personal-data string reads as when its plaintext is not available.</summary>
public static class PersonalDataValues
{
    /// <summary>Read without any key ring (the async daemon, a subscription): not meant to see it.</summary>
    public const string Sealed = "[sealed]";

    /// <summary>The case's data key was destroyed: the value is gone for good.</summary>
    public const string Erased = "[erased]";
}
