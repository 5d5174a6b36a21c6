using TipReferral.Domain;
using TipReferral.PersonalData;

namespace TipReferral.Repatriation.ReturnCases;

public enum TravelDocumentType
{
    Passport,
    EmergencyTravelCertificate,
    LaissezPasser,
}

public sealed record TravelDocument(TravelDocumentType Type, string IssuedBy, DateOnly ExpiresOn);

public sealed record Escort(string Name, string Organisation);

/// <summary>Financial support on return, in minor units of an ISO 4217 currency.</summary>
public sealed record FinancialSupport(long AmountMinor, string Currency);

public sealed record TravelPlan(DateOnly TravelOn, bool Escorted, DateTimeOffset ScheduledAt);

public sealed record Handover(DateTimeOffset HandedOverAt);

public sealed record RecordTravelDocument(Guid CaseId, TravelDocumentType Type, string Number, string IssuedBy, DateOnly ExpiresOn, DateTimeOffset Now)
    : ReturnCaseCommand(CaseId, Now);

/// <summary><paramref name="Consent"/> is the valid consent for the referral's recipient that the edge found in the ledger (null: none).</summary>
public sealed record ScheduleTravel(
    Guid CaseId, DateOnly TravelOn, string Itinerary, Escort? Escort, FinancialSupport? Support, Consent? Consent, DateTimeOffset Now)
    : ReturnCaseCommand(CaseId, Now);

