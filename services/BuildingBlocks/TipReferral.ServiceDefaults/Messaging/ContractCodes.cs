namespace TipReferral.ServiceDefaults.Messaging;

/// <summary>How integration events spell a domain enum value: RETURNED_HOME for ReturnedHome, independent of later C# renames' casing.</summary>
public static class ContractCodes
{
    public static string Of(Enum value) =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{c}" : $"{c}")).ToUpperInvariant();
}
