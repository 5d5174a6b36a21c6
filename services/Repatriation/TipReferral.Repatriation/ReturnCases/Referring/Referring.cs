using TipReferral.Domain;
using TipReferral.PersonalData;

namespace TipReferral.Repatriation.ReturnCases;

/// <summary>The receiving agency as the directory lists it when the referral is made.</summary>
public sealed record AddressedAgency(Guid Id, string Country, string Name, bool AcceptsReferrals);

/// <summary>
/// The destination case worker refers the person to a named agency of the country of origin, on
/// the person's own decision to return. The package is already signed (by the case's country),
/// and the consent the identification service holds for that recipient is looked up by the edge.
/// </summary>
public sealed record RequestReferral(
    Guid CaseId,
    Guid ReferralId,
    AddressedAgency Agency,
    ReferralPurpose Purpose,
    DateOnly DecidedOn,
    string InformedBy,
    string Statement,
    bool PackageNamesGuardian,
    Guid PackageDocumentId,
    string PackageDocument,
    Consent? Consent,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset AnswerBy,
    DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public sealed record WithdrawReturnDecision(Guid CaseId, string Reason, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

/// <summary>A consent was withdrawn; <paramref name="ReferralStillCovered"/> says whether another valid consent still covers the referral's recipient.</summary>
public sealed record NoteConsentWithdrawn(Guid CaseId, Guid ConsentId, bool ReferralStillCovered, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public enum WithdrawalCause
{
    ReturnDecisionWithdrawn,
    ConsentWithdrawn,
}

public sealed record ReferralRequested(
    Guid CaseId,
    Guid ReferralId,
    Guid AgencyId,
    string ReceivingCountry,
    string ReceivingAgency,
    ReferralPurpose Purpose,
    DateOnly DecidedOn,
    [PersonalData] string InformedBy,
    [PersonalData] string Statement,
    Guid ConsentId,
    Guid PackageDocumentId,
    [PersonalData] string PackageDocument,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset AnswerBy,
    DateTimeOffset RequestedAt);

public sealed record ReferralWithdrawn(Guid CaseId, Guid ReferralId, WithdrawalCause Cause, [PersonalData] string Reason, DateTimeOffset WithdrawnAt) : IHasReason;

public static class Referring
{
    public const string NoActiveReferralRule = "no-active-referral";
    public const string ReferralAlreadyActiveRule = "referral-already-active";
    public const string AgencyInCaseCountryRule = "receiving-agency-in-case-country";
    public const string AgencyNotAcceptingRule = "agency-not-accepting-referrals";
    public const string GuardianRequiredRule = "guardian-required-for-child";
    public const string GuardianOnlyForChildRule = "guardian-only-for-child";
    public const string PurposeOnlyForChildRule = "purpose-only-for-child";
    public const string DecisionInFutureRule = "return-decision-in-future";
    public const string AlreadyDepartedRule = "already-departed";

    public static IReadOnlyList<object> Decide(RequestReferral command, ReturnCase state)
    {
        if (state.ActiveReferral is { } active)
        {
            return active.AgencyId == command.Agency.Id
                ? []
                : throw new RuleViolationException(ReferralAlreadyActiveRule, $"Case {state.Reference} is already referred to {active.ReceivingAgency} ({active.ReceivingCountry}); withdraw that referral first.");
        }

        if (command.Agency.Country == state.Country)
        {
            throw new RuleViolationException(AgencyInCaseCountryRule, $"{command.Agency.Name} is in {state.Country}, the case's own country: a cross-border referral goes to the country of origin.");
        }

        if (!command.Agency.AcceptsReferrals)
        {
            throw new RuleViolationException(AgencyNotAcceptingRule, $"{command.Agency.Name} ({command.Agency.Country}) does not accept referrals at present.");
        }

        if (command.Consent is null)
        {
            throw new RuleViolationException(
                ConsentRules.ConsentRequiredRule,
                $"There is no valid consent for {ConsentPurpose.CrossBorderReferral} to {new ConsentRecipient(command.Agency.Country, command.Agency.Name)}: it was never given, has expired or was withdrawn.");
        }

        // No one is asked to decide on return while recovering: the person may end the period early at their own request.
        if (state.ReflectionPeriod == ReflectionPeriodState.Running)
        {
            throw new RuleViolationException(
                ReturnGates.GatesNotMetRule,
                $"A referral waits for the reflection and recovery period; unmet gates: {ReturnGates.ReflectionPeriod} (the period is still running; the person may end it early at their own request).");
        }

        if (command.DecidedOn > DateOnly.FromDateTime(command.Now.UtcDateTime))
        {
            throw new RuleViolationException(DecisionInFutureRule, $"The person's decision to return is recorded once made, not on {command.DecidedOn:yyyy-MM-dd}.");
        }

        EnsureFitsPerson(command, state);
        return
        [
            new ReferralRequested(
                command.CaseId, command.ReferralId, command.Agency.Id, command.Agency.Country, command.Agency.Name, command.Purpose, command.DecidedOn,
                command.InformedBy, command.Statement, command.Consent.ConsentId, command.PackageDocumentId, command.PackageDocument,
                command.AcknowledgeBy, command.AnswerBy, command.Now),
        ];
    }

    /// <summary>A child's referral names the guardian and says where the child goes; an adult's package carries no guardian (minimal disclosure).</summary>
    private static void EnsureFitsPerson(RequestReferral command, ReturnCase state)
    {
        if (state.IsChild && !command.PackageNamesGuardian)
        {
            throw new RuleViolationException(GuardianRequiredRule, $"Case {state.Reference} is of a child: the disclosure package names the child's guardian.");
        }

        if (!state.IsChild && command.PackageNamesGuardian)
        {
            throw new RuleViolationException(GuardianOnlyForChildRule, "An adult has no guardian to disclose: leave it out of the package.");
        }

        if (!state.IsChild && command.Purpose != ReferralPurpose.VoluntaryReturnAndReintegration)
        {
            throw new RuleViolationException(PurposeOnlyForChildRule, $"{command.Purpose} is a purpose for a child's return.");
        }
    }

    /// <summary>The person may change their mind at any time before departure.</summary>
    public static IReadOnlyList<object> Decide(WithdrawReturnDecision command, ReturnCase state)
    {
        if (state.Referral is { Status: ReferralStatus.Withdrawn })
        {
            return [];
        }

        var referral = ReturnCaseDecider.ActiveReferralOf(state);
        if (referral.HasDeparted)
        {
            throw new RuleViolationException(AlreadyDepartedRule, $"The person already left for {referral.ReceivingCountry}; a decision to return can be withdrawn only before departure.");
        }

        return [new ReferralWithdrawn(command.CaseId, referral.Id, WithdrawalCause.ReturnDecisionWithdrawn, command.Reason, command.Now)];
    }

    /// <summary>Without a valid consent for its recipient, a referral not yet travelled stops at once.</summary>
    public static IReadOnlyList<object> Decide(NoteConsentWithdrawn command, ReturnCase state) =>
        state.ActiveReferral is { HasDeparted: false } referral && !command.ReferralStillCovered
            ? [new ReferralWithdrawn(command.CaseId, referral.Id, WithdrawalCause.ConsentWithdrawn, "The person's consent to share with the receiving agency was withdrawn.", command.Now)]
            : [];

    public static ReturnCase Evolve(ReturnCase state, object e) => e switch
    {
        ReferralRequested requested => state with
        {
            Referral = new Referral(
                requested.ReferralId, requested.AgencyId, requested.ReceivingCountry, requested.ReceivingAgency, requested.Purpose, ReferralStatus.Requested,
                requested.RequestedAt, requested.AcknowledgeBy, requested.AnswerBy, AcknowledgedAt: null, ContactPerson: null,
                requested.PackageDocumentId, PackageRevision: 1, RiskContributions: [], FamilyTracing: null, AlternativeCare: null, BestInterests: null,
                TravelDocument: null, Travel: null, Handover: null, Plan: null, Visits: [], Outcome: null, Reason: null, Escalated: []),
        },
        ReferralWithdrawn withdrawn => ReturnCaseDecider.WithReferral(state, r => r with { Status = ReferralStatus.Withdrawn, Reason = withdrawn.Reason }),
        _ => state,
    };
}
