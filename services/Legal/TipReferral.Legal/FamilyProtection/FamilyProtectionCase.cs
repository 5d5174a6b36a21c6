using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using TipReferral.Domain;
using TipReferral.Legal.LegalFiles;
using TipReferral.PersonalData;

namespace TipReferral.Legal.FamilyProtection;

public enum FamilyProtectionStatus
{
    Requested,
    Granted,
    Refused,
}

/// <summary>
/// A request to the witness-protection authority of <see cref="Country"/> to protect a witness's
/// family there: a stream of its own (id = request id), so that authority reaches this request
/// and nothing else of the case. Its personal data is the victim case's, encrypted under that
/// case's key and erased with it; <see cref="CaseId"/> is kept only to unlock it, never shown.
/// </summary>
public sealed record FamilyProtectionCase(
    Guid Id,
    Guid CaseId,
    string Country,
    [PersonalData] string Members,
    string RequestingCountry,
    string RequestingAuthority,
    DateTimeOffset RequestedAt,
    FamilyProtectionStatus Status,
    IReadOnlyList<ProtectionMeasure> MeasuresGranted,
    [PersonalData] string? DecisionReason,
    long Version);

public sealed record FamilyProtectionRequested(
    Guid RequestId,
    Guid CaseId,
    Guid ProtectionId,
    string Country,
    [PersonalData] string Members,
    string RequestingCountry,
    string RequestingAuthority,
    DateTimeOffset RequestedAt) : IOwnedByCase;

public sealed record FamilyProtectionGranted(Guid RequestId, Guid CaseId, IReadOnlyList<ProtectionMeasure> Measures, [PersonalData] string Reason, DateTimeOffset GrantedAt)
    : IOwnedByCase, IHasReason;

public sealed record FamilyProtectionRefused(Guid RequestId, Guid CaseId, [PersonalData] string Reason, DateTimeOffset RefusedAt) : IOwnedByCase, IHasReason;

/// <summary>An empty <paramref name="Measures"/> with <paramref name="Grant"/> false refuses.</summary>
public sealed record DecideFamilyProtection(Guid RequestId, bool Grant, IReadOnlyList<ProtectionMeasure> Measures, string Reason, DateTimeOffset Now);

public static class FamilyProtectionDecider
{
    public const string AlreadyDecidedRule = "family-protection-already-decided";

    /// <summary>A decision stands: the same one again changes nothing, another is refused.</summary>
    public static IReadOnlyList<object> Decide(DecideFamilyProtection command, FamilyProtectionCase state)
    {
        var (status, same) = command.Grant
            ? (FamilyProtectionStatus.Granted, state.MeasuresGranted.ToHashSet().SetEquals(command.Measures))
            : (FamilyProtectionStatus.Refused, true);
        if (state.Status == status && same)
        {
            return [];
        }

        if (state.Status != FamilyProtectionStatus.Requested)
        {
            throw new RuleViolationException(AlreadyDecidedRule, $"The request to protect the family in {state.Country} was already {state.Status}.");
        }

        return command.Grant
            ? [new FamilyProtectionGranted(state.Id, state.CaseId, command.Measures, command.Reason, command.Now)]
            : [new FamilyProtectionRefused(state.Id, state.CaseId, command.Reason, command.Now)];
    }

    public static FamilyProtectionCase? Evolve(FamilyProtectionCase? state, object e) => e switch
    {
        FamilyProtectionRequested requested => new FamilyProtectionCase(
            requested.RequestId, requested.CaseId, requested.Country, requested.Members, requested.RequestingCountry, requested.RequestingAuthority,
            requested.RequestedAt, FamilyProtectionStatus.Requested, MeasuresGranted: [], DecisionReason: null, Version: 0),
        FamilyProtectionGranted granted when state is not null => state with
        {
            Status = FamilyProtectionStatus.Granted,
            MeasuresGranted = granted.Measures,
            DecisionReason = granted.Reason,
        },
        FamilyProtectionRefused refused when state is not null => state with { Status = FamilyProtectionStatus.Refused, DecisionReason = refused.Reason },
        _ => state,
    };

    /// <summary>
    /// The family requests a legal file's new events open, each on its own stream: one per
    /// protection requested with family abroad, addressed from the proceedings' country and authority.
    /// </summary>
    public static IEnumerable<FamilyProtectionRequested> RequestsOpenedBy(LegalFile file, IEnumerable<object> events) =>
        events.OfType<WitnessProtectionRequested>()
            .Where(requested => requested is { FamilyProtectionRequestId: not null, FamilyAbroad: not null })
            .Select(requested =>
            {
                var jurisdiction = LegalFileDecider.LegalCaseOf(file, requested.LegalCaseId).Jurisdiction;
                return new FamilyProtectionRequested(
                    requested.FamilyProtectionRequestId!.Value, requested.CaseId, requested.ProtectionId, requested.FamilyAbroad!.Country, requested.FamilyAbroad.Members,
                    jurisdiction.Country, jurisdiction.AuthorityName, requested.RequestedAt);
            });
}

/// <summary>Opens the family's request in the transaction that records the witness-protection request.</summary>
public sealed class FamilyProtectionRequests : ILegalFileSideEffects
{
    public Task ApplyAsync(IDocumentSession session, LegalFile? before, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        if (before is not null)
        {
            foreach (var requested in FamilyProtectionDecider.RequestsOpenedBy(before, events))
            {
                session.Events.StartStream<FamilyProtectionCase>(requested.RequestId, requested);
            }
        }

        return Task.CompletedTask;
    }
}

public sealed class FamilyProtectionProjection : SingleStreamProjection<FamilyProtectionCase, Guid>
{
    public override FamilyProtectionCase? Evolve(FamilyProtectionCase? snapshot, Guid id, IEvent e) =>
        FamilyProtectionDecider.Evolve(snapshot, e.Data) is { } evolved ? evolved with { Version = e.Version } : null;

    public static void Register(StoreOptions opts)
    {
        opts.Projections.Add<FamilyProtectionProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<FamilyProtectionCase>().Index(x => x.Country);
    }
}
