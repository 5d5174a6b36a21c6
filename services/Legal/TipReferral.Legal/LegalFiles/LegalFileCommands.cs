using Marten;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;

namespace TipReferral.Legal.LegalFiles;

/// <summary>
/// The write and read paths every gRPC service of this host shares (one per capability, all on
/// the victim case's one legal file): decide within the caller's reach and commit, or load a
/// file for reading and record the read.
/// </summary>
public sealed class LegalFileCommands(IDocumentSession session, TimeProvider clock, CaseAccess access, ICaseKeys keys, LegalFileWriter writer)
{
    public const string NotProsecutorOfLegalCaseRule = "not-prosecutor-of-legal-case";
    public const string NotAssignedLawyerRule = "not-the-persons-lawyer";

    public Caller Caller => access.Caller;

    /// <summary>
    /// Decides within the caller's reach and commits; the version check is repeated at commit.
    /// <paramref name="mayAct"/> adds a check on the file the command needs beyond reach (a
    /// prosecutor of the legal case, the assigned lawyer), refused as PermissionDenied.
    /// </summary>
    public async Task<(long Version, IReadOnlyList<object> Events)> DecideAsync(
        ICaseCommandRequest request, Func<Guid, DateTimeOffset, LegalFileCommand> command, CancellationToken cancellationToken, Action<LegalFile>? mayAct = null)
    {
        var caseId = Guid.Parse(request.CaseId);
        var decided = await writer.DecideAsync(
            session,
            command(caseId, clock.GetUtcNow()),
            request.HasExpectedVersion ? request.ExpectedVersion : null,
            current =>
            {
                access.EnsureMayReach(current.Countries, caseId);
                mayAct?.Invoke(current);
            },
            cancellationToken);
        if (decided.Events.Count > 0)
        {
            await session.SaveChangesAsync(cancellationToken);
        }

        return decided;
    }

    public async Task<CaseVersion> DecideToVersionAsync(
        ICaseCommandRequest request, Func<Guid, DateTimeOffset, LegalFileCommand> command, CancellationToken cancellationToken, Action<LegalFile>? mayAct = null)
    {
        var (version, _) = await DecideAsync(request, command, cancellationToken, mayAct);
        return new CaseVersion { CaseId = request.CaseId, Version = version };
    }

    /// <summary>Loads a file to show what this service knows of the person: only within the caller's reach, and recorded as a read.</summary>
    public async Task<LegalFile> LoadForReadingAsync(string caseId, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(caseId);
        await keys.UnlockAsync(session, [id], cancellationToken);
        var file = await session.LoadAsync<LegalFile>(id, cancellationToken)
            ?? throw new NotFoundException("case", caseId);
        access.RecordRead(file.Id, file.Countries);
        return file;
    }

    /// <summary>Only the prosecutors of the legal case (its office, in its country) act on it.</summary>
    public Action<LegalFile> ProsecutorOf(string legalCaseId) => file =>
    {
        var legalCase = LegalFileDecider.LegalCaseOf(file, Guid.Parse(legalCaseId));
        if (!legalCase.HasProsecutor(access.Caller))
        {
            throw new AccessDeniedException(
                NotProsecutorOfLegalCaseRule,
                $"Only prosecutors of {legalCase.ProsecutorsOffice} ({legalCase.Jurisdiction.Country}) act on legal case {legalCase.AuthorityCaseNumber}.",
                file.Id);
        }
    };

    /// <summary>
    /// Only callers of the victim case's own country act on the person's life there (legal aid,
    /// permits, compensation); the reach a proceeding abroad gives is for that proceeding alone.
    /// </summary>
    public void EnsureOfCaseCountry(LegalFile file)
    {
        if (!string.Equals(access.Caller.Country, file.Country, StringComparison.Ordinal))
        {
            throw new AccessDeniedException(AccessDeniedException.OtherCountryRule, $"Only callers of {file.Country} act on case {file.Reference} there.", file.Id);
        }
    }

    /// <summary>The person's own matters (permits, compensation): callers of the case's country, a lawyer only if assigned to the person.</summary>
    public void EnsureActsForPerson(LegalFile file)
    {
        EnsureOfCaseCountry(file);
        EnsureLawyerAssigned(file);
    }

    /// <summary>A legal-aid lawyer acts only for the people they were assigned to; other roles pass.</summary>
    public void EnsureLawyerAssigned(LegalFile file)
    {
        if (access.Caller.Role == Roles.LegalAidLawyer && !file.IsLegalAidLawyer(access.Caller))
        {
            throw new AccessDeniedException(NotAssignedLawyerRule, $"A LegalAidLawyer acts only for the people assigned to them; not case {file.Reference}.", file.Id);
        }
    }
}
