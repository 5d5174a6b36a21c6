using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace TipReferral.Portal.Localization;

/// <summary>Dates and times as the person's language writes them (its culture: en-GB, fr-FR, ar-EG, pt-PT).</summary>
public static class Formats
{
    public static string Date(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? "" : new DateOnly(date.Year, Math.Max(date.Month, 1), Math.Max(date.Day, 1)).ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string Time(Timestamp? timestamp) =>
        timestamp is null ? "" : timestamp.ToDateTimeOffset().ToString("g", CultureInfo.CurrentCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A date input's value (ISO, whatever the language) from a proto date.</summary>
    public static string? InputValue(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? null : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    public static Google.Type.Date? ToProto(DateOnly? date) =>
        date is { } value ? new Google.Type.Date { Year = value.Year, Month = value.Month, Day = value.Day } : null;
}
