using FluentValidation;
using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using TipReferral.Shelter.Shelters;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.ShelterCases;

/// <summary>Why a child is placed before a guardian is appointed: recorded, since it is an exception to the rule.</summary>
public sealed record EmergencyException([PersonalData] string Reason);

public sealed record AdmitToShelter(
    Guid CaseId, Guid ShelterId, ResidentGroup Group, bool NeedsWheelchairAccess, EmergencyException? EmergencyException, ReflectionPolicy Policy, DateTimeOffset Now)
    : ShelterCaseCommand(CaseId, Now)
{
    public override IEnumerable<Guid> SheltersTouched(ShelterCase? state) => [ShelterId];
}

public sealed record VictimAdmittedToShelter(
    Guid CaseId, Guid ShelterId, string ShelterName, ResidentGroup Group, bool NeedsWheelchairAccess, EmergencyException? EmergencyException, DateTimeOffset AdmittedAt);

public static class Admission
{
    public const string AtCapacityRule = "shelter-at-capacity";
    public const string ShelterClosedRule = "shelter-closed";
    public const string OtherCountryRule = "shelter-in-another-country";
    public const string GroupNotTakenRule = "shelter-does-not-take-group";
    public const string ChildNeedsChildShelterRule = "child-needs-child-shelter";
    public const string ChildNeedsGuardianRule = "child-needs-guardian-or-emergency-exception";
    public const string NotAccessibleRule = "shelter-not-wheelchair-accessible";

    public static IReadOnlyList<object> Decide(AdmitToShelter command, ShelterCase state, RegisteredShelter shelter)
    {
        if (state.CurrentPlacement is { } current)
        {
            return current.ShelterId == command.ShelterId
                ? []
                : throw new RuleViolationException(Referral.AlreadyInShelterRule, $"Case {state.Reference} is in shelter {current.ShelterName}; transfer the person instead.");
        }

        ShelterCaseDecider.EnsureOpen(state);

        var group = state.IsPresumedChild ? ResidentGroup.Children : command.Group;
        EnsureMayHouse(state, shelter, group);
        EnsureGuardianOrException(state, command.EmergencyException);
        EnsureAccessible(shelter, command.NeedsWheelchairAccess);
        EnsureFreeBed(shelter);

        return
        [
            new VictimAdmittedToShelter(
                command.CaseId, shelter.Id, shelter.Name, group, command.NeedsWheelchairAccess, state.IsPresumedChild ? command.EmergencyException : null, command.Now),
            new ShelterBedTaken(shelter.Id, command.CaseId, command.Now),
            .. ReflectionPeriods.StartOn(ReflectionPeriodStart.Admission, command.Policy, state, command.CaseId, command.Now),
        ];
    }

    /// <summary>The shelter is of the case's country, open, and takes the group the person is placed as (a child: only a shelter that takes children).</summary>
    internal static void EnsureMayHouse(ShelterCase state, RegisteredShelter shelter, ResidentGroup? group)
    {
        if (shelter.Country != state.Country)
        {
            throw new RuleViolationException(
                OtherCountryRule, $"Shelter {shelter.Name} is in {shelter.Country}, case {state.Reference} in {state.Country}; a move across borders is a repatriation referral.");
        }

        if (!shelter.Open)
        {
            throw new RuleViolationException(ShelterClosedRule, $"Shelter {shelter.Name} is closed to admissions.");
        }

        if (state.IsPresumedChild && !shelter.Takes(ResidentGroup.Children))
        {
            throw new RuleViolationException(ChildNeedsChildShelterRule, $"Case {state.Reference} is a (presumed) child's; shelter {shelter.Name} does not take children.");
        }

        if (group is { } placedAs && !shelter.Takes(placedAs))
        {
            throw new RuleViolationException(GroupNotTakenRule, $"Shelter {shelter.Name} does not take {placedAs}; it takes {string.Join(", ", shelter.Accepts)}.");
        }
    }

    internal static void EnsureGuardianOrException(ShelterCase state, EmergencyException? exception)
    {
        if (state.IsPresumedChild && !state.GuardianAppointed && exception is null)
        {
            throw new RuleViolationException(
                ChildNeedsGuardianRule,
                $"Case {state.Reference} is a (presumed) child's with no guardian appointed yet; record an emergency exception to place the child now.");
        }
    }

    internal static void EnsureAccessible(RegisteredShelter shelter, bool needsWheelchairAccess)
    {
        if (needsWheelchairAccess && !shelter.WheelchairAccessible)
        {
            throw new RuleViolationException(NotAccessibleRule, $"Shelter {shelter.Name} is not wheelchair accessible.");
        }
    }

    /// <summary>Capacity is never exceeded: decided while the shelter's stream is locked, so concurrent admissions queue here.</summary>
    internal static void EnsureFreeBed(RegisteredShelter shelter)
    {
        if (shelter.Occupied >= shelter.Capacity)
        {
            throw new RuleViolationException(
                AtCapacityRule, $"Shelter {shelter.Name} is at capacity: {shelter.Occupied} of {shelter.Capacity} beds are taken.");
        }
    }
}

public sealed class AdmitToShelterValidator : CaseCommandValidator<Proto.AdmitToShelterRequest>
{
    public AdmitToShelterValidator()
    {
        RuleFor(x => x.ShelterId).MustBeId();
        RuleFor(x => x.Group).MustBeChosen();
        When(x => x.EmergencyException is not null, () => RuleFor(x => x.EmergencyException.Reason).MustBeReason());
    }
}

public sealed partial class ShelterCasesService
{
    [Access(Roles.ShelterStaff, Roles.Supervisor)]
    public override Task<CaseVersion> AdmitToShelter(Proto.AdmitToShelterRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new AdmitToShelter(
                caseId, Guid.Parse(request.ShelterId), ProtoValues.ToDomain<ResidentGroup>(request.Group), request.NeedsWheelchairAccess,
                ShelterCaseMapping.ToDomain(request.EmergencyException), reflectionPeriods.For(access.Caller.Country), now),
            context.CancellationToken);
}
