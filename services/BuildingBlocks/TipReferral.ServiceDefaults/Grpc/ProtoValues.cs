using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;

namespace TipReferral.ServiceDefaults.Grpc;

/// <summary>
/// Conversions between wire values and domain values that every service needs. Enums map by
/// name (the proto's GENDER_FEMALE is C#'s Gender.Female on both sides); each service tests
/// that every value of its enums maps.
/// </summary>
public static class ProtoValues
{
    public static TDomain ToDomain<TDomain>(Enum protoValue)
        where TDomain : struct, Enum =>
        Enum.Parse<TDomain>(protoValue.ToString());

    public static TProto ToProto<TProto>(Enum domainValue)
        where TProto : struct, Enum =>
        Enum.Parse<TProto>(domainValue.ToString());

    public static bool TryToDateOnly(Google.Type.Date? date, out DateOnly value)
    {
        value = default;
        if (date is null || date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1
            || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            return false;
        }

        value = new DateOnly(date.Year, date.Month, date.Day);
        return true;
    }

    /// <summary>A date the request's validator has already accepted (MustBeDate).</summary>
    public static DateOnly ToDateOnly(Google.Type.Date date) =>
        TryToDateOnly(date, out var value) ? value : throw new ArgumentException("Not a calendar date; validation should have refused it.", nameof(date));

    /// <summary>An optional date, accepted by the validator when present.</summary>
    public static DateOnly? ToOptionalDateOnly(Google.Type.Date? date) => date is null ? null : ToDateOnly(date);

    public static Google.Type.Date ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Actor ToProto(this Caller caller) => new() { UserId = caller.UserId, Role = caller.Role, Agency = caller.Agency, Country = caller.Country };

    public static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
