using TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Portal.Pages.Referrals;

/// <summary>The agency's contact person for this referral.</summary>
public sealed class AcknowledgeInput
{
    public long? ExpectedVersion { get; set; }

    public string? ContactPerson { get; set; }
}

public sealed class AcceptInput
{
    public long? ExpectedVersion { get; set; }

    public string? Note { get; set; }
}

public sealed class FamilyTracingInput
{
    public long? ExpectedVersion { get; set; }

    public FamilyTracingOutcome Outcome { get; set; }

    public string? Notes { get; set; }
}

public sealed class AlternativeCareInput
{
    public long? ExpectedVersion { get; set; }

    public string? Arrangement { get; set; }

    public string? Provider { get; set; }
}

public sealed class HandoverInput
{
    public long? ExpectedVersion { get; set; }

    public string? ReceivedBy { get; set; }

    public string? Place { get; set; }

    /// <summary>Local time as the person typed it; sent as UTC.</summary>
    public DateTime? HandedOverAt { get; set; }
}

/// <summary>The plan's goals: a fixed number of rows, the empty ones left out.</summary>
public sealed class PlanInput
{
    public const int Rows = 3;

    public long? ExpectedVersion { get; set; }

    public List<GoalInput> Goals { get; set; } = [.. Enumerable.Range(0, Rows).Select(_ => new GoalInput())];
}

public sealed class GoalInput
{
    public ReintegrationArea Area { get; set; }

    public string? Support { get; set; }
}

public sealed class VisitInput
{
    public long? ExpectedVersion { get; set; }

    public string? VisitId { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateOnly? VisitedOn { get; set; }

    public string? Notes { get; set; }
}

public sealed class CloseInput
{
    public long? ExpectedVersion { get; set; }

    public ReturnOutcome Outcome { get; set; }

    public string? Reason { get; set; }
}
