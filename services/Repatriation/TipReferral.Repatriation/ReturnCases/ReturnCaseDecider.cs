using TipReferral.Domain;

namespace TipReferral.Repatriation.ReturnCases;

/// <summary>Every command on a return case carries the victim case id and the time it was issued (from the edge).</summary>
public abstract record ReturnCaseCommand(Guid CaseId, DateTimeOffset Now);

/// <summary>
/// The return case's rules: state + command → events, pure. An empty result means the command
/// had already taken effect; a broken rule throws <see cref="RuleViolationException"/> naming it.
/// Each capability decides and evolves in its own slice; this routes to them, and after every
/// decision suspends a scheduled travel whose hard gates no longer all hold.
/// </summary>
public static class ReturnCaseDecider
{
    public const string PersonalDataErasedRule = "personal-data-erased";

    public static IReadOnlyList<object> Decide(ReturnCaseCommand command, ReturnCase? state)
    {
        if (command is OpenReturnCase open)
        {
            return NotedFacts.Decide(open, state);
        }

        if (state is null)
        {
            throw new NotFoundException("case", command.CaseId.ToString());
        }

        if (state.PersonalDataErased && command is not (NotePersonalDataErased or NoteReflectionPeriod or NoteLegalHold or NoteConsentWithdrawn or NoteAnswerOverdue or NoteFollowUpVisitsOverdue))
        {
            throw new RuleViolationException(PersonalDataErasedRule, $"Case {state.Reference}'s personal data was erased; nothing more about the person can be recorded.");
        }

        var events = command switch
        {
            NotePersonalDataErased erased => NotedFacts.Decide(erased, state),
            NoteReflectionPeriod noted => NotedFacts.Decide(noted, state),
            NoteLegalHold noted => NotedFacts.Decide(noted, state),
            RequestReferral request => Referring.Decide(request, state),
            AmendDisclosurePackage amend => Referring.Decide(amend, state),
            WithdrawReturnDecision withdraw => Referring.Decide(withdraw, state),
            NoteConsentWithdrawn withdrawn => Referring.Decide(withdrawn, state),
            AcknowledgeReferral acknowledge => Answering.Decide(acknowledge, state),
            AcceptReferral accept => Answering.Decide(accept, state),
            DeclineReferral decline => Answering.Decide(decline, state),
            NoteAnswerOverdue overdue => Answering.Decide(overdue, state),
            ContributeRiskAssessment contribution => RiskAssessment.Decide(contribution, state),
            RecordFamilyTracing tracing => ChildSafeguards.Decide(tracing, state),
            RecordAlternativeCare care => ChildSafeguards.Decide(care, state),
            RecordBestInterestsDetermination determination => ChildSafeguards.Decide(determination, state),
            RecordTravelDocument document => Travelling.Decide(document, state),
            ScheduleTravel schedule => Travelling.Decide(schedule, state),
            RecordDeparture departure => Travelling.Decide(departure, state),
            ConfirmHandover handover => Travelling.Decide(handover, state),
            RecordReintegrationPlan plan => Reintegrating.Decide(plan, state),
            ScheduleFollowUpVisit visit => Reintegrating.Decide(visit, state),
            RecordFollowUpVisit visit => Reintegrating.Decide(visit, state),
            NoteFollowUpVisitsOverdue overdue => Reintegrating.Decide(overdue, state),
            CloseReturnCase close => Reintegrating.Decide(close, state),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command"),
        };
        return [.. events, .. Travelling.SuspendIfGatesBroke(state, events, command.Now)];
    }

    /// <summary>The active referral a command acts on, or the rule it breaks when there is none.</summary>
    internal static Referral ActiveReferralOf(ReturnCase state) =>
        state.ActiveReferral ?? throw new RuleViolationException(Referring.NoActiveReferralRule, $"Case {state.Reference} has no active referral.");

    public static ReturnCase? Evolve(ReturnCase? state, object e)
    {
        if (e is ReturnCaseOpened opened)
        {
            return new ReturnCase(opened.CaseId, opened.Reference, opened.Country, Version: 0, opened.IsChild, PersonalDataErased: false,
                ReflectionPeriodState.Unknown, ActiveHolds: [], ReleasedHolds: [], Referral: null);
        }

        if (state is null)
        {
            return null;
        }

        return e switch
        {
            ChildStatusNoted or PersonalDataErased or ReflectionPeriodNoted or LegalHoldNoted => NotedFacts.Evolve(state, e),
            ReferralRequested or DisclosurePackageAmended or DisclosurePackageRevoked or ReferralWithdrawn => Referring.Evolve(state, e),
            ReferralAcknowledged or ReferralAccepted or ReferralDeclined or ReferralAnswerOverdue => Answering.Evolve(state, e),
            RiskAssessmentContributed => RiskAssessment.Evolve(state, e),
            FamilyTracingRecorded or AlternativeCareRecorded or BestInterestsDetermined => ChildSafeguards.Evolve(state, e),
            TravelDocumentRecorded or TravelScheduled or TravelSuspended or VictimDeparted or VictimHandedOver => Travelling.Evolve(state, e),
            ReintegrationPlanRecorded or FollowUpVisitScheduled or FollowUpVisitRecorded or FollowUpVisitOverdue or ReturnCaseClosed => Reintegrating.Evolve(state, e),
            _ => state,
        };
    }

    /// <summary>The state after <paramref name="events"/>, for rules that look at a decision's result.</summary>
    internal static ReturnCase After(ReturnCase state, IEnumerable<object> events) =>
        events.Aggregate(state, (current, e) => Evolve(current, e) ?? current);

    /// <summary>The referral with one change, for a slice's Evolve.</summary>
    internal static ReturnCase WithReferral(ReturnCase state, Func<Referral, Referral> change) =>
        state.Referral is { } referral ? state with { Referral = change(referral) } : state;
}
