using TipReferral.ServiceDefaults.Grpc;
using Proto = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Legal.LegalFiles;

/// <summary>Wire values into domain values, after validation has accepted them.</summary>
internal static class WireValues
{
    public static Guid? ToOptionalId(string id) => string.IsNullOrWhiteSpace(id) ? null : Guid.Parse(id);

    public static Money ToMoney(Proto.Money money) => new(money.AmountMinor, money.Currency);
}
