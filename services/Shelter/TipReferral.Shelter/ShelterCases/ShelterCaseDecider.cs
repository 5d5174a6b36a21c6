using TipReferral.Domain;
using TipReferral.Shelter.Shelters;

namespace TipReferral.Shelter.ShelterCases;

/// <summary>Every command on a shelter case carries the case id and the time it was issued (from the edge).</summary>
public abstract record ShelterCaseCommand(Guid CaseId, DateTimeOffset Now)
{
    /// <summary>The shelters whose beds the command may take or free: locked, in id order, while it is decided.</summary>
    public virtual IEnumerable<Guid> SheltersTouched(ShelterCase? state) => [];
}

/// <summary>
/// The shelter case's rules: state (+ the shelters the command touches) + command → events,
/// pure. Events that implement <see cref="IShelterBedEvent"/> belong to their shelter's stream,
/// the rest to the case's. An empty result means the command had already taken effect; a
/// broken rule throws <see cref="RuleViolationException"/> naming it.
/// </summary>
public static class ShelterCaseDecider
{
    public const string CaseClosedRule = "case-closed";
    public const string PersonalDataErasedRule = "personal-data-erased";

    public static IReadOnlyList<object> Decide(ShelterCaseCommand command, ShelterCase? state, IReadOnlyDictionary<Guid, RegisteredShelter> shelters)
    {
        if (command is AwaitPlacement awaiting)
        {
            return IdentificationFacts.Decide(awaiting, state);
        }

        if (state is null)
        {
            throw new NotFoundException("case", command.CaseId.ToString());
        }

        if (state.PersonalDataErased && command is RecordNeedsAssessment or RecordSafetyPlan or RecordServiceDelivered or ReferToShelter)
        {
            throw new RuleViolationException(PersonalDataErasedRule, $"Case {state.Reference}'s personal data was erased; nothing more about the person can be recorded.");
        }

        return command switch
        {
            NoteGuardianAppointed guardian => IdentificationFacts.Decide(guardian, state),
            NoteCaseClosed closed => IdentificationFacts.Decide(closed, state),
            WithdrawReferralForLackOfConsent withdrawal => Referral.Decide(withdrawal, state, shelters),
            ReferToShelter refer => Referral.Decide(refer, state, Find(shelters, refer.ShelterId)),
            AdmitToShelter admit => Admission.Decide(admit, state, Find(shelters, admit.ShelterId)),
            TransferToShelter transfer => Transfer.Decide(transfer, state, shelters),
            DischargeFromShelter discharge => Discharge.Decide(discharge, state),
            RecordNeedsAssessment assess => NeedsAssessments.Decide(assess),
            RecordSafetyPlan plan => SafetyPlans.Decide(plan, state),
            RecordServiceDelivered service => ServicesDelivered.Decide(service),
            ExtendReflectionPeriod extend => ReflectionPeriods.Decide(extend, state),
            EndReflectionPeriodEarly end => ReflectionPeriods.Decide(end, state),
            ExpireReflectionPeriod expire => ReflectionPeriods.Decide(expire, state),
            NotePersonalDataErased erased => state.PersonalDataErased ? [] : [new PersonalDataErased(erased.CaseId, erased.Now)],
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command"),
        };
    }

    /// <summary>Refuses a new placement for a case the identification service has closed.</summary>
    internal static void EnsureOpen(ShelterCase state)
    {
        if (state.ClosedInIdentification)
        {
            throw new RuleViolationException(CaseClosedRule, $"Case {state.Reference} was closed by the identification service; no new referral or admission.");
        }
    }

    private static RegisteredShelter Find(IReadOnlyDictionary<Guid, RegisteredShelter> shelters, Guid shelterId) =>
        shelters.TryGetValue(shelterId, out var shelter) ? shelter : throw new NotFoundException("shelter", shelterId.ToString());

