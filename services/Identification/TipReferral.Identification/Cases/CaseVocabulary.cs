using System.Text.Json.Serialization;
using TipReferral.PersonalData;

namespace TipReferral.Identification.Cases;

// The identification service's code lists. Names follow IOM's HTCDS 2.0 where it has the
// concept (see docs/htcds-mapping.md); stored as strings, so a value's name is its meaning.

public enum Gender { Female, Male, Other, Unknown }

public enum ExploitationType
{
    Sexual,
    ForcedLabour,
    DomesticServitude,
    ForcedBegging,
    ForcedCriminality,
    ForcedMarriage,
    OrganRemoval,
    Other,
}

public enum ControlIndicator
{
    DebtBondage,
    TakesEarnings,
    RestrictsFinancialAccess,
    Threats,
    PsychologicalAbuse,
    PhysicalAbuse,
    SexualAbuse,
    FalsePromises,
    PsychoactiveSubstances,
    RestrictsMovement,
    RestrictsMedicalCare,
    ExcessiveWorkingHours,
    ThreatsOfLawEnforcement,
    WithholdsNecessities,
    WithholdsDocuments,
    Other,
}

public enum TraffickingStatus { PresumedVictim, IdentifiedVictim, NotAVictim, SmuggledMigrantNotTrafficked }

public enum IdentificationOutcome { IdentifiedAsVictim, NotAVictim, SmuggledMigrantNotTrafficked }

public enum OrganisationKind { LawEnforcement, GovernmentAgency, Ngo, InternationalOrganisation, Judiciary, Other }

public enum CaseClosureReason
{
    NotAVictim,
    RedirectedAsSmuggledMigrant,
    DuplicateRegistration,
    AssistanceCompleted,
    PersonDeclinedAssistance,
    LostContact,
    Deceased,
    Other,
}

public enum DuplicateResolution { Link, Dismiss }

public enum PossibleDuplicateState { Pending, Linked, Dismissed }

/// <summary>Who the person is. Names and date of birth are stored only encrypted under the case's key.</summary>
public sealed record PersonDetails(
    [PersonalData] string? GivenName,
    [PersonalData] string? FamilyName,
    [PersonalData] IReadOnlyList<string> Aliases,
    Gender Gender,
    [PersonalData] DateOnly? DateOfBirth,
    int? EstimatedAgeYears,
    IReadOnlyList<string> Citizenships,
    IReadOnlyList<string> Languages)
{
    public const int AgeOfMajority = 18;

    /// <summary>All the names the person is known by, for display and matching. Never stored: it would hold the names in plaintext.</summary>
    [JsonIgnore]
    public IEnumerable<string> AllNames =>
        new[] { $"{GivenName} {FamilyName}".Trim() }.Concat(Aliases).Where(name => name.Length > 0);

    /// <summary>
    /// Best interests of the child: an age in doubt is a child's until determined, so only
    /// a known or estimated age of 18 or more makes an adult.
    /// </summary>
    public bool IsPresumedChildOn(DateOnly today)
    {
        if (DateOfBirth is { } born)
        {
            // Someone born on 29 February comes of age on 1 March in a common year: the later
            // reading keeps the protection of a child for the one day in doubt.
            var comingOfAge = born.AddYears(AgeOfMajority);
            if (born is { Month: 2, Day: 29 } && comingOfAge.Day == 28)
            {
                comingOfAge = comingOfAge.AddDays(1);
            }

            return today < comingOfAge;
        }

        return EstimatedAgeYears is not { } estimated || estimated < AgeOfMajority;
    }

    public bool SameAs(PersonDetails other) =>
        GivenName == other.GivenName && FamilyName == other.FamilyName && Gender == other.Gender
        && DateOfBirth == other.DateOfBirth && EstimatedAgeYears == other.EstimatedAgeYears
        && Aliases.SequenceEqual(other.Aliases) && Citizenships.SequenceEqual(other.Citizenships)
        && Languages.SequenceEqual(other.Languages);
}

public sealed record IdentificationPlace(string Place, string Country, string IdentifyingAgency);

public sealed record Organisation(string Name, OrganisationKind Kind);

public sealed record Guardian([PersonalData] string FullName, string Organisation, [PersonalData] string? Contact);

public sealed record PossibleDuplicate(
    Guid OtherCaseId,
    string OtherCaseReference,
    double Score,
    IReadOnlyList<string> MatchedOn,
    PossibleDuplicateState State);
