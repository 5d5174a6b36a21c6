using TipReferral.Domain;

namespace TipReferral.Legal.LegalFiles;

/// <summary>Every command on a legal file carries the victim case id and the time it was issued (from the edge).</summary>
public abstract record LegalFileCommand(Guid CaseId, DateTimeOffset Now);

/// <summary>
/// The legal file's rules: state + command → events, pure. An empty result means the command
/// had already taken effect; a broken rule throws <see cref="RuleViolationException"/> naming it.
/// Each capability decides and evolves in its own slice; this routes to them.
/// </summary>
public static class LegalFileDecider
{
    public const string PersonalDataErasedRule = "personal-data-erased";

    public static IReadOnlyList<object> Decide(LegalFileCommand command, LegalFile? state)
    {
        if (command is OpenLegalFile open)
        {
            return IdentificationFacts.Decide(open, state);
        }

        if (state is null)
        {
            throw new NotFoundException("case", command.CaseId.ToString());
        }

        if (state.PersonalDataErased && command is not (NotePersonalDataErased or NoteReflectionPeriod))
        {
            throw new RuleViolationException(PersonalDataErasedRule, $"Case {state.Reference}'s personal data was erased; nothing more about the person can be recorded.");
        }

        return command switch
        {
            NotePersonalDataErased erased => IdentificationFacts.Decide(erased, state),
            NoteReflectionPeriod noted => ReflectionPeriodFacts.Decide(noted, state),
            OpenLegalCase openCase => LegalCases.Decide(openCase, state),
            ChangeLegalCaseStage change => LegalCases.Decide(change, state),
            RecordCooperationDecision cooperation => CooperationDecisions.Decide(cooperation, state),
            RequestWitnessProtection request => WitnessProtections.Decide(request, state),
            GrantWitnessProtection grant => WitnessProtections.Decide(grant, state),
            RefuseWitnessProtection refuse => WitnessProtections.Decide(refuse, state),
            ReviewWitnessProtection review => WitnessProtections.Decide(review, state),
            ChangeWitnessProtectionMeasures change => WitnessProtections.Decide(change, state),
            LiftWitnessProtection lift => WitnessProtections.Decide(lift, state),
            PlaceLegalHold place => LegalHolds.Decide(place, state),
            ReleaseLegalHold release => LegalHolds.Decide(release, state),
            ArrangeVideoLinkTestimony arrange => LegalHolds.Decide(arrange, state),
            AssignLegalAidLawyer assign => LegalAid.Decide(assign, state),
            RecordResidencePermit record => ResidencePermits.Decide(record, state),
            RenewResidencePermit renew => ResidencePermits.Decide(renew, state),
            RecordResidencePermitRefusal refusal => ResidencePermits.Decide(refusal, state),
            RaisePermitExpiryAlert alert => PermitExpiry.Decide(alert, state),
            FileCompensationClaim claim => Compensation.Decide(claim, state),
            RecordCompensationDecision decision => Compensation.Decide(decision, state),
            RecordCompensationPayment payment => Compensation.Decide(payment, state),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command"),
        };
    }

    /// <summary>The legal case a command names, or NotFound.</summary>
    internal static LegalCase LegalCaseOf(LegalFile state, Guid legalCaseId) =>
        state.FindLegalCase(legalCaseId) ?? throw new NotFoundException("legal case", legalCaseId.ToString());

    public static LegalFile? Evolve(LegalFile? state, object e)
    {
        if (e is LegalFileOpened opened)
        {
            return new LegalFile(
                opened.CaseId, opened.Reference, opened.Country, Version: 0, opened.IsPresumedChild, PersonalDataErased: false,
                ReflectionPeriodState.Unknown, ReflectionPeriodEndsAt: null, LegalCases: [], Cooperation: null, Protections: [], Holds: [],
                LegalAid: [], Permits: [], PermitRefusals: [], Claims: []);
        }

        if (state is null)
        {
            return null;
        }

        return e switch
        {
            PersonalDataErased => state with { PersonalDataErased = true },
            ReflectionPeriodStarted or ReflectionPeriodExtended or ReflectionPeriodEnded => ReflectionPeriodFacts.Evolve(state, e),
            LegalCaseOpened or LegalCaseStageChanged => LegalCases.Evolve(state, e),
            CooperationDecisionRecorded => CooperationDecisions.Evolve(state, e),
            WitnessProtectionRequested or WitnessProtectionGranted or WitnessProtectionRefused or WitnessProtectionReviewed
                or WitnessProtectionMeasuresChanged or WitnessProtectionLifted => WitnessProtections.Evolve(state, e),
            LegalHoldPlaced or LegalHoldReleased or VideoLinkTestimonyArranged => LegalHolds.Evolve(state, e),
            LegalAidLawyerAssigned => LegalAid.Evolve(state, e),
            ResidencePermitRecorded or ResidencePermitRenewed or ResidencePermitRefused or ResidencePermitExpiryAlertRaised => ResidencePermits.Evolve(state, e),
            CompensationClaimFiled or CompensationDecided or CompensationPaymentReceived => Compensation.Evolve(state, e),
            _ => state,
        };
    }
}
