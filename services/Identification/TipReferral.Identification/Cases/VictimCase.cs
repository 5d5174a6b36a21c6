using System.Text.Json.Serialization;
using JasperFx.Events;
using TipReferral.Domain;
using Marten;
using Marten.Events.Aggregation;
using JasperFx.Events.Projections;
using TipReferral.PersonalData;

namespace TipReferral.Identification.Cases;

/// <summary>
/// A victim case as the identification service knows it: the state its deciders decide on,
/// and (stored inline, in the same transaction as the events) the document its queries read.
/// Immutable: Marten 9 keeps fetched aggregates in an identity map, so nothing may mutate one.
/// <see cref="NameIndex"/> is encrypted in the stored JSON like the names it is made from, yet
/// stays searchable: Marten fills its duplicated column from the object, not from the JSON.
/// </summary>
public sealed record VictimCase(
    Guid Id,
    string Reference,
    long Version,
    TraffickingStatus Status,
    bool IsPresumedChild,
    bool IsClosed,
    PersonDetails Person,
    IdentificationPlace IdentifiedAt,
    IReadOnlyList<ExploitationType> FormsOfExploitation,
    IReadOnlyList<ControlIndicator> IndicatorsObserved,
    Organisation? DecidingOrganisation,
    Guardian? Guardian,
    IReadOnlyList<PossibleDuplicate> PossibleDuplicates,
    CaseClosureReason? ClosureReason,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    [PersonalData] IReadOnlyList<int> NameIndex)
{
    [JsonIgnore]
    public string Country => IdentifiedAt.Country;

    public IReadOnlyList<Consent> Consents { get; init; } = [];

    /// <summary>A pending or completed lawful erasure; null when none was requested.</summary>
    public ErasureState? Erasure { get; init; }

    /// <summary>Identity protection (witness protection): null when the identity is not protected.</summary>
    public IdentityProtection? Protection { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsErased => Erasure?.ErasedAt is not null;

    internal VictimCase WithDuplicateState(Guid otherCaseId, PossibleDuplicateState newState, DateTimeOffset at) => this with
    {
        PossibleDuplicates = [.. PossibleDuplicates.Select(d => d.OtherCaseId == otherCaseId ? d with { State = newState } : d)],
        UpdatedAt = at,
    };
}

/// <summary>Keeps the <see cref="VictimCase"/> document in step with its stream, inline.</summary>
public sealed class VictimCaseProjection : SingleStreamProjection<VictimCase, Guid>
{
    public override VictimCase? Evolve(VictimCase? snapshot, Guid id, IEvent e) =>
        VictimCaseDecider.Evolve(snapshot, e.Data) is { } evolved ? evolved with { Version = e.Version } : null;

    public static void Register(StoreOptions opts)
    {
        opts.Projections.Add<VictimCaseProjection>(ProjectionLifecycle.Inline);
        var cases = opts.Schema.For<VictimCase>();
        cases.Index(x => x.Reference, index => index.IsUnique = true);
        cases.Duplicate(x => x.NameIndex, pgType: "integer[]", configure: index => index.Method = Weasel.Postgresql.Tables.IndexMethod.gin);
        cases.Index(x => x.IdentifiedAt.Country);
    }
}
