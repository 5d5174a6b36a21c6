using TipReferral.ServiceDefaults.Grpc;
using FluentValidation;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

/// <summary>Person details as registered or corrected; shared by both slices.</summary>
public sealed class PersonDetailsValidator : AbstractValidator<Proto.PersonDetails>
{
    public const int OldestPlausibleAge = 120;

    public PersonDetailsValidator(TimeProvider clock)
    {
        RuleFor(x => x.GivenName)
            .Must((person, _) => new[] { person.GivenName, person.FamilyName }.Concat(person.Aliases).Any(name => !string.IsNullOrWhiteSpace(name)))
            .WithMessage("a given name, family name or alias is required");
        RuleFor(x => x.GivenName).MaximumLength(RuleBuilderExtensions.MaxTextLength);
        RuleFor(x => x.FamilyName).MaximumLength(RuleBuilderExtensions.MaxTextLength);
        RuleForEach(x => x.Aliases).MustBeShortText();
        RuleFor(x => x.Gender).MustBeChosen().WithMessage("must be chosen; GENDER_UNKNOWN is an answer, nothing is assumed");
        When(x => x.DateOfBirth is not null, () =>
        {
            RuleFor(x => x.DateOfBirth)
                .Must(date => ProtoValues.TryToDateOnly(date, out var born) && IsPlausibleBirthDate(born, clock))
                .WithMessage("must be a real calendar date, not in the future nor more than 120 years ago");
            RuleFor(x => x.EstimatedAgeYears).Must((person, _) => !person.HasEstimatedAgeYears)
                .WithMessage("give either a date of birth or an estimated age, not both");
        });
        RuleFor(x => x.EstimatedAgeYears).InclusiveBetween(0, OldestPlausibleAge).When(x => x.HasEstimatedAgeYears);
        RuleForEach(x => x.Citizenships).Must(CountryCodes.IsCitizenship)
            .WithMessage("must be an ISO 3166-1 alpha-2 code in upper case, or XX for stateless or unknown");
        RuleForEach(x => x.Languages).Matches("^[a-z]{2}$").WithMessage("must be an ISO 639-1 code in lower case, e.g. fr");
    }

    private static bool IsPlausibleBirthDate(DateOnly born, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return born <= today && born >= today.AddYears(-OldestPlausibleAge);
    }
}