    public static ShelterCase? Evolve(ShelterCase? state, object e)
    {
        if (e is VictimAwaitingPlacement awaiting)
        {
            return new ShelterCase(
                awaiting.CaseId, awaiting.Reference, awaiting.Country, Version: 0, awaiting.IsPresumedChild, GuardianAppointed: false,
                awaiting.FormallyIdentified, ClosedInIdentification: false, awaiting.Since, PlacementStatus.AwaitingPlacement, ReferredTo: null,
                Placements: [], ReflectionPeriod.NotStarted, NeedsAssessments: [], SafetyPlans: [], PersonalDataErased: false);
        }

        if (state is null)
        {
            return null;
        }

        return e switch
        {
            VictimFormallyIdentified => state with { FormallyIdentified = true },
            GuardianAppointed => state with { GuardianAppointed = true },
            VictimCaseClosedInIdentification => state with { ClosedInIdentification = true },
            ShelterReferralMade referred => state with { Status = PlacementStatus.Referred, ReferredTo = referred.ShelterId },
            ShelterReferralWithdrawn => state with
            {
                Status = state.Placements.Count == 0 ? PlacementStatus.AwaitingPlacement : PlacementStatus.Discharged,
                ReferredTo = null,
            },
            VictimAdmittedToShelter admitted => state with
            {
                Status = PlacementStatus.InShelter,
                ReferredTo = null,
                Placements = [.. state.Placements, new Placement(
                    admitted.ShelterId, admitted.ShelterName, admitted.Group, admitted.AdmittedAt, null, null, admitted.EmergencyException is not null,
                    admitted.NeedsWheelchairAccess)],
            },
            VictimTransferredToShelter transferred => state with
            {
                Placements = [.. state.Placements.Take(state.Placements.Count - 1),
                    state.Placements[^1] with { LeftAt = transferred.TransferredAt, LeftBecause = DischargeReason.Transferred },
                    new Placement(transferred.ToShelterId, transferred.ToShelterName, state.Placements[^1].Group, transferred.TransferredAt, null, null,
                        transferred.EmergencyException is not null, state.Placements[^1].NeedsWheelchairAccess)],
            },
            VictimDischargedFromShelter discharged => state with
            {
                Status = PlacementStatus.Discharged,
                Placements = [.. state.Placements.Take(state.Placements.Count - 1),
                    state.Placements[^1] with { LeftAt = discharged.DischargedAt, LeftBecause = discharged.DischargeReason }],
            },
            NeedsAssessed assessed => state with
            {
                NeedsAssessments = [.. state.NeedsAssessments, new NeedsAssessment(assessed.AssessedOn, assessed.Needs, assessed.Notes, assessed.RecordedBy)],
            },
            SafetyPlanAgreed agreed => state with
            {
                SafetyPlans = [.. state.SafetyPlans, new SafetyPlan(agreed.AgreedOn, agreed.ReviewBy, agreed.Measures, agreed.RecordedBy)],
            },
            SafetyPlanReviewed reviewed => state with
            {
                SafetyPlans = [.. state.SafetyPlans, new SafetyPlan(reviewed.ReviewedOn, reviewed.NextReviewBy, reviewed.Measures, reviewed.RecordedBy)],
            },
            ReflectionPeriodStarted started => state with { ReflectionPeriod = ReflectionPeriod.Running(started.StartedAt, started.EndsAt) },
            ReflectionPeriodExtended extended => state with { ReflectionPeriod = state.ReflectionPeriod with { EndsAt = extended.EndsAt } },
            ReflectionPeriodExpired expired => state with
            {
                ReflectionPeriod = state.ReflectionPeriod with { State = ReflectionPeriodState.Expired, EndedAt = expired.EndedAt },
            },
            ReflectionPeriodEndedAtPersonsRequest ended => state with
            {
                ReflectionPeriod = state.ReflectionPeriod with { State = ReflectionPeriodState.EndedAtPersonsRequest, EndedAt = ended.EndedAt },
            },
            PersonalDataErased => state with { PersonalDataErased = true },
            _ => state,
        };
    }
}
