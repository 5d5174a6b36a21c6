using TipReferral.Contracts.Identification.V1;
using TipReferral.Portal.Localization;

namespace TipReferral.Portal.Pages.Cases;

/// <summary>
/// A person's details as the registration and correction forms hold them, field for field as
/// <see cref="PersonDetails"/>, so a service's error on person.citizenships[1] lands by that very input.
/// </summary>
public sealed class PersonInput
{
    /// <summary>Empty inputs offered for one more alias, citizenship or language.</summary>
    public const int SpareSlots = 1;

    public const int MinimumSlots = 2;

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public List<string?> Aliases { get; set; } = [];

    public Gender Gender { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public int? EstimatedAgeYears { get; set; }

    public List<string?> Citizenships { get; set; } = [];

    public List<string?> Languages { get; set; } = [];

    /// <summary>Pads the lists so the form offers a spare input for each; blank ones are never sent.</summary>
    public PersonInput WithSlots()
    {
        foreach (var list in new[] { Aliases, Citizenships, Languages })
        {
            var wanted = Math.Max(MinimumSlots, list.Count(value => !string.IsNullOrWhiteSpace(value)) + SpareSlots);
            while (list.Count < wanted)
            {
                list.Add(null);
            }
        }

        return this;
    }

    public PersonDetails ToProto()
    {
        var person = new PersonDetails
        {
            GivenName = GivenName?.Trim() ?? "",
            FamilyName = FamilyName?.Trim() ?? "",
            Gender = Gender,
            DateOfBirth = Formats.ToProto(DateOfBirth),
        };
        if (EstimatedAgeYears is { } age)
        {
            person.EstimatedAgeYears = age;
        }

        person.Aliases.AddRange(Filled(Aliases));
        person.Citizenships.AddRange(Filled(Citizenships).Select(code => code.ToUpperInvariant()));
        person.Languages.AddRange(Filled(Languages).Select(code => code.ToLowerInvariant()));
        return person;
    }

    public static PersonInput From(PersonDetails? person) => person is null
        ? new PersonInput()
        : new PersonInput
        {
            GivenName = person.GivenName,
            FamilyName = person.FamilyName,
            Aliases = [.. person.Aliases],
            Gender = person.Gender,
            DateOfBirth = person.DateOfBirth is { Year: > 0 } born ? new DateOnly(born.Year, born.Month, born.Day) : null,
            EstimatedAgeYears = person.HasEstimatedAgeYears ? person.EstimatedAgeYears : null,
            Citizenships = [.. person.Citizenships],
            Languages = [.. person.Languages],
        };

    private static IEnumerable<string> Filled(IEnumerable<string?> values) =>
        values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value!.Trim());
}