public sealed record RecordDeparture(Guid CaseId, Consent? Consent, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public sealed record ConfirmHandover(Guid CaseId, string ReceivedBy, string Place, DateTimeOffset HandedOverAt, Guid DocumentId, string Document, DateTimeOffset Now)
    : SignedAnswer(CaseId, DocumentId, Document, Now);

public sealed record TravelDocumentRecorded(
    Guid CaseId, Guid ReferralId, TravelDocumentType Type, [PersonalData] string Number, string IssuedBy, DateOnly ExpiresOn, DateTimeOffset RecordedAt);

public sealed record TravelScheduled(
    Guid CaseId,
    Guid ReferralId,
    DateOnly TravelOn,
    [PersonalData] string Itinerary,
    [PersonalData] string? EscortName,
    string? EscortOrganisation,
    long? SupportAmountMinor,
    string? SupportCurrency,
    DateTimeOffset ScheduledAt);

/// <summary>A gate broke after travel was scheduled: the travel waits until it is scheduled again.</summary>
public sealed record TravelSuspended(Guid CaseId, Guid ReferralId, IReadOnlyList<string> BrokenGates, DateTimeOffset SuspendedAt);

public sealed record VictimDeparted(Guid CaseId, Guid ReferralId, DateTimeOffset DepartedAt);

/// <summary>The receiving agency received the person (who, where, when): from now on it owns the reintegration.</summary>
public sealed record VictimHandedOver(
    Guid CaseId, Guid ReferralId, [PersonalData] string ReceivedBy, [PersonalData] string Place, DateTimeOffset HandedOverAt, Guid DocumentId,
    [PersonalData] string Document, DateTimeOffset RecordedAt);

/// <summary>Travel documents, the hard gates, departure, arrival and handover.</summary>
public static class Travelling
{
    public const string TravelDatePassedRule = "travel-date-passed";
    public const string NotScheduledRule = "travel-not-scheduled";
    public const string NotDepartedRule = "not-departed";
    public const string AcceptanceNeededRule = "referral-not-accepted";

    public static IReadOnlyList<object> Decide(RecordTravelDocument command, ReturnCase state)
    {
        var referral = ReturnCaseDecider.ActiveReferralOf(state);
        EnsureNotDeparted(referral);
        return referral.TravelDocument == new TravelDocument(command.Type, command.IssuedBy, command.ExpiresOn)
            ? []
            : [new TravelDocumentRecorded(command.CaseId, referral.Id, command.Type, command.Number, command.IssuedBy, command.ExpiresOn, command.Now)];
    }

    public static IReadOnlyList<object> Decide(ScheduleTravel command, ReturnCase state)
    {
        var referral = ReturnCaseDecider.ActiveReferralOf(state);
        EnsureNotDeparted(referral);
        if (command.TravelOn < DateOnly.FromDateTime(command.Now.UtcDateTime))
        {
            throw new RuleViolationException(TravelDatePassedRule, $"Travel cannot be scheduled for a past date ({command.TravelOn:yyyy-MM-dd}).");
        }

        ReturnGates.EnsureAllMet(ReturnGates.Evaluate(state, command.TravelOn, command.Escort is not null, command.Consent));
        if (referral is { Status: ReferralStatus.TravelScheduled, Travel: { } planned } && planned.TravelOn == command.TravelOn)
        {
            return [];
        }

        return
        [
            new TravelScheduled(
                command.CaseId, referral.Id, command.TravelOn, command.Itinerary, command.Escort?.Name, command.Escort?.Organisation,
                command.Support?.AmountMinor, command.Support?.Currency, command.Now),
        ];
    }

    /// <summary>The gates are checked again on the day: a consent or document that lapsed since scheduling stops the departure.</summary>
    public static IReadOnlyList<object> Decide(RecordDeparture command, ReturnCase state)
    {
        var referral = ReturnCaseDecider.ActiveReferralOf(state);
        if (referral.HasDeparted)
        {
            return [];
        }

        if (referral is not { Status: ReferralStatus.TravelScheduled, Travel: { } travel })
        {
            throw new RuleViolationException(NotScheduledRule, $"No travel is scheduled ({referral.Status}).");
        }

        var today = DateOnly.FromDateTime(command.Now.UtcDateTime);
        ReturnGates.EnsureAllMet(ReturnGates.Evaluate(state, today > travel.TravelOn ? today : travel.TravelOn, travel.Escorted, command.Consent));
        return [new VictimDeparted(command.CaseId, referral.Id, command.Now)];
    }

    public static IReadOnlyList<object> Decide(ConfirmHandover command, ReturnCase state)
    {
        var referral = state.Referral ?? throw new RuleViolationException(Referring.NoActiveReferralRule, $"Case {state.Reference} has no referral.");
        return referral.Status switch
        {
            ReferralStatus.Departed => [new VictimHandedOver(command.CaseId, referral.Id, command.ReceivedBy, command.Place, command.HandedOverAt, command.DocumentId, command.Document, command.Now)],
            ReferralStatus.HandedOver or ReferralStatus.Closed => [],
            _ => throw new RuleViolationException(NotDepartedRule, $"The person has not departed ({referral.Status}); a handover follows the travel."),
        };
    }

    /// <summary>
    /// After any decision: a scheduled travel whose gates no longer all hold (a hold placed, a
    /// determination revised, a risk raised) is suspended at once, in the same transaction.
    /// </summary>
    public static IReadOnlyList<object> SuspendIfGatesBroke(ReturnCase before, IReadOnlyList<object> events, DateTimeOffset now)
    {
        if (events.Count == 0 || before.Referral is not { Status: ReferralStatus.TravelScheduled })
        {
            return [];
        }

        var after = ReturnCaseDecider.After(before, events);
        if (after.Referral is not { Status: ReferralStatus.TravelScheduled, Travel: { } travel } referral)
        {
            return [];
        }

        var broken = ReturnGates.Unmet(ReturnGates.Evaluate(after, travel.TravelOn, travel.Escorted, consent: null, checkConsent: false));
        return broken.Count == 0 ? [] : [new TravelSuspended(before.Id, referral.Id, [.. broken.Select(g => g.Gate)], now)];
    }

    internal static void EnsureNotDeparted(Referral referral)
    {
        if (referral.HasDeparted)
        {
            throw new RuleViolationException(Referring.AlreadyDepartedRule, $"The person already left for {referral.ReceivingCountry}.");
        }
    }

    public static ReturnCase Evolve(ReturnCase state, object e) => e switch
    {
        TravelDocumentRecorded recorded => ReturnCaseDecider.WithReferral(state, r => r with
        {
            TravelDocument = new TravelDocument(recorded.Type, recorded.IssuedBy, recorded.ExpiresOn),
        }),
        TravelScheduled scheduled => ReturnCaseDecider.WithReferral(state, r => r with
        {
            Status = ReferralStatus.TravelScheduled,
            Travel = new TravelPlan(scheduled.TravelOn, scheduled.EscortOrganisation is not null, scheduled.ScheduledAt),
        }),
        TravelSuspended => ReturnCaseDecider.WithReferral(state, r => r with { Status = ReferralStatus.TravelSuspended }),
        VictimDeparted => ReturnCaseDecider.WithReferral(state, r => r with { Status = ReferralStatus.Departed }),
        VictimHandedOver handedOver => ReturnCaseDecider.WithReferral(state, r => r with
        {
            Status = ReferralStatus.HandedOver,
            Handover = new Handover(handedOver.HandedOverAt),
        }),
        _ => state,
    };
}
