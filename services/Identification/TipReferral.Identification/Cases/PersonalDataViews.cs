using TipReferral.Contracts.Common.V1;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.IdentityMasking;

namespace TipReferral.Identification.Cases;

/// <summary>
/// How a case's personal data is shown to one caller: as recorded, erased (the data key is
/// gone, the fields read as erased), or masked behind the pseudonym when the identity is
/// protected (here, or in a legal case) and the caller has no need to know. Every read RPC
/// goes through here.
/// </summary>
public static class PersonalDataViews
{
    public const string MaskedValue = "[protected]";

    /// <summary>
    /// The case's own protection together with the shared ones (<paramref name="shared"/>, from
    /// <see cref="IdentityMasks.LoadAsync(Marten.IQuerySession, Guid, CancellationToken)"/>). The
    /// case's stream decides its own protection: the shared copy of it, kept from this service's
    /// own published events, may lag behind.
    /// </summary>
    public static IdentityMask? MaskWith(this VictimCase victimCase, IdentityMask? shared) => IdentityMask.Of(
    [
        .. shared?.Protections.Where(p => p.Source != IdentityMasks.IdentificationSource) ?? [],
        .. victimCase.Protection is { } own ? [new StandingProtection(IdentityMasks.IdentificationSource, own.Pseudonym, [], own.Since)] : Array.Empty<StandingProtection>(),
    ]);

    public static (VictimCase Case, PersonalDataState State) AsSeenBy(this VictimCase victimCase, CaseAccess access, IdentityMask? shared)
    {
        if (victimCase.IsErased)
        {
            return (victimCase, PersonalDataState.Erased);
        }

        var mask = victimCase.MaskWith(shared);
        if (!access.IsHiddenBy(mask))
        {
            return (victimCase, PersonalDataState.Present);
        }

        var masked = victimCase with
        {
            Person = victimCase.Person with
            {
                GivenName = mask!.Pseudonym,
                FamilyName = null,
                Aliases = [],
                DateOfBirth = null,
                EstimatedAgeYears = null,
            },
            Guardian = victimCase.Guardian is { } guardian ? guardian with { FullName = MaskedValue, Contact = null } : null,
        };
        return (masked, PersonalDataState.Masked);
    }
}
