using TipReferral.Contracts.Common.V1;
using TipReferral.ServiceDefaults.Validation;
using Marten;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.PersonalData;
using TipReferral.Contracts.Identification.V1;
using CaseVersion = TipReferral.Contracts.Common.V1.CaseVersion;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

/// <summary>
/// The VictimCases gRPC service. Each capability adds its RPC to this partial class from its
/// own slice folder; this part holds only the write and read paths they share. Every RPC
/// unlocks the data keys of the cases it touches before Marten reads their personal data.
/// </summary>
public sealed partial class VictimCasesService(
    IDocumentSession session,
    TimeProvider clock,
    CaseAccess access,
    NameIndex nameIndex,
    PossibleDuplicateFinder duplicates,
    ICaseKeys keys) : Proto.VictimCases.VictimCasesBase
{
    private async Task<CaseVersion> DecideAsync(
        ICaseCommandRequest request, Func<Guid, DateTimeOffset, VictimCaseCommand> command, CancellationToken cancellationToken) =>
        (await DecideInFullAsync(request, command, cancellationToken)).Version;

    /// <summary>
    /// Fetch → check reach, then the expected version → decide → append only what was decided →
    /// commit. The version check is repeated at commit, so a concurrent write in between is
    /// refused as well. Returns the command, the case as it was and what was decided, for an
    /// RPC whose answer depends on them.
    /// </summary>
    private async Task<(CaseVersion Version, VictimCaseCommand Command, VictimCase? Before, IReadOnlyList<object> Events)> DecideInFullAsync(
        ICaseCommandRequest request, Func<Guid, DateTimeOffset, VictimCaseCommand> command, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(request.CaseId);
        await keys.UnlockForWritingAsync(session, id, cancellationToken); // no key: no case, the decider says not found
        var stream = await session.Events.FetchForWriting<VictimCase>(id, cancellationToken);
        if (stream.Aggregate is { } current)
        {
            access.EnsureMayReach(current.Country, id);
        }

        ExpectedVersion.Ensure(request.HasExpectedVersion ? request.ExpectedVersion : null, stream.CurrentVersion, id);

        var decided = command(id, clock.GetUtcNow());
        var events = VictimCaseDecider.Decide(decided, stream.Aggregate);
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            if (events.OfType<PersonalDataErased>().SingleOrDefault() is { } erased)
            {
                // Crypto-shredding: the key goes in the same transaction as the event that says so.
                await keys.EraseAsync(session, id, erased.ApprovedBy.UserId, erased.ErasedAt, cancellationToken);
            }

            await session.SaveChangesAsync(cancellationToken);
        }

        return (new CaseVersion { CaseId = request.CaseId, Version = stream.CurrentVersion ?? 0 }, decided, stream.Aggregate, events);
    }

    private Task<VictimCase> LoadForReadingAsync(string caseId, CancellationToken cancellationToken) =>
        session.LoadForReadingAsync(keys, access, caseId, cancellationToken);
}

/// <summary>The read path every service of this host shares, whichever gRPC service the RPC belongs to.</summary>
internal static class VictimCaseReads
{
    /// <summary>Loads a case to show its personal data: only within the caller's reach, and recorded as a read.</summary>
    public static async Task<VictimCase> LoadForReadingAsync(
        this IDocumentSession session, ICaseKeys keys, CaseAccess access, string caseId, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(caseId);
        await keys.UnlockAsync(session, [id], cancellationToken);
        var victimCase = await session.LoadAsync<VictimCase>(id, cancellationToken)
            ?? throw new NotFoundException("case", caseId);
        access.RecordRead(victimCase.Id, victimCase.Country);
        return victimCase;
    }
}
