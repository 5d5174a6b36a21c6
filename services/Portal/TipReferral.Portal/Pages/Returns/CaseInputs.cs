using TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Portal.Pages.Returns;

/// <summary>The referral request form: names mirror <see cref="RequestReferralRequest"/>.</summary>
public sealed class RequestInput
{
    public long? ExpectedVersion { get; set; }

    public string? ReceivingAgencyId { get; set; }

    public ReferralPurpose Purpose { get; set; }

    public ReturnDecisionInput ReturnDecision { get; set; } = new();

    public PackageInput Package { get; set; } = new();
}

public sealed class ReturnDecisionInput
{
    public DateOnly? DecidedOn { get; set; }

    public string? InformedBy { get; set; }

    public string? Statement { get; set; }
}

/// <summary>The whole package as it now stands, and why it changed.</summary>
public sealed class AmendInput
{
    public long? ExpectedVersion { get; set; }

    public PackageInput Package { get; set; } = new();

    public string? Reason { get; set; }
}

public sealed class BestInterestsInput
{
    public long? ExpectedVersion { get; set; }

    public string? Authority { get; set; }

    public DateOnly? DeterminedOn { get; set; }

    public bool ReturnInBestInterests { get; set; }

    public string? ChildsViews { get; set; }

    public string? GuardiansViews { get; set; }

    public string? Reasons { get; set; }
}

public sealed class TravelDocumentInput
{
    public long? ExpectedVersion { get; set; }

    public TravelDocumentType Type { get; set; }

    public string? Number { get; set; }

    public string? IssuedBy { get; set; }

    public DateOnly? ExpiresOn { get; set; }
}

public sealed class ScheduleInput
{
    public long? ExpectedVersion { get; set; }

    public DateOnly? TravelOn { get; set; }

    public string? Itinerary { get; set; }

    public EscortInput Escort { get; set; } = new();

    public long FinancialSupportMinorUnits { get; set; }

    public string? FinancialSupportCurrency { get; set; }
}

public sealed class EscortInput
{
    public string? Name { get; set; }

    public string? Organisation { get; set; }
}
