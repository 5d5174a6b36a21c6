using TipReferral.Domain;
using TipReferral.Repatriation.ReturnCases;
using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.Repatriation.Tests.ReturnCases.Deciding;

/// <summary>
/// Given(events) / When(command) / Then(events or rule) for <see cref="ReturnCaseDecider"/>: one
/// case in Italy referred to an agency in Nigeria, a fixed clock, and the state folded through
/// <see cref="ReturnCaseDecider.Evolve"/> as the projection folds it. <see cref="ReadyAdult"/> and
/// <see cref="ReadyChild"/> meet every gate; a test leaves out or adds the one event it is about.
/// </summary>
internal static class ReturnCaseFixtures
{
    public const string Reference = "IT-2026-000042";
    public const string Country = "IT";
    public const string AgencyName = "NAPTIP Lagos";
    public const string AgencyCountry = "NG";

    public static readonly Guid CaseId = FixedId(0x42);
    public static readonly Guid ReferralId = FixedId(0xa1);
    public static readonly Guid AgencyId = FixedId(0xb1);
    public static readonly Guid PackageId = FixedId(0xc1);
    public static readonly Guid HoldId = FixedId(0xd1);
    public static readonly Guid VisitId = FixedId(0xe1);

    /// <summary>When the case was opened: 10 March 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset OpenedAt = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset RequestedAt = DaysLater(1);
    public static readonly DateTimeOffset AcknowledgeBy = DaysLater(4);
    public static readonly DateTimeOffset AnswerBy = DaysLater(15);

    /// <summary>When the commands of a test are issued, unless it says otherwise: after every answer, before travel.</summary>
    public static readonly DateTimeOffset Now = DaysLater(20);

    public static readonly DateOnly TravelOn = DayOf(DaysLater(30));

    public static readonly AddressedAgency Agency = new(AgencyId, AgencyCountry, AgencyName, AcceptsReferrals: true);

    public static readonly Escort AnEscort = new("Chiara Russo", "IOM Rome");

    public static readonly Consent AConsent = new(
        FixedId(0xf1), ConsentPurpose.CrossBorderReferral, new ConsentRecipient(AgencyCountry, AgencyName),
        ConsentGiver.Person, OpenedAt, ExpiresAt: null, WithdrawnAt: null, RecordedBy: null);

    /// <summary>A stable id, so that events built twice compare equal.</summary>
    public static Guid FixedId(int n) => new(0x019571a2, 0x3c4d, 0x7e5f, 0x8a, 0x6b, 0, 0, 0, 0, (byte)(n >> 8), (byte)n);

    public static DateTimeOffset DaysLater(int days) => OpenedAt.AddDays(days);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static SourceEvent From(string service, string eventType) => new(service, eventType, OpenedAt, Actor: null);

    // --- Folding and deciding -----------------------------------------------------------------

    public static ReturnCase? Given(params object[] events) => events.Aggregate((ReturnCase?)null, ReturnCaseDecider.Evolve);

    public static IReadOnlyList<object> When(this ReturnCase? state, ReturnCaseCommand command) => ReturnCaseDecider.Decide(command, state);

    /// <summary>The rule <paramref name="command"/> breaks on <paramref name="state"/>.</summary>
    public static RuleViolationException Refusing(this ReturnCase? state, ReturnCaseCommand command) =>
        Should.Throw<RuleViolationException>(() => ReturnCaseDecider.Decide(command, state));

    public static ReturnCase Then(this ReturnCase? state, IEnumerable<object> events) =>
        ReturnCaseDecider.After(state ?? throw new InvalidOperationException("No case to evolve."), events);

    /// <summary>The gates a refusal names, among all the gates there are.</summary>
    public static string[] GatesNamedBy(RuleViolationException refusal)
    {
        refusal.Rule.ShouldBe(ReturnGates.GatesNotMetRule);
        return [.. ReturnGates.All.Where(refusal.Message.Contains)];
    }

    // --- Events of the case's stream ----------------------------------------------------------

    public static ReturnCaseOpened Opened(bool child = false) => new(CaseId, Reference, Country, child, From("identification", "VictimCaseRegistered"));

    public static ReferralRequested Requested(bool child = false) => new(
        CaseId, ReferralId, AgencyId, AgencyCountry, AgencyName,
        child ? ReferralPurpose.FamilyReunificationOfChild : ReferralPurpose.VoluntaryReturnAndReintegration, DayOf(OpenedAt),
        "Francesca Bianchi", "I want to go home.", AConsent.ConsentId, PackageId, "signed-package", AcknowledgeBy, AnswerBy, RequestedAt);

    public static ReferralAcknowledged Acknowledged => new(CaseId, ReferralId, "Hauwa Musa", Guid.Empty, "signed-acknowledgement", DaysLater(2));

    public static ReferralAccepted Accepted => new(CaseId, ReferralId, "Shelter place in Abuja.", Guid.Empty, "signed-acceptance", DaysLater(3));

    public static ReferralDeclined Declined => new(CaseId, ReferralId, "No place for her at present.", Guid.Empty, "signed-decline", DaysLater(3));

    public static ReferralWithdrawn Withdrawn => new(CaseId, ReferralId, WithdrawalCause.ReturnDecisionWithdrawn, "She wants to stay.", DaysLater(5));

    public static RiskAssessmentContributed Risk(ReturnSide side, RiskLevel level) =>
        new(CaseId, ReferralId, side, level, level, "Safe accommodation.", level, "Recruiters still active.", DaysLater(4));

