using Marten;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.Repatriation.SignedDocuments;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Consent;

namespace TipReferral.Repatriation.ReturnCases;

/// <summary>
/// The write and read paths every gRPC service of this host shares: decide within the caller's
/// reach and side, and commit; or load a case for reading and record the read. The destination
/// side is the case's own country; the receiving side is the one agency the referral names.
/// </summary>
public sealed class ReturnCaseCommands(IDocumentSession session, TimeProvider clock, CaseAccess access, ICaseKeys keys, ReturnCaseWriter writer, ReferralDocuments documents)
{
    public const string NotSendingSideRule = "not-the-sending-side";
    public const string NotReceivingAgencyRule = "not-the-receiving-agency";

    public Caller Caller => access.Caller;

    public DateTimeOffset Now => clock.GetUtcNow();

    public IDocumentSession Session => session;

    public ReferralDocuments Documents => documents;

    /// <summary>Decides within the caller's reach and side and commits; the version check is repeated at commit.</summary>
    public Task<(long Version, IReadOnlyList<object> Events)> DecideAsync(
        ICaseCommandRequest request, Func<ReturnCase, DateTimeOffset, ReturnCaseCommand> command, Action<ReturnCase> mayAct, CancellationToken cancellationToken) =>
        DecideAsync(request, (current, now) => Task.FromResult(command(current, now)), mayAct, cancellationToken);

    public async Task<(long Version, IReadOnlyList<object> Events)> DecideAsync(
        ICaseCommandRequest request, Func<ReturnCase, DateTimeOffset, Task<ReturnCaseCommand>> command, Action<ReturnCase> mayAct, CancellationToken cancellationToken)
    {
        var caseId = Guid.Parse(request.CaseId);
        var now = clock.GetUtcNow();
        var decided = await writer.DecideAsync(
            session,
            caseId,
            current => current is null ? throw new NotFoundException("case", request.CaseId) : command(current, now),
            request.HasExpectedVersion ? request.ExpectedVersion : null,
            current =>
            {
                access.EnsureMayReach(current.Countries, caseId);
                mayAct(current);
            },
            cancellationToken);
        if (decided.Events.Count > 0)
        {
            await session.SaveChangesAsync(cancellationToken);
        }

        return decided;
    }

    public Task<CaseVersion> DecideToVersionAsync(
        ICaseCommandRequest request, Func<ReturnCase, DateTimeOffset, ReturnCaseCommand> command, Action<ReturnCase> mayAct, CancellationToken cancellationToken) =>
        DecideToVersionAsync(request, (current, now) => Task.FromResult(command(current, now)), mayAct, cancellationToken);

    public async Task<CaseVersion> DecideToVersionAsync(
        ICaseCommandRequest request, Func<ReturnCase, DateTimeOffset, Task<ReturnCaseCommand>> command, Action<ReturnCase> mayAct, CancellationToken cancellationToken)
    {
        var (version, _) = await DecideAsync(request, command, mayAct, cancellationToken);
        return new CaseVersion { CaseId = request.CaseId, Version = version };
    }

    /// <summary>Loads a case to show what this service knows of it: only within the caller's reach, and recorded as a read.</summary>
    public async Task<ReturnCase> LoadForReadingAsync(string caseId, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(caseId);
        await keys.UnlockAsync(session, [id], cancellationToken);
        var found = await session.LoadAsync<ReturnCase>(id, cancellationToken)
            ?? throw new NotFoundException("case", caseId);
        access.RecordRead(found.Id, found.Countries);
        return found;
    }

    /// <summary>The valid consent the identification service holds for sharing with the referral's recipient, from this service's ledger.</summary>
    public async Task<Consent?> ConsentForAsync(Guid caseId, string country, string agency, CancellationToken cancellationToken)
    {
        var ledger = await session.LoadAsync<CaseConsents>(caseId, cancellationToken);
        return ConsentRules.FindValid(ledger?.Consents ?? [], ConsentPurpose.CrossBorderReferral, country, agency, clock.GetUtcNow());
    }

    /// <summary>The destination side: callers of the case's own country (its case workers and supervisors).</summary>
    public void EnsureSendingSide(ReturnCase returnCase)
    {
        if (!string.Equals(access.Caller.Country, returnCase.Country, StringComparison.Ordinal))
        {
            throw new AccessDeniedException(NotSendingSideRule, $"Only the destination country ({returnCase.Country}) acts for it on case {returnCase.Reference}.", returnCase.Id);
        }
    }

    /// <summary>The receiving side: the receiving agency the referral names, and no other.</summary>
    public void EnsureReceivingAgency(ReturnCase returnCase)
    {
        if (!IsReceivingAgency(returnCase))
        {
            throw new AccessDeniedException(
                NotReceivingAgencyRule,
                returnCase.Referral is { } referral
                    ? $"Only {referral.ReceivingAgency} ({referral.ReceivingCountry}) answers this referral."
                    : $"Case {returnCase.Reference} has no referral.",
                returnCase.Id);
        }
    }

    public bool IsReceivingAgency(ReturnCase returnCase) =>
        access.Caller.Role == Roles.ReceivingAgency && returnCase.Referral is { } referral
        && string.Equals(access.Caller.Country, referral.ReceivingCountry, StringComparison.Ordinal)
        && string.Equals(access.Caller.Agency, referral.ReceivingAgency, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Either side of the referral: the destination country, or the receiving agency (or the receiving country's supervisors).
    /// A receiving agency is a party only as the agency the referral names, in whichever country it is.
    /// </summary>
    public void EnsureEitherSide(ReturnCase returnCase)
    {
        var caller = access.Caller;
        var receivingSupervisor = caller.Role == Roles.Supervisor && returnCase.Referral is { } referral && caller.Country == referral.ReceivingCountry;
        if (caller.Role == Roles.ReceivingAgency || (caller.Country != returnCase.Country && !receivingSupervisor))
        {
            EnsureReceivingAgency(returnCase);
        }
    }

    /// <summary>The side the caller's role speaks for: the receiving agency the referral names, or else the destination side.</summary>
    public void EnsureOwnSide(ReturnCase returnCase)
    {
        if (access.Caller.Role == Roles.ReceivingAgency)
        {
            EnsureReceivingAgency(returnCase);
        }
        else
        {
            EnsureSendingSide(returnCase);
        }
    }

    /// <summary>Which side the caller speaks for.</summary>
    public ReturnSide SideOf(ReturnCase returnCase)
    {
        if (IsReceivingAgency(returnCase))
        {
            return ReturnSide.Receiving;
        }

        EnsureSendingSide(returnCase);
        return ReturnSide.Sending;
    }
}
