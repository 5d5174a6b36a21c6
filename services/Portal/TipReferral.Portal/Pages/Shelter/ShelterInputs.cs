using TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Portal.Pages.Shelter;

// The shelter case page's forms, each field for field as its request (case_id comes from the
// route), so that a service's error on review_by or to_shelter_id lands next to that input.

public sealed class ReferInput
{
    public long ExpectedVersion { get; set; }

    public string? ShelterId { get; set; }

    public string? Reason { get; set; }
}

public sealed class EmergencyInput
{
    public string? Reason { get; set; }

    /// <summary>Sent only when a reason is given: an exception is never implied.</summary>
    public EmergencyException? ToProto() => string.IsNullOrWhiteSpace(Reason) ? null : new EmergencyException { Reason = Reason.Trim() };
}

public sealed class AdmitInput
{
    public long ExpectedVersion { get; set; }

    public string? ShelterId { get; set; }

    public ResidentGroup Group { get; set; }

    public bool NeedsWheelchairAccess { get; set; }

    public EmergencyInput EmergencyException { get; set; } = new();
}

public sealed class TransferInput
{
    public long ExpectedVersion { get; set; }

    public string? ToShelterId { get; set; }

    public string? Reason { get; set; }

    public EmergencyInput EmergencyException { get; set; } = new();
}

public sealed class DischargeInput
{
    public long ExpectedVersion { get; set; }

    public DischargeReason DischargeReason { get; set; }

    public string? Reason { get; set; }
}

public sealed class NeedsInput
{
    public long ExpectedVersion { get; set; }

    public DateOnly? AssessedOn { get; set; }

    public List<NeedArea> Needs { get; set; } = [];

    public string? Notes { get; set; }
}

public sealed class SafetyPlanInput
{
    public long ExpectedVersion { get; set; }

    public DateOnly? AgreedOn { get; set; }

    public DateOnly? ReviewBy { get; set; }

    public string? Measures { get; set; }
}

public sealed class ServiceInput
{
    public long ExpectedVersion { get; set; }

    public ServiceKind Kind { get; set; }

    public DateOnly? DeliveredOn { get; set; }

    public string? Provider { get; set; }

    public string? Notes { get; set; }
}

public sealed class ExtendInput
{
    public long ExpectedVersion { get; set; }

    public int AdditionalDays { get; set; }

    public string? Reason { get; set; }
}

public sealed class EndEarlyInput
{
    public long ExpectedVersion { get; set; }

    public bool RequestedByPerson { get; set; }

    public DateOnly? RequestedOn { get; set; }

    public string? RequestStatement { get; set; }
}