    public static BestInterestsDetermined BestInterests(bool returnInBestInterests) =>
        new(CaseId, ReferralId, "Tribunale per i minorenni di Torino", DayOf(DaysLater(5)), returnInBestInterests, "Wants to see her mother.", "Agrees.", "Family able to care.", DaysLater(5));

    public static FamilyTracingRecorded Traced(FamilyTracingOutcome outcome) => new(CaseId, ReferralId, outcome, "Mother in Benin City.", DaysLater(6));

    public static AlternativeCareRecorded AlternativeCareArranged => new(CaseId, ReferralId, "Foster family", "SOS Children's Villages", DaysLater(7));

    public static TravelDocumentRecorded TravelDocumentValidUntil(DateOnly expiresOn) =>
        new(CaseId, ReferralId, TravelDocumentType.EmergencyTravelCertificate, "ETC-123", "Consulate of Nigeria, Milan", expiresOn, DaysLater(8));

    public static TravelDocumentRecorded ValidTravelDocument => TravelDocumentValidUntil(TravelOn.AddYears(1));

    public static ReflectionPeriodNoted Reflection(ReflectionPeriodState state) => new(CaseId, state, From("shelter", "ReflectionPeriod" + state));

    public static LegalHoldNoted Hold(bool active, Guid? holdId = null) => new(CaseId, holdId ?? HoldId, active, From("legal", active ? "LegalHoldPlaced" : "LegalHoldReleased"));

    public static TravelScheduled Scheduled(bool escorted = false) =>
        new(CaseId, ReferralId, TravelOn, "MXP–ABV", escorted ? AnEscort.Name : null, escorted ? AnEscort.Organisation : null, null, null, DaysLater(10));

    public static VictimDeparted Departed => new(CaseId, ReferralId, StartOf(TravelOn).AddHours(8));

    public static VictimHandedOver HandedOver => new(CaseId, ReferralId, "Hauwa Musa", "Abuja airport", StartOf(TravelOn).AddHours(16), Guid.Empty, "signed-handover", StartOf(TravelOn).AddHours(17));

    public static FollowUpVisitScheduled VisitScheduled(DateOnly dueOn, Guid? visitId = null) => new(CaseId, ReferralId, visitId ?? VisitId, dueOn, StartOf(TravelOn).AddDays(1));

    // --- Cases in a given state -----------------------------------------------------------------

    /// <summary>An adult's referral meeting every gate but the command's own (consent, escort).</summary>
    public static object[] ReadyAdult =>
    [
        Opened(), Requested(), Acknowledged, Accepted, Risk(ReturnSide.Sending, RiskLevel.Medium), Risk(ReturnSide.Receiving, RiskLevel.Low),
        ValidTravelDocument, Reflection(ReflectionPeriodState.Ended),
    ];

    /// <summary>A child's referral meeting every gate, the family found suitable.</summary>
    public static object[] ReadyChild =>
    [
        Opened(child: true), Requested(child: true), Acknowledged, Accepted, Risk(ReturnSide.Sending, RiskLevel.Medium), Risk(ReturnSide.Receiving, RiskLevel.Low),
        BestInterests(true), Traced(FamilyTracingOutcome.FoundSuitable), ValidTravelDocument, Reflection(ReflectionPeriodState.Ended),
    ];

    public static object[] Without(this object[] events, object left) => [.. events.Where(e => !e.Equals(left))];

    public static object[] And(this object[] events, params object[] more) => [.. events, .. more];

    public static object[] ScheduledAdult => ReadyAdult.And(Scheduled());

    public static object[] HandedOverAdult => ScheduledAdult.And(Departed, HandedOver);

    // --- Commands -------------------------------------------------------------------------------

    public static RequestReferral Request(
        AddressedAgency? agency = null, ReferralPurpose purpose = ReferralPurpose.VoluntaryReturnAndReintegration, bool namesGuardian = false,
        Consent? consent = null, bool withoutConsent = false, DateOnly? decidedOn = null, DateTimeOffset? at = null) =>
        new(CaseId, ReferralId, agency ?? Agency, purpose, decidedOn ?? DayOf(OpenedAt), "Francesca Bianchi", "I want to go home.", namesGuardian, PackageId,
            "signed-package", withoutConsent ? null : consent ?? AConsent, AcknowledgeBy, AnswerBy, at ?? RequestedAt);

    public static ScheduleTravel Schedule(bool withConsent = true, bool escorted = false, DateOnly? travelOn = null) =>
        new(CaseId, travelOn ?? TravelOn, "MXP–ABV", escorted ? AnEscort : null, null, withConsent ? AConsent : null, Now);

    public static RecordDeparture Depart(bool withConsent = true, DateTimeOffset? at = null) => new(CaseId, withConsent ? AConsent : null, at ?? StartOf(TravelOn).AddHours(8));

    public static ConfirmHandover AHandover => new(CaseId, "Hauwa Musa", "Abuja airport", StartOf(TravelOn).AddHours(16), Guid.Empty, "signed-handover", StartOf(TravelOn).AddHours(17));

    public static ContributeRiskAssessment Contribute(ReturnSide side, RiskLevel level, RiskLevel? components = null) =>
        new(CaseId, side, components ?? level, components ?? level, "Safe accommodation.", level, "Recruiters still active.", Now);
}
