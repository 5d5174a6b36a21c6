using System.Text.Json.Serialization;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using TipReferral.Domain;
using TipReferral.PersonalData;

namespace TipReferral.Legal.LegalFiles;

public enum AuthorityKind
{
    ProsecutorsOffice,
    Court,
    Police,
}

public enum Offence
{
    TraffickingInPersons,
    ChildTrafficking,
    SexualExploitation,
    ForcedLabour,
    SlaveryOrServitude,
    ForcedCriminality,
    ForcedMarriage,
    OrganRemoval,
    MigrantSmuggling,
    DocumentFraud,
    MoneyLaundering,
    Corruption,
    Other,
}

public enum LegalCaseStage
{
    Investigation,
    Prosecution,
    Trial,
    Judgement,
    Appeal,
    Closed,
}

public enum LegalCaseOutcome
{
    Conviction,
    Acquittal,
    Dismissed,
    Discontinued,
    Other,
}

public enum VictimRole
{
    Witness,
    InjuredParty,
    CivilParty,
}

public enum CooperationDecision
{
    Cooperate,
    Decline,
    Undecided,
}

public enum ProtectionMeasure
{
    IdentityProtection,
    VideoLinkTestimony,
    ClosedHearing,
    PoliceProtection,
    Relocation,
    FamilyProtectionAbroad,
}

public enum WitnessProtectionStatus
{
    Requested,
    Granted,
    Refused,
    Lifted,
}

public enum PermitType
{
    ReflectionPeriod,
    Humanitarian,
    Cooperation,
    Permanent,
}

public enum CompensationSource
{
    OffenderCriminalProceedings,
    OffenderCivilProceedings,
    StateFund,
}

public enum CompensationDecision
{
    Awarded,
    PartlyAwarded,
    Rejected,
}

public enum ReflectionPeriodState
{
    /// <summary>The shelter service has told of no period (yet).</summary>
    Unknown,
    Running,
    Ended,
}

/// <summary>Where a proceeding runs. Its prosecutors are those of <see cref="LegalCase.ProsecutorsOffice"/> in <see cref="Country"/>.</summary>
public sealed record Jurisdiction(string Country, AuthorityKind AuthorityKind, string AuthorityName);

public sealed record LegalCase(
    Guid Id,
    Jurisdiction Jurisdiction,
    string AuthorityCaseNumber,
    IReadOnlyList<Offence> Offences,
    LegalCaseStage Stage,
    LegalCaseOutcome? Outcome,
    IReadOnlyList<VictimRole> VictimRoles,
    string ProsecutorsOffice,
    DateTimeOffset OpenedAt,
    DateOnly? VideoLinkTestimonyOn)
{
    /// <summary>Whether the caller is one of "the prosecutors of this legal case".</summary>
    public bool HasProsecutor(Caller caller) =>
        caller.Role == Roles.Prosecutor
        && string.Equals(caller.Country, Jurisdiction.Country, StringComparison.Ordinal)
        && string.Equals(caller.Agency, ProsecutorsOffice, StringComparison.Ordinal);
}

public sealed record InformedBy(string Name, string Role, string Agency);

public sealed record CooperationRecord(
    CooperationDecision Decision,
    DateOnly DecidedOn,
    InformedBy InformedBy,
    bool AtPersonsOwnInitiative,
    Caller RecordedBy);

public sealed record WitnessProtection(
    Guid Id,
    Guid LegalCaseId,
    WitnessProtectionStatus Status,
    IReadOnlyList<ProtectionMeasure> Requested,
    IReadOnlyList<ProtectionMeasure> Granted,
    string? ProposedPseudonym,
    string? Pseudonym,
    DateOnly? ReviewOn,
    [PersonalData] string? DecisionReason,
    Guid? FamilyProtectionRequestId,
    DateTimeOffset RequestedAt)
{
    [JsonIgnore]
    public bool ProtectsIdentity => Status == WitnessProtectionStatus.Granted && Granted.Contains(ProtectionMeasure.IdentityProtection);
}

public sealed record LegalHold(
    Guid Id,
    Guid LegalCaseId,
    DateOnly ReviewOn,
    [PersonalData] string Reason,
    DateTimeOffset PlacedAt,
    DateTimeOffset? ReleasedAt,
    LegalHoldRelease? ReleasedBecause,
    [PersonalData] string? ReleaseReason)
{
    [JsonIgnore]
    public bool IsActive => ReleasedAt is null;
}

