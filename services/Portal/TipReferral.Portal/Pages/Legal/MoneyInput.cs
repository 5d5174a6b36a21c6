using System.Globalization;
using TipReferral.Contracts.Legal.V1;

namespace TipReferral.Portal.Pages.Legal;

/// <summary>
/// An amount as a person writes it (12.50 EUR); the services count in minor units of the
/// currency, and not every currency has cents: the CFA francs and the yen have none, the
/// Gulf and Maghreb dinars three.
/// </summary>
public sealed class MoneyInput
{
    private static readonly HashSet<string> NoMinorUnit = new(StringComparer.OrdinalIgnoreCase) { "XOF", "XAF", "JPY", "KRW", "RWF", "UGX", "GNF", "KMF", "DJF", "BIF", "VUV" };
    private static readonly HashSet<string> ThreeMinorDigits = new(StringComparer.OrdinalIgnoreCase) { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" };

    /// <summary>As typed: a number input sends a dot whatever the language, so it is read invariantly.</summary>
    public string? Amount { get; set; }

    public string? Currency { get; set; }

    public Money ToProto()
    {
        var currency = Currency?.Trim().ToUpperInvariant() ?? "";
        var amount = decimal.TryParse(Amount?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var typed) ? typed : 0;
        return new Money { Currency = currency, AmountMinor = (long)decimal.Round(amount * Scale(currency)) };
    }

    public static string Show(Money? money) =>
        money is null || string.IsNullOrEmpty(money.Currency)
            ? ""
            : $"{(money.AmountMinor / (decimal)Scale(money.Currency)).ToString("N" + Digits(money.Currency), CultureInfo.CurrentCulture)} {money.Currency}";

    private static int Digits(string currency) => NoMinorUnit.Contains(currency) ? 0 : ThreeMinorDigits.Contains(currency) ? 3 : 2;

    private static long Scale(string currency) => (long)Math.Pow(10, Digits(currency));
}
