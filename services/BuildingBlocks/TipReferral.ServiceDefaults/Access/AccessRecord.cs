using Marten;

namespace TipReferral.ServiceDefaults.Access;

public enum AccessOutcome { Allowed, Denied }

/// <summary>
/// One read of a case's personal data, or one access a policy denied: who (user, role,
/// agency, country), when, through which operation, and the purpose they stated; for the
/// reveal of a protected identity, also the reason given.
/// Append-only: nothing updates or deletes these documents.
/// </summary>
public sealed record AccessRecord(
    Guid Id,
    string Service,
    string Operation,
    Guid? CaseId,
    string? CaseCountry,
    string UserId,
    string Role,
    string Agency,
    string Country,
    DateTimeOffset At,
    string Purpose,
    AccessOutcome Outcome,
    string? DenialReason,
    string? RevealReason = null)
{
    internal static void Register(StoreOptions opts)
    {
        var records = opts.Schema.For<AccessRecord>();
        records.Index(x => x.CaseId!);
        records.Index(x => x.UserId);
        opts.Schema.For<DataProtectionNotification>().Index(x => x.CaseCountry);
    }
}

/// <summary>
/// Something the data-protection officer of the case's country must look at: a protected
/// identity was revealed to someone without the need to know, who gave a reason. Append-only.
/// </summary>
public sealed record DataProtectionNotification(
    Guid Id,
    string Service,
    string Kind,
    Guid CaseId,
    string CaseCountry,
    string UserId,
    string Role,
    string Agency,
    string Country,
    DateTimeOffset At,
    string Reason)
{
    public const string ProtectedIdentityRevealed = nameof(ProtectedIdentityRevealed);
}

/// <summary>
/// Writes access records in their own transaction: a refused or failed request is still
/// recorded. A reveal of a protected identity also notifies the data-protection officer, in
/// the same transaction as its record.
/// </summary>
public sealed class AccessAudit(IDocumentStore store, TimeProvider clock, ServiceIdentity service)
{
    public async Task RecordAsync(CaseAccess access, IEnumerable<(Guid? CaseId, string? CaseCountry)> cases, AccessOutcome outcome, string? denialReason)
    {
        var at = clock.GetUtcNow();
        var caller = access.Caller;
        var records = cases.Select(c => new AccessRecord(
            Guid.CreateVersion7(at), service.Name, access.Operation, c.CaseId, c.CaseCountry,
            caller.UserId, caller.Role, caller.Agency, caller.Country, at, access.Purpose, outcome, denialReason,
            c.CaseId is { } id && outcome == AccessOutcome.Allowed ? access.RevealReasonOf(id) : null)).ToList();
        if (records.Count == 0)
        {
            return;
        }

        await using var session = store.LightweightSession();
        session.Store<AccessRecord>(records);
        var notifications = records
            .Where(r => r.RevealReason is not null)
            .Select(r => new DataProtectionNotification(
                Guid.CreateVersion7(at), service.Name, DataProtectionNotification.ProtectedIdentityRevealed, r.CaseId!.Value, r.CaseCountry ?? "",
                r.UserId, r.Role, r.Agency, r.Country, at, r.RevealReason!))
            .ToList();
        if (notifications.Count > 0)
        {
            session.Store<DataProtectionNotification>(notifications);
        }

        // Not the request's token: an access that happened is recorded even if the caller hung up.
        await session.SaveChangesAsync(CancellationToken.None);
    }
}

/// <summary>The name of the service this host runs, as it appears in audit records and histories.</summary>
public sealed record ServiceIdentity(string Name);
