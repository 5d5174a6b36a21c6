using TipReferral.Domain;

namespace TipReferral.Identification.Cases;

/// <summary>Every command on a victim case carries its id and the time it was issued (from the edge).</summary>
public abstract record VictimCaseCommand(Guid CaseId, DateTimeOffset Now);

/// <summary>
/// The victim case's rules: state + command → events, pure. An empty result means the
/// command had already taken effect (repeating a command is harmless); a broken rule
/// throws <see cref="RuleViolationException"/> naming the rule.
/// </summary>
public static class VictimCaseDecider
{
    public const string CaseClosedRule = "case-closed";

    public static IReadOnlyList<object> Decide(VictimCaseCommand command, VictimCase? state)
    {
        if (command is RegisterPresumedVictim register)
        {
            return Registration.Decide(register, state);
        }

        if (state is null)
        {
            throw new NotFoundException("case", command.CaseId.ToString());
        }

        if (state.IsClosed && !StaysPossibleOnClosedCase(command))
        {
            // A negative identification closes the case in the same decision, so its retry meets a closed case.
            return command is CloseCase || (command is IdentifyFormally identify && FormalIdentification.AlreadyDecidedAs(identify, state))
                ? []
                : throw new RuleViolationException(CaseClosedRule, $"Case {state.Reference} is closed; nothing more can be recorded on it.");
        }

        if (command is AppointGuardian or CorrectPersonalDetails)
        {
            PersonalDataErasure.EnsureNotErased(state);
        }

        return command switch
        {
            IdentifyFormally identify => FormalIdentification.Decide(identify, state),
            AppointGuardian appoint => Guardianship.Decide(appoint, state),
            CorrectPersonalDetails correct => PersonalDetailsCorrection.Decide(correct, state),
            ResolvePossibleDuplicate resolve => DuplicateResolutions.Decide(resolve, state),
            CloseCase close => Closure.Decide(close, state),
            RecordConsent record => ConsentRecording.Decide(record, state),
            WithdrawConsent withdraw => ConsentWithdrawal.Decide(withdraw, state),
            ShareCase share => CaseSharing.Decide(share, state),
            RequestErasure request => PersonalDataErasure.Decide(request, state),
            ApproveErasure approve => PersonalDataErasure.Decide(approve, state),
            RejectErasure reject => PersonalDataErasure.Decide(reject, state),
            ProtectIdentity protect => IdentityProtections.Decide(protect, state),
            LiftIdentityProtection lift => IdentityProtections.Decide(lift, state),
            RevealProtectedIdentity reveal => ProtectedIdentityReveals.Decide(reveal, state),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command"),
        };
    }

    /// <summary>
    /// The person's rights outlive the case: consent can be withdrawn, data erased and an
    /// identity protected (or no longer) after closure; and a closed case is still read.
    /// </summary>
    private static bool StaysPossibleOnClosedCase(VictimCaseCommand command) =>
        command is WithdrawConsent or RequestErasure or ApproveErasure or RejectErasure or ProtectIdentity or LiftIdentityProtection
            or RevealProtectedIdentity;

    /// <summary>Folds events into a state: how deciders are tested with Given(events).</summary>
    public static VictimCase? Fold(IEnumerable<object> events, VictimCase? state = null) =>
        events.Aggregate(state, Evolve);

    /// <summary>Folds one domain event into the state. Pure: tests call it without a database.</summary>
    public static VictimCase? Evolve(VictimCase? state, object @event) => (state, @event) switch
    {
        (null, PresumedVictimRegistered registered) => new VictimCase(
            registered.CaseId,
            registered.Reference,
            Version: 0,
            TraffickingStatus.PresumedVictim,
            registered.IsPresumedChild,
            IsClosed: false,
            registered.Person,
            registered.IdentifiedAt,
            registered.FormsOfExploitation,
            registered.IndicatorsObserved,
            DecidingOrganisation: null,
            Guardian: null,
            PossibleDuplicates: [],
            ClosureReason: null,
            registered.RegisteredAt,
            registered.RegisteredAt,
            registered.NameIndex),
        (null, _) => null,
        (_, PossibleDuplicateDetected detected) => state with
        {
            PossibleDuplicates = [.. state.PossibleDuplicates, new PossibleDuplicate(detected.OtherCaseId, detected.OtherCaseReference, detected.Score, detected.MatchedOn, PossibleDuplicateState.Pending)],
        },
        (_, PossibleDuplicateLinked linked) => state.WithDuplicateState(linked.OtherCaseId, PossibleDuplicateState.Linked, linked.LinkedAt),
        (_, PossibleDuplicateDismissed dismissed) => state.WithDuplicateState(dismissed.OtherCaseId, PossibleDuplicateState.Dismissed, dismissed.DismissedAt),
        (_, FormalIdentificationDecided decided) => state with
        {
            Status = decided.Outcome switch
            {
                IdentificationOutcome.IdentifiedAsVictim => TraffickingStatus.IdentifiedVictim,
                IdentificationOutcome.NotAVictim => TraffickingStatus.NotAVictim,
                _ => TraffickingStatus.SmuggledMigrantNotTrafficked,
            },
            DecidingOrganisation = decided.DecidingOrganisation,
            UpdatedAt = decided.DecidedAt,
        },
        (_, GuardianAppointed appointed) => state with { Guardian = appointed.Guardian, UpdatedAt = appointed.AppointedAt },
        (_, PersonalDetailsCorrected corrected) => state with
        {
            Person = corrected.Person,
            IsPresumedChild = corrected.IsPresumedChild,
            NameIndex = corrected.NameIndex,
            UpdatedAt = corrected.CorrectedAt,
        },
        (_, VictimCaseClosed closed) => state with { IsClosed = true, ClosureReason = closed.ClosureReason, UpdatedAt = closed.ClosedAt },
        (_, ConsentRecorded recorded) => ConsentRecording.Evolve(state, recorded),
        (_, ConsentWithdrawn withdrawn) => ConsentWithdrawal.Evolve(state, withdrawn),
        (_, VictimCaseShared shared) => state with { UpdatedAt = shared.SharedAt },
        (_, ErasureRequested or ErasureRejected or PersonalDataErased) => PersonalDataErasure.Evolve(state, @event),
        (_, IdentityProtected or IdentityProtectionLifted) => IdentityProtections.Evolve(state, @event),
        _ => state,
    };

}
