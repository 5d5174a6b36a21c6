using Marten;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.IdentityMasking;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.ShelterCases;

/// <summary>
/// The ShelterCases gRPC service. Each capability adds its RPC to this partial class from its
/// own slice folder; this part holds the write and read paths they share.
/// </summary>
public sealed partial class ShelterCasesService(
    IDocumentSession session,
    TimeProvider clock,
    CaseAccess access,
    ICaseKeys keys,
    ShelterCaseWriter writer,
    ReflectionPeriodSettings reflectionPeriods) : Proto.ShelterCases.ShelterCasesBase
{
    /// <summary>Decides within the caller's reach and commits; the version check is repeated at commit.</summary>
    private async Task<CaseVersion> DecideAsync(
        ICaseCommandRequest request, Func<Guid, DateTimeOffset, ShelterCaseCommand> command, CancellationToken cancellationToken)
    {
        var caseId = Guid.Parse(request.CaseId);
        var (version, events) = await writer.DecideAsync(
            session,
            command(caseId, clock.GetUtcNow()),
            request.HasExpectedVersion ? request.ExpectedVersion : null,
            current => access.EnsureMayReach(current.Country, caseId),
            cancellationToken);
        if (events.Count > 0)
        {
            await session.SaveChangesAsync(cancellationToken);
        }

        return new CaseVersion { CaseId = request.CaseId, Version = version };
    }

    /// <summary>Loads a case to show what the shelter knows of the person: only within the caller's reach, and recorded as a read.</summary>
    private async Task<ShelterCase> LoadForReadingAsync(string caseId, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(caseId);
        await keys.UnlockAsync(session, [id], cancellationToken);
        var shelterCase = await session.LoadAsync<ShelterCase>(id, cancellationToken)
            ?? throw new NotFoundException("case", caseId);
        access.RecordRead(shelterCase.Id, shelterCase.Country);
        return shelterCase;
    }

    /// <summary>The case's country, read without its personal data.</summary>
    private async Task<string> CountryOfAsync(string caseId, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(caseId);
        return await session.Query<ShelterCase>().Where(c => c.Id == id).Select(c => c.Country).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("case", caseId);
    }

    /// <summary>
    /// The shelter holds no names, but staff call the person something: while the identity is
    /// protected and hidden from this caller, by the pseudonym.
    /// </summary>
    private (PersonalDataState State, string Pseudonym) AsSeenByCaller(IdentityMask? mask) =>
        access.IsHiddenBy(mask) ? (PersonalDataState.Masked, mask!.Pseudonym) : (PersonalDataState.Present, "");
}
