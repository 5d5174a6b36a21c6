using TipReferral.Domain;
using TipReferral.ServiceDefaults.IdentityMasking;

namespace TipReferral.ServiceDefaults.Access;

/// <summary>
/// The access state of one request, set by <see cref="AccessInterceptor"/>: who calls,
/// through which RPC and policy. Handlers ask it before they reach a case and tell it
/// which cases' personal data they revealed, so the interceptor can record those reads.
/// </summary>
public sealed class CaseAccess
{
    private readonly List<Guid> viewed = [];
    private readonly Dictionary<Guid, string> countries = [];
    private readonly Dictionary<Guid, string> revealReasons = [];

    public Caller Caller { get; private set; } = null!;
    /// <summary>The RPC's declared policy; null when it has none, and then nothing reaches a case.</summary>
    public AccessAttribute? Policy { get; private set; }
    public string Operation { get; private set; } = "";
    public string Purpose { get; private set; } = "";

    public IReadOnlyList<Guid> Viewed => viewed;

    /// <summary>Whether <paramref name="mask"/> hides the person's identity from this caller (see <see cref="IdentityMask.HidesIdentityFrom"/>).</summary>
    public bool IsHiddenBy(IdentityMask? mask) => mask?.HidesIdentityFrom(Caller) == true;

    internal void Begin(Caller caller, AccessAttribute? policy, string operation, string purpose)
    {
        (Caller, Policy, Operation, Purpose) = (caller, policy, operation, purpose);
    }

    /// <summary>Refuses a case (or a request about a country) the caller's policy does not reach.</summary>
    public void EnsureMayReach(string caseCountry, Guid? caseId = null)
    {
        if (caseId is { } id)
        {
            countries[id] = caseCountry;
        }

        if (Policy?.Allows(Caller.Role, ownCountry: string.Equals(caseCountry, Caller.Country, StringComparison.Ordinal)) != true)
        {
            throw new AccessDeniedException(
                AccessDeniedException.OtherCountryRule,
                $"A {Caller.Role} of {Caller.Country} may not {Operation} for {(caseId is null ? "country" : "a case of")} {caseCountry}.",
                caseId);
        }
    }

    /// <summary>
    /// Refuses a case the caller's policy reaches from none of its countries: a case with
    /// proceedings abroad is reached from the country of each proceeding too.
    /// </summary>
    public void EnsureMayReach(IReadOnlyList<string> caseCountries, Guid caseId) =>
        EnsureMayReach(caseCountries.Contains(Caller.Country, StringComparer.Ordinal) ? Caller.Country : caseCountries[0], caseId);

    /// <summary>As <see cref="RecordRead(Guid, string)"/>, for a case reached from any of its countries.</summary>
    public void RecordRead(Guid caseId, IReadOnlyList<string> caseCountries) =>
        RecordRead(caseId, caseCountries.Contains(Caller.Country, StringComparer.Ordinal) ? Caller.Country : caseCountries[0]);

    internal string? CountryOf(Guid caseId) => countries.GetValueOrDefault(caseId);

    internal string? RevealReasonOf(Guid caseId) => revealReasons.GetValueOrDefault(caseId);

    /// <summary>
    /// Refuses a case the caller's policy does not reach, else notes that the response reveals
    /// its personal data: recorded in the read audit.
    /// </summary>
    public void RecordRead(Guid caseId, string caseCountry)
    {
        EnsureMayReach(caseCountry, caseId);
        if (!viewed.Contains(caseId))
        {
            viewed.Add(caseId);
        }
    }

    /// <summary>
    /// Notes that the response reveals a protected identity the caller would otherwise see
    /// masked, and why: the read is recorded with the reason and the data-protection officer
    /// of the case's country is notified.
    /// </summary>
    public void RecordReveal(Guid caseId, string caseCountry, string reason)
    {
        RecordRead(caseId, caseCountry);
        revealReasons[caseId] = reason;
    }
}
