using TipReferral.Contracts.Legal.V1;

namespace TipReferral.Portal.Pages.Legal;

// The forms of the legal page. Property names mirror the proto request fields, so a field a
// service refuses lands next to its own input. Strings are nullable: a form that was not posted
// must not add "required" errors to the one that was.

public sealed class LegalCaseInput
{
    public JurisdictionInput Jurisdiction { get; set; } = new();

    public string? AuthorityCaseNumber { get; set; }

    public List<Offence> Offences { get; set; } = [];

    public LegalCaseStage Stage { get; set; }

    public List<VictimRole> VictimRoles { get; set; } = [];
}

public sealed class JurisdictionInput
{
    public AuthorityKind AuthorityKind { get; set; }

    public string? AuthorityName { get; set; }
}

public sealed class StageInput
{
    public string? LegalCaseId { get; set; }

    public LegalCaseStage Stage { get; set; }

    public LegalCaseOutcome Outcome { get; set; }

    public string? Reason { get; set; }
}

public sealed class CooperationInput
{
    public CooperationDecision Decision { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public InformedByInput InformedBy { get; set; } = new();

    public bool AtPersonsOwnInitiative { get; set; }

    public string? PersonsStatement { get; set; }
}

public sealed class InformedByInput
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Agency { get; set; }
}

public sealed class ProtectionRequestInput
{
    public string? LegalCaseId { get; set; }

    public List<ProtectionMeasure> Measures { get; set; } = [];

    public string? ProposedPseudonym { get; set; }

    public FamilyAbroadInput FamilyAbroad { get; set; } = new();

    public string? Reason { get; set; }
}

public sealed class FamilyAbroadInput
{
    public string? Country { get; set; }

    public string? Members { get; set; }
}

/// <summary>A grant, or a change of the measures granted: the same decision about the same fields.</summary>
public sealed class ProtectionMeasuresInput
{
    public string? ProtectionId { get; set; }

    public List<ProtectionMeasure> Measures { get; set; } = [];

    public string? Pseudonym { get; set; }

    public DateOnly? ReviewOn { get; set; }

    public string? Reason { get; set; }
}

public sealed class ProtectionReviewInput
{
    public string? ProtectionId { get; set; }

    public DateOnly? NextReviewOn { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A refusal or a lifting: which protection, and why.</summary>
public sealed class ProtectionEndInput
{
    public string? ProtectionId { get; set; }

    public string? Reason { get; set; }
}

public sealed class HoldInput
{
    public string? LegalCaseId { get; set; }

    public DateOnly? ReviewOn { get; set; }

    public string? Reason { get; set; }
}

public sealed class HoldReleaseInput
{
    public string? HoldId { get; set; }

    public string? Reason { get; set; }
}

public sealed class VideoLinkInput
{
    public string? LegalCaseId { get; set; }

    public DateOnly? TestimonyOn { get; set; }

    public string? Reason { get; set; }
}

public sealed class LegalAidInput
{
    public string? LawyerUserId { get; set; }

    public string? LawyerName { get; set; }

    public string? BarOrAgency { get; set; }

    public string? LegalCaseId { get; set; }
}

public sealed class PermitInput
{
    public PermitType Type { get; set; }

    public string? IssuingAuthority { get; set; }

    public string? PermitNumber { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }
}

public sealed class PermitRenewalInput
{
    public string? PermitId { get; set; }

    public DateOnly? RenewedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public string? PermitNumber { get; set; }
}

public sealed class PermitRefusalInput
{
    public PermitType Type { get; set; }

    public string? IssuingAuthority { get; set; }

    public DateOnly? RefusedOn { get; set; }

    public string? Reason { get; set; }

    public string? PermitId { get; set; }
}

public sealed class ClaimInput
{
    public CompensationSource Source { get; set; }

    public string? LegalCaseId { get; set; }

    public MoneyInput Claimed { get; set; } = new();

    public DateOnly? FiledOn { get; set; }
}

public sealed class ClaimDecisionInput
{
    public string? ClaimId { get; set; }

    public CompensationDecision Decision { get; set; }

    public MoneyInput Awarded { get; set; } = new();

    public DateOnly? DecidedOn { get; set; }

    public string? Reason { get; set; }
}

public sealed class PaymentInput
{
    public string? ClaimId { get; set; }

    public MoneyInput Paid { get; set; } = new();

    public DateOnly? ReceivedOn { get; set; }
}
