using Google.Protobuf.WellKnownTypes;
using TipReferral.Contracts.Identification.V1;

namespace TipReferral.Portal.Pages.Cases;

// The case page's forms, each field for field as its request (case_id comes from the route), so
// that a service's error on outcome or recipient.country lands next to that input.

public sealed class IdentifyInput
{
    public long ExpectedVersion { get; set; }

    public IdentificationOutcome Outcome { get; set; }

    public OrganisationInput DecidingOrganisation { get; set; } = new();

    public string? Reason { get; set; }
}

public sealed class OrganisationInput
{
    public string? Name { get; set; }

    public OrganisationKind Kind { get; set; }
}

public sealed class GuardianInput
{
    public long ExpectedVersion { get; set; }

    public GuardianDetailsInput Guardian { get; set; } = new();

    public string? Reason { get; set; }
}

public sealed class GuardianDetailsInput
{
    public string? FullName { get; set; }

    public string? Organisation { get; set; }

    public string? Contact { get; set; }
}

public sealed class ConsentInput
{
    public long ExpectedVersion { get; set; }

    public ConsentPurpose Purpose { get; set; }

    public RecipientInput Recipient { get; set; } = new();

    public ConsentGiver GivenBy { get; set; }

    /// <summary>The last day the consent holds; none: until withdrawn.</summary>
    public DateOnly? ExpiresAt { get; set; }

    /// <summary>The consent lapses at the end of its last day (UTC, as every service counts).</summary>
    public Timestamp? ExpiryTimestamp() =>
        ExpiresAt is { } day ? Timestamp.FromDateTime(day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) : null;
}

public sealed class RecipientInput
{
    public string? Country { get; set; }

    public string? Agency { get; set; }
}

public sealed class WithdrawConsentInput
{
    public long ExpectedVersion { get; set; }

    public string? ConsentId { get; set; }

    public string? Reason { get; set; }
}

public sealed class CorrectDetailsInput
{
    public long ExpectedVersion { get; set; }

    public PersonInput Person { get; set; } = new();

    public string? Reason { get; set; }
}

public sealed class DuplicateInput
{
    public long ExpectedVersion { get; set; }

    public string? OtherCaseId { get; set; }

    public DuplicateResolution Resolution { get; set; }

    public string? Reason { get; set; }
}

public sealed class CloseInput
{
    public long ExpectedVersion { get; set; }

    public CaseClosureReason ClosureReason { get; set; }

    public string? Reason { get; set; }
}
