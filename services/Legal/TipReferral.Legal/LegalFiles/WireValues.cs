using TipReferral.ServiceDefaults.Grpc;
using Proto = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Legal.LegalFiles;

/// <summary>Wire values into domain values, after validation has accepted them.</summary>
internal static class WireValues
{
    public static DateOnly ToDate(Google.Type.Date date) =>
        ProtoValues.TryToDateOnly(date, out var value) ? value : throw new ArgumentException("Not a calendar date; validation should have refused it.", nameof(date));

    public static DateOnly? ToOptionalDate(Google.Type.Date? date) => date is null ? null : ToDate(date);

    public static Guid? ToOptionalId(string id) => string.IsNullOrWhiteSpace(id) ? null : Guid.Parse(id);

    public static Money ToMoney(Proto.Money money) => new(money.AmountMinor, money.Currency);
}
