using FluentValidation;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;

namespace TipReferral.ServiceDefaults.Validation;

/// <summary>The field rules every service's request validators share.</summary>
public static class RuleBuilderExtensions
{
    public const int MaxReasonLength = 2000;
    public const int MaxTextLength = 200;
    public const int MaxNotesLength = 8000;

    public static IRuleBuilderOptions<T, string> MustBeId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(value => Guid.TryParse(value, out var id) && id != Guid.Empty).WithMessage("must be a UUID");

    public static IRuleBuilderOptions<T, string> MustBeCountry<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(CountryCodes.IsCountry).WithMessage("must be an ISO 3166-1 alpha-2 code in upper case, e.g. NG");

    public static IRuleBuilderOptions<T, string> MustBeLanguage<T>(this IRuleBuilder<T, string> rule) =>
        rule.Matches("^[a-z]{2}$").WithMessage("must be an ISO 639-1 code in lower case, e.g. en");

    public static IRuleBuilderOptions<T, string> MustBeReason<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage("a reason is required")
            .MaximumLength(MaxReasonLength);

    public static IRuleBuilderOptions<T, string> MustBeShortText<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage("is required")
            .MaximumLength(MaxTextLength);

    public static IRuleBuilderOptions<T, TEnum> MustBeChosen<T, TEnum>(this IRuleBuilder<T, TEnum> rule)
        where TEnum : struct, Enum =>
        rule.Must(value => Enum.IsDefined(value) && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0)
            .WithMessage("must be one of the listed values (not UNSPECIFIED)");

    public static IRuleBuilderOptions<T, PageRequest?> MustBePage<T>(this IRuleBuilder<T, PageRequest?> rule) =>
        rule.Must(page => page is null || (page.Page >= 0 && page.PageSize is >= 0 and <= Paging.MaxPageSize))
            .WithMessage($"page must be 0 or more and page_size between 0 and {Paging.MaxPageSize}");

    public static IRuleBuilderOptions<T, long> MustBeVersion<T>(this IRuleBuilder<T, long> rule) =>
        rule.GreaterThanOrEqualTo(0).WithMessage("must be zero or more");

    public static IRuleBuilderOptions<T, Google.Type.Date?> MustBeDate<T>(this IRuleBuilder<T, Google.Type.Date?> rule) =>
        rule.Must(date => Grpc.ProtoValues.TryToDateOnly(date, out _)).WithMessage("must be a calendar date (year, month, day)");

    /// <summary>Free-text notes about a person: required, and long enough for a real note, not a document.</summary>
    public static IRuleBuilderOptions<T, string> MustBeNotes<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage("is required")
            .MaximumLength(MaxNotesLength);
}
