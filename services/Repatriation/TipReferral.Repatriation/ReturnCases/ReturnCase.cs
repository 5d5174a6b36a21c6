using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace TipReferral.Repatriation.ReturnCases;

public enum ReferralPurpose
{
    VoluntaryReturnAndReintegration,
    FamilyReunificationOfChild,
    ReturnToAlternativeCare,
}

public enum ReferralStatus
{
    Requested,
    Acknowledged,
    Accepted,
    Declined,
    Withdrawn,
    TravelScheduled,
    TravelSuspended,
    Departed,
    HandedOver,
    Closed,
}

public enum ReflectionPeriodState
{
    Unknown,
    Running,
    Ended,
}

/// <summary>
/// The repatriation part of one victim case (same id as the identification service's case):
/// the facts other services told it that the hard gates depend on, and the current referral.
/// Nothing personal is kept here: the disclosure package lives in the signed documents.
/// </summary>
public sealed record ReturnCase(
    Guid Id,
    string Reference,
    string Country,
    long Version,
    bool IsChild,
    bool PersonalDataErased,
    ReflectionPeriodState ReflectionPeriod,
    IReadOnlyList<Guid> ActiveHolds,
    IReadOnlyList<Guid> ReleasedHolds,
    Referral? Referral)
{
    /// <summary>A referral that has not ended (declined, withdrawn or closed).</summary>
    public Referral? ActiveReferral => Referral is { IsActive: true } ? Referral : null;

    /// <summary>The countries whose callers may reach the case: its own, and the receiving country of its referral.</summary>
    public IReadOnlyList<string> Countries => Referral is null || Referral.ReceivingCountry == Country ? [Country] : [Country, Referral.ReceivingCountry];
}

/// <summary>One cross-border referral, from the destination country (the case's) to a named agency of the country of origin.</summary>
public sealed record Referral(
    Guid Id,
    Guid AgencyId,
    string ReceivingCountry,
    string ReceivingAgency,
    ReferralPurpose Purpose,
    ReferralStatus Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset AnswerBy,
    DateTimeOffset? AcknowledgedAt,
    string? ContactPerson,
    Guid PackageDocumentId,
    int PackageRevision,
    IReadOnlyList<RiskContribution> RiskContributions,
    FamilyTracing? FamilyTracing,
    AlternativeCare? AlternativeCare,
    BestInterestsDetermination? BestInterests,
    TravelDocument? TravelDocument,
    TravelPlan? Travel,
    Handover? Handover,
    ReintegrationPlan? Plan,
    IReadOnlyList<FollowUpVisit> Visits,
    ReturnOutcome? Outcome,
    string? Reason,
    IReadOnlyList<AwaitedAnswer> Escalated,
    bool PackageRevoked)
{
    public bool IsActive => Status is not (ReferralStatus.Declined or ReferralStatus.Withdrawn or ReferralStatus.Closed);

    /// <summary>Whether the receiving agency has answered: accepted or later.</summary>
    public bool IsAccepted => Status is ReferralStatus.Accepted or ReferralStatus.TravelScheduled or ReferralStatus.TravelSuspended
        or ReferralStatus.Departed or ReferralStatus.HandedOver or ReferralStatus.Closed;

    public bool HasDeparted => Status is ReferralStatus.Departed or ReferralStatus.HandedOver or ReferralStatus.Closed;
}

public sealed class ReturnCaseProjection : SingleStreamProjection<ReturnCase, Guid>
{
    public override ReturnCase? Evolve(ReturnCase? snapshot, Guid id, IEvent e) =>
        ReturnCaseDecider.Evolve(snapshot, e.Data) is { } evolved ? evolved with { Version = e.Version } : null;

    public static void Register(StoreOptions opts)
    {
        opts.Projections.Add<ReturnCaseProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ReturnCase>().Index(x => x.Country);
    }
}
