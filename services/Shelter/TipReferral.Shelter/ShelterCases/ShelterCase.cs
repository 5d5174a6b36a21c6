using System.Text.Json.Serialization;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.Shelter.Shelters;

namespace TipReferral.Shelter.ShelterCases;

public enum PlacementStatus
{
    AwaitingPlacement,
    Referred,
    InShelter,
    Discharged,
}

public enum DischargeReason
{
    ReturnedHome,
    IndependentLiving,
    Transferred,
    LeftOfOwnWill,
    Other,
}

/// <summary>One stay in one shelter, from admission (or transfer in) to leaving.</summary>
public sealed record Placement(
    Guid ShelterId,
    string ShelterName,
    ResidentGroup Group,
    DateTimeOffset AdmittedAt,
    DateTimeOffset? LeftAt,
    DischargeReason? LeftBecause,
    bool EmergencyException,
    bool NeedsWheelchairAccess);

public enum NeedArea
{
    Safety,
    Medical,
    Psychosocial,
    Legal,
    Interpretation,
    Education,
    Livelihood,
    Accommodation,
    Family,
    Other,
}

public enum ServiceKind
{
    Medical,
    Psychosocial,
    LegalCounselling,
    Interpretation,
    Education,
    VocationalTraining,
    FinancialSupport,
    Other,
}

public sealed record NeedsAssessment(DateOnly AssessedOn, IReadOnlyList<NeedArea> Needs, [PersonalData] string Notes, Caller RecordedBy);

public sealed record SafetyPlan(DateOnly AgreedOn, DateOnly ReviewBy, [PersonalData] string Measures, Caller RecordedBy);

/// <summary>
/// The shelter's part of a victim case (same id as the identification service's case): the
/// state its deciders decide on, and (stored inline, in the same transaction as the events)
/// the document its queries read. Notes and plans are encrypted under the case's data key.
/// Immutable: Marten 9 keeps fetched aggregates in an identity map.
/// </summary>
public sealed record ShelterCase(
    Guid Id,
    string Reference,
    string Country,
    long Version,
    bool IsPresumedChild,
    bool GuardianAppointed,
    bool FormallyIdentified,
    bool ClosedInIdentification,
    DateTimeOffset AwaitingSince,
    PlacementStatus Status,
    Guid? ReferredTo,
    IReadOnlyList<Placement> Placements,
    ReflectionPeriod ReflectionPeriod,
    IReadOnlyList<NeedsAssessment> NeedsAssessments,
    IReadOnlyList<SafetyPlan> SafetyPlans,
    bool PersonalDataErased)
{
    /// <summary>The stay in progress, if the person is in a shelter now.</summary>
    [JsonIgnore]
    public Placement? CurrentPlacement => Status == PlacementStatus.InShelter ? Placements[^1] : null;
}

public sealed class ShelterCaseProjection : SingleStreamProjection<ShelterCase, Guid>
{
    public override ShelterCase? Evolve(ShelterCase? snapshot, Guid id, IEvent e) =>
        ShelterCaseDecider.Evolve(snapshot, e.Data) is { } evolved ? evolved with { Version = e.Version } : null;

    public static void Register(StoreOptions opts)
    {
        opts.Projections.Add<ShelterCaseProjection>(ProjectionLifecycle.Inline);
        var cases = opts.Schema.For<ShelterCase>();
        cases.Index(x => x.Country);
        cases.Index(x => x.Status);
    }
}
