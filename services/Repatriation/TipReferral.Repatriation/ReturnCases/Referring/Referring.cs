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

/// <summary>
/// The destination side replaces the package before departure with the next revision, already
/// signed; <paramref name="AnswerAgainBy"/> is when the agency must answer again if it had accepted.
/// </summary>
public sealed record AmendDisclosurePackage(
    Guid CaseId,
    bool PackageNamesGuardian,
    Guid PackageDocumentId,
    string PackageDocument,
    string Reason,
    Consent? Consent,
    DateTimeOffset AnswerAgainBy,
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

/// <summary>
/// A new revision of the package replaced the earlier one. <paramref name="AnswerAgainBy"/> is set
/// when the agency had accepted an earlier revision: its acceptance no longer counts, and it answers
/// this revision by then.
/// </summary>
public sealed record DisclosurePackageAmended(
    Guid CaseId,
    Guid ReferralId,
    int Revision,
    Guid PackageDocumentId,
    [PersonalData] string PackageDocument,
    [PersonalData] string Reason,
    DateTimeOffset? AnswerAgainBy,
    DateTimeOffset AmendedAt) : IHasReason;

/// <summary>
/// The person withdrew the consent the package was shared under after they had left: the return
/// goes on, but the receiving agency no longer holds the package.
/// </summary>
public sealed record DisclosurePackageRevoked(Guid CaseId, Guid ReferralId, Guid ConsentId, DateTimeOffset RevokedAt);

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

        var consent = EnsureConsent(command.Consent, command.Agency.Country, command.Agency.Name);

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

        EnsureFitsPerson(command.PackageNamesGuardian, command.Purpose, state);
        return
        [
            new ReferralRequested(
                command.CaseId, command.ReferralId, command.Agency.Id, command.Agency.Country, command.Agency.Name, command.Purpose, command.DecidedOn,
                command.InformedBy, command.Statement, consent.ConsentId, command.PackageDocumentId, command.PackageDocument,
                command.AcknowledgeBy, command.AnswerBy, command.Now),
        ];
    }

    /// <summary>
    /// The package may change until departure. The agency accepted the revision it read, so amending
    /// an accepted referral asks it to answer again, and a scheduled travel waits for that answer.
    /// </summary>
    public static IReadOnlyList<object> Decide(AmendDisclosurePackage command, ReturnCase state)
    {
        var referral = ReturnCaseDecider.ActiveReferralOf(state);
        Travelling.EnsureNotDeparted(referral);
        EnsureConsent(command.Consent, referral.ReceivingCountry, referral.ReceivingAgency);
        EnsureFitsPerson(command.PackageNamesGuardian, referral.Purpose, state);
        var amended = new DisclosurePackageAmended(
            command.CaseId, referral.Id, referral.PackageRevision + 1, command.PackageDocumentId, command.PackageDocument, command.Reason,
            referral.IsAccepted ? command.AnswerAgainBy : null, command.Now);
        return referral.Status == ReferralStatus.TravelScheduled
            ? [new TravelSuspended(command.CaseId, referral.Id, [ReturnGates.Accepted], command.Now), amended]
            : [amended];
    }

    private static Consent EnsureConsent(Consent? consent, string agencyCountry, string agencyName) =>
        consent ?? throw new RuleViolationException(
            ConsentRules.ConsentRequiredRule,
            $"There is no valid consent for {ConsentPurpose.CrossBorderReferral} to {new ConsentRecipient(agencyCountry, agencyName)}: it was never given, has expired or was withdrawn.");

    /// <summary>A child's referral names the guardian and says where the child goes; an adult's package carries no guardian (minimal disclosure).</summary>
    private static void EnsureFitsPerson(bool packageNamesGuardian, ReferralPurpose purpose, ReturnCase state)
    {
        if (state.IsChild && !packageNamesGuardian)
        {
            throw new RuleViolationException(GuardianRequiredRule, $"Case {state.Reference} is of a child: the disclosure package names the child's guardian.");
        }

        if (!state.IsChild && packageNamesGuardian)
        {
            throw new RuleViolationException(GuardianOnlyForChildRule, "An adult has no guardian to disclose: leave it out of the package.");
        }

        if (!state.IsChild && purpose != ReferralPurpose.VoluntaryReturnAndReintegration)
        {
            throw new RuleViolationException(PurposeOnlyForChildRule, $"{purpose} is a purpose for a child's return.");
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

    /// <summary>
    /// Without a valid consent for its recipient, a referral not yet travelled stops at once. After
    /// departure (even once closed) the person is on the way or home, so the return stands and only
    /// the sharing ends: the agency works with the person directly from then on.
    /// </summary>
    public static IReadOnlyList<object> Decide(NoteConsentWithdrawn command, ReturnCase state) => state.Referral switch
    {
        _ when command.ReferralStillCovered => [],
        { IsActive: true, HasDeparted: false } referral =>
            [new ReferralWithdrawn(command.CaseId, referral.Id, WithdrawalCause.ConsentWithdrawn, "The person's consent to share with the receiving agency was withdrawn.", command.Now)],
        { HasDeparted: true, PackageRevoked: false } referral => [new DisclosurePackageRevoked(command.CaseId, referral.Id, command.ConsentId, command.Now)],
        _ => [],
    };

    public static ReturnCase Evolve(ReturnCase state, object e) => e switch
    {
        ReferralRequested requested => state with
        {
            Referral = new Referral(
                requested.ReferralId, requested.AgencyId, requested.ReceivingCountry, requested.ReceivingAgency, requested.Purpose, ReferralStatus.Requested,
                requested.RequestedAt, requested.AcknowledgeBy, requested.AnswerBy, AcknowledgedAt: null, ContactPerson: null,
                requested.PackageDocumentId, PackageRevision: 1, RiskContributions: [], FamilyTracing: null, AlternativeCare: null, BestInterests: null,
                TravelDocument: null, Travel: null, Handover: null, Plan: null, Visits: [], Outcome: null, Reason: null, Escalated: [], PackageRevoked: false),
        },
        DisclosurePackageAmended amended => ReturnCaseDecider.WithReferral(state, r =>
        {
            var revised = r with { PackageDocumentId = amended.PackageDocumentId, PackageRevision = amended.Revision };
            return amended.AnswerAgainBy is { } answerBy
                ? revised with
                {
                    Status = ReferralStatus.Acknowledged,
                    AnswerBy = answerBy,
                    Escalated = [.. r.Escalated.Where(awaiting => awaiting != AwaitedAnswer.AcceptanceOrDecline)],
                }
                : revised;
        }),
        DisclosurePackageRevoked => ReturnCaseDecider.WithReferral(state, r => r with { PackageRevoked = true }),
        ReferralWithdrawn withdrawn => ReturnCaseDecider.WithReferral(state, r => r with { Status = ReferralStatus.Withdrawn, Reason = withdrawn.Reason }),
        _ => state,
    };
}
