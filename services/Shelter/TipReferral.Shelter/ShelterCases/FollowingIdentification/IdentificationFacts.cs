using TipReferral.Domain;

namespace TipReferral.Shelter.ShelterCases;

/// <summary>
/// A victim case the identification service registered or identified: from now on it awaits
/// placement here. Carries the country's reflection policy, since identification may start it.
/// </summary>
public sealed record AwaitPlacement(
    Guid CaseId, string Reference, string Country, bool IsPresumedChild, bool FormallyIdentified, ReflectionPolicy Policy, DateTimeOffset Now)
    : ShelterCaseCommand(CaseId, Now);

public sealed record NoteGuardianAppointed(Guid CaseId, DateTimeOffset Now) : ShelterCaseCommand(CaseId, Now);

public sealed record NoteCaseClosed(Guid CaseId, string ClosureReason, DateTimeOffset Now) : ShelterCaseCommand(CaseId, Now)
{
    public override IEnumerable<Guid> SheltersTouched(ShelterCase? state) => state?.ReferredTo is { } shelter ? [shelter] : [];
}

public sealed record VictimAwaitingPlacement(Guid CaseId, string Reference, string Country, bool IsPresumedChild, bool FormallyIdentified, DateTimeOffset Since);

public sealed record VictimFormallyIdentified(Guid CaseId, DateTimeOffset IdentifiedAt);

/// <summary>A guardian was appointed (by the identification service): a child may now be placed without an emergency exception.</summary>
public sealed record GuardianAppointed(Guid CaseId, DateTimeOffset AppointedAt);

public sealed record VictimCaseClosedInIdentification(Guid CaseId, string ClosureReason, DateTimeOffset ClosedAt);

/// <summary>What the shelter service takes from the identification service's facts about a case. Each is idempotent.</summary>
public static class IdentificationFacts
{
    public static IReadOnlyList<object> Decide(AwaitPlacement command, ShelterCase? state)
    {
        var identifiedNow = command.FormallyIdentified && state?.FormallyIdentified != true;
        var events = new List<object>();
        if (state is null)
        {
            events.Add(new VictimAwaitingPlacement(command.CaseId, command.Reference, command.Country, command.IsPresumedChild, command.FormallyIdentified, command.Now));
        }
        else if (identifiedNow)
        {
            events.Add(new VictimFormallyIdentified(command.CaseId, command.Now));
        }

        if (identifiedNow)
        {
            events.AddRange(ReflectionPeriods.StartOn(ReflectionPeriodStart.Identification, command.Policy, state, command.CaseId, command.Now));
        }

        return events;
    }

    public static IReadOnlyList<object> Decide(NoteGuardianAppointed command, ShelterCase state) =>
        state.GuardianAppointed ? [] : [new GuardianAppointed(command.CaseId, command.Now)];

    /// <summary>
    /// A pending referral lapses. A person already in a shelter stays until discharged: the
    /// shelter decides that with the person, never a closure elsewhere.
    /// </summary>
    public static IReadOnlyList<object> Decide(NoteCaseClosed command, ShelterCase state)
    {
        if (state.ClosedInIdentification)
        {
            return [];
        }

        return state.ReferredTo is { } shelterId
            ? [new VictimCaseClosedInIdentification(command.CaseId, command.ClosureReason, command.Now),
                new ShelterReferralWithdrawn(command.CaseId, shelterId, Referral.CaseClosedWithdrawal, command.Now)]
            : [new VictimCaseClosedInIdentification(command.CaseId, command.ClosureReason, command.Now)];
    }
}