public enum LegalHoldRelease
{
    ReleasedByProsecutor,
    VideoLinkTestimonyArranged,
}

public sealed record LegalAidAssignment(
    string LawyerUserId,
    [PersonalData] string LawyerName,
    string BarOrAgency,
    Guid? LegalCaseId,
    DateTimeOffset AssignedAt);

public sealed record ResidencePermit(
    Guid Id,
    PermitType Type,
    string IssuingAuthority,
    [PersonalData] string PermitNumber,
    DateOnly IssuedOn,
    DateOnly? ExpiresOn,
    int Renewals,
    IReadOnlyList<int> ExpiryAlertsAhead)
{
    /// <summary>The next expiry alert (days before expiry) and when it is due, if one is still ahead.</summary>
    [JsonIgnore]
    public (int DaysBefore, DateOnly DueOn)? NextExpiryAlert =>
        ExpiresOn is { } expires && ExpiryAlertsAhead.Count > 0 ? (ExpiryAlertsAhead[0], expires.AddDays(-ExpiryAlertsAhead[0])) : null;
}

public sealed record PermitRefusal(
    PermitType Type,
    string IssuingAuthority,
    DateOnly RefusedOn,
    [PersonalData] string Reason,
    Guid? PermitId);

/// <summary>An amount in minor units of an ISO 4217 currency.</summary>
public sealed record Money(long AmountMinor, string Currency);

public sealed record CompensationPayment(Money Paid, DateOnly ReceivedOn);

public sealed record CompensationClaim(
    Guid Id,
    CompensationSource Source,
    Guid? LegalCaseId,
    Money Claimed,
    DateOnly FiledOn,
    CompensationDecision? Decision,
    Money? Awarded,
    DateOnly? DecidedOn,
    [PersonalData] string? DecisionReason,
    IReadOnlyList<CompensationPayment> Payments)
{
    [JsonIgnore]
    public Money PaidTotal => new(Payments.Sum(p => p.Paid.AmountMinor), Claimed.Currency);
}

/// <summary>
/// The legal-assistance part of a victim case (same id as the identification service's case):
/// the state its deciders decide on and, stored inline in the same transaction as the events,
/// the document its queries read. Reasons and statements are encrypted under the case's key.
/// Immutable: Marten 9 keeps fetched aggregates in an identity map.
/// </summary>
public sealed record LegalFile(
    Guid Id,
    string Reference,
    string Country,
    long Version,
    bool IsPresumedChild,
    bool PersonalDataErased,
    ReflectionPeriodState ReflectionPeriod,
    DateTimeOffset? ReflectionPeriodEndsAt,
    IReadOnlyList<LegalCase> LegalCases,
    CooperationRecord? Cooperation,
    IReadOnlyList<WitnessProtection> Protections,
    IReadOnlyList<LegalHold> Holds,
    IReadOnlyList<LegalAidAssignment> LegalAid,
    IReadOnlyList<ResidencePermit> Permits,
    IReadOnlyList<PermitRefusal> PermitRefusals,
    IReadOnlyList<CompensationClaim> Claims)
{
    /// <summary>The countries whose callers may reach the file: its own, and those of its proceedings.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Countries => [Country, .. LegalCases.Select(c => c.Jurisdiction.Country).Where(c => c != Country).Distinct()];

    public LegalCase? FindLegalCase(Guid legalCaseId) => LegalCases.FirstOrDefault(c => c.Id == legalCaseId);

    public bool IsLegalAidLawyer(Caller caller) =>
        caller.Role == Roles.LegalAidLawyer && LegalAid.Any(a => string.Equals(a.LawyerUserId, caller.UserId, StringComparison.Ordinal));
}

public sealed class LegalFileProjection : SingleStreamProjection<LegalFile, Guid>
{
    public override LegalFile? Evolve(LegalFile? snapshot, Guid id, IEvent e) =>
        LegalFileDecider.Evolve(snapshot, e.Data) is { } evolved ? evolved with { Version = e.Version } : null;

    public static void Register(StoreOptions opts)
    {
        opts.Projections.Add<LegalFileProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<LegalFile>().Index(x => x.Country);
    }
}
