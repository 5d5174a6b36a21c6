using TipReferral.Contracts.Common.V1;
using TipReferral.ServiceDefaults.Access;

namespace TipReferral.Identification.Cases;

/// <summary>
/// How a case's personal data is shown to one caller: as recorded, erased (the data key is
/// gone, the fields read as erased), or masked behind the pseudonym when the identity is
/// protected and the caller has no need to know. Every read RPC goes through here.
/// </summary>
public static class PersonalDataViews
{
    public const string MaskedValue = "[protected]";

    public static (VictimCase Case, PersonalDataState State) AsSeenBy(this VictimCase victimCase, CaseAccess access)
    {
        if (victimCase.IsErased)
        {
            return (victimCase, PersonalDataState.Erased);
        }

        if (victimCase.Protection is not { } protection || access.MaySeeProtectedIdentity)
        {
            return (victimCase, PersonalDataState.Present);
        }

        var masked = victimCase with
        {
            Person = victimCase.Person with
            {
                GivenName = protection.Pseudonym,
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
