using Marten;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.PersonalData;
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
    /// <summary>
    /// Fetch (refusing a stale expected version) → decide → append only what was decided →
    /// commit. The version check is repeated at commit, so a concurrent write in between is
    /// refused as well.
    /// </summary>
    private async Task<CaseVersion> DecideAsync(
        string caseId, long? expectedVersion, Func<Guid, DateTimeOffset, VictimCaseCommand> command, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(caseId);
        await keys.UnlockForWritingAsync(session, id, cancellationToken); // no key: no case, the decider says not found
        var stream = expectedVersion is { } expected
            ? await session.Events.FetchForWriting<VictimCase>(id, expected, cancellationToken)
            : await session.Events.FetchForWriting<VictimCase>(id, cancellationToken);
        if (stream.Aggregate is { } current)
        {
            access.EnsureMayReach(current.Country, id);
        }

        var events = VictimCaseDecider.Decide(command(id, clock.GetUtcNow()), stream.Aggregate);
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

        return new CaseVersion { CaseId = caseId, Version = stream.CurrentVersion ?? 0 };
    }

    /// <summary>Loads a case to show its personal data: only within the caller's reach, and recorded as a read.</summary>
    private async Task<VictimCase> LoadForReadingAsync(string caseId, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(caseId);
        await keys.UnlockAsync(session, [id], cancellationToken);
        var victimCase = await session.LoadAsync<VictimCase>(id, cancellationToken)
            ?? throw new NotFoundException("case", caseId);
        access.EnsureMayReach(victimCase.Country, victimCase.Id);
        access.RecordRead(victimCase.Id);
        return victimCase;
    }
}
