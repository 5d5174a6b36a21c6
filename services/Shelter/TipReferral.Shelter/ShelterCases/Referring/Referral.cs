using FluentValidation;
using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Consent;
using TipReferral.ServiceDefaults.Validation;
using TipReferral.PersonalData;
using TipReferral.Shelter.Shelters;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.ShelterCases;

public sealed record ReferToShelter(Guid CaseId, Guid ShelterId, string Reason, DateTimeOffset Now) : ShelterCaseCommand(CaseId, Now)
{
    public override IEnumerable<Guid> SheltersTouched(ShelterCase? state) => [ShelterId];
}

/// <summary>The consent the person gave for shelter referral to this recipient was withdrawn.</summary>
public sealed record WithdrawReferralForLackOfConsent(Guid CaseId, string RecipientCountry, string? RecipientAgency, DateTimeOffset Now)
    : ShelterCaseCommand(CaseId, Now)
{
    public override IEnumerable<Guid> SheltersTouched(ShelterCase? state) => state?.ReferredTo is { } shelter ? [shelter] : [];
}

public sealed record ShelterReferralMade(Guid CaseId, Guid ShelterId, string ShelterName, [PersonalData] string Reason, DateTimeOffset ReferredAt) : IHasReason;

/// <summary>A referral that lapsed before admission; the reason is the system's, never personal.</summary>
public sealed record ShelterReferralWithdrawn(Guid CaseId, Guid ShelterId, string Reason, DateTimeOffset WithdrawnAt) : IHasReason;

public static class Referral
{
    public const string AlreadyInShelterRule = "already-in-shelter";
    public const string ConsentWithdrawal = "The person withdrew consent to the referral.";
    public const string CaseClosedWithdrawal = "The case was closed by the identification service.";
    public const string ReferredElsewhere = "Referred to another shelter.";

    public static IReadOnlyList<object> Decide(ReferToShelter command, ShelterCase state, RegisteredShelter shelter)
    {
        ShelterCaseDecider.EnsureOpen(state);
        if (state.Status == PlacementStatus.InShelter)
        {
            throw new RuleViolationException(AlreadyInShelterRule, $"Case {state.Reference} is in a shelter; transfer the person instead.");
        }

        if (state.ReferredTo == command.ShelterId)
        {
            return [];
        }

        Admission.EnsureMayHouse(state, shelter, state.IsPresumedChild ? ResidentGroup.Children : null);
        var referral = new ShelterReferralMade(command.CaseId, shelter.Id, shelter.Name, command.Reason, command.Now);
        return state.ReferredTo is { } earlier
            ? [new ShelterReferralWithdrawn(command.CaseId, earlier, ReferredElsewhere, command.Now), referral]
            : [referral];
    }

    public static IReadOnlyList<object> Decide(WithdrawReferralForLackOfConsent command, ShelterCase state, IReadOnlyDictionary<Guid, RegisteredShelter> shelters) =>
        state.ReferredTo is { } shelterId && shelters.TryGetValue(shelterId, out var shelter)
            && new ConsentRecipient(command.RecipientCountry, command.RecipientAgency).Covers(shelter.Country, shelter.Agency)
            ? [new ShelterReferralWithdrawn(command.CaseId, shelterId, ConsentWithdrawal, command.Now)]
            : [];
}

public sealed class ReferToShelterValidator : CaseCommandValidator<Proto.ReferToShelterRequest>
{
    public ReferToShelterValidator()
    {
        RuleFor(x => x.ShelterId).MustBeId();
        RuleFor(x => x.Reason).MaximumLength(RuleBuilderExtensions.MaxReasonLength);
    }
}

public sealed partial class ShelterCasesService
{
    /// <summary>Refers the case to a shelter; the shelter's agency receives it only with the person's consent to shelter referral.</summary>
    [Access(Roles.Screener, Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor)]
    public override async Task<CaseVersion> ReferToShelter(Proto.ReferToShelterRequest request, ServerCallContext context)
    {
        // Reach first: a case out of reach is refused as such, before anything about its consents is told.
        access.EnsureMayReach(await CountryOfAsync(request.CaseId, context.CancellationToken), Guid.Parse(request.CaseId));
        var shelter = await session.LoadAsync<RegisteredShelter>(Guid.Parse(request.ShelterId), context.CancellationToken)
            ?? throw new NotFoundException("shelter", request.ShelterId);
        await session.RequireConsentAsync(
            Guid.Parse(request.CaseId), ConsentPurpose.ShelterReferral, shelter.Country, shelter.Agency, clock.GetUtcNow(), context.CancellationToken);
        return await DecideAsync(
            request, (caseId, now) => new ReferToShelter(caseId, shelter.Id, request.Reason.Trim(), now), context.CancellationToken);
    }
}
