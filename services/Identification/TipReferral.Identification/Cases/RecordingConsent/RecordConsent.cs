using TipReferral.ServiceDefaults.Grpc;
using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed record RecordConsent(
    Guid CaseId, Guid ConsentId, ConsentPurpose Purpose, ConsentRecipient Recipient, ConsentGiver GivenBy, DateTimeOffset? ExpiresAt, Caller RecordedBy, DateTimeOffset Now)
    : VictimCaseCommand(CaseId, Now);

/// <summary>The person (or a child's guardian) gave informed consent to share their data for a purpose with a recipient.</summary>
public sealed record ConsentRecorded(
    Guid CaseId, Guid ConsentId, ConsentPurpose Purpose, ConsentRecipient Recipient, ConsentGiver GivenBy, DateTimeOffset? ExpiresAt, Caller RecordedBy, DateTimeOffset RecordedAt);

public static class ConsentRecording
{
    public const string ChildConsentByGuardianRule = "child-consent-by-guardian";
    public const string AdultConsentsInPersonRule = "adult-consents-in-person";
    public const string GuardianRequiredRule = "guardian-required";

    public static IReadOnlyList<object> Decide(RecordConsent command, VictimCase state)
    {
        PersonalDataErasure.EnsureNotErased(state);
        if (state.IsPresumedChild && command.GivenBy != ConsentGiver.Guardian)
        {
            throw new RuleViolationException(ChildConsentByGuardianRule, $"Case {state.Reference} is a (presumed) child's: consent is given by the guardian.");
        }

        if (state.IsPresumedChild && state.Guardian is null)
        {
            throw new RuleViolationException(GuardianRequiredRule, $"Case {state.Reference} has no guardian yet; appoint one before recording consent.");
        }

        if (!state.IsPresumedChild && command.GivenBy != ConsentGiver.Person)
        {
            throw new RuleViolationException(AdultConsentsInPersonRule, $"Case {state.Reference} is an adult's: only the person can consent.");
        }

        return SameConsentStillValid(command, state) is not null
            ? []
            : [new ConsentRecorded(command.CaseId, command.ConsentId, command.Purpose, command.Recipient, command.GivenBy, command.ExpiresAt, command.RecordedBy, command.Now)];
    }

    /// <summary>The valid consent the command would record again, if the case has it: a repeat records nothing.</summary>
    public static Consent? SameConsentStillValid(RecordConsent command, VictimCase state) =>
        state.Consents.FirstOrDefault(c => c.IsValidAt(command.Now)
            && c.Purpose == command.Purpose && c.Recipient == command.Recipient && c.GivenBy == command.GivenBy && c.ExpiresAt == command.ExpiresAt);

    public static VictimCase Evolve(VictimCase state, ConsentRecorded recorded) => state with
    {
        Consents = [.. state.Consents, new Consent(recorded.ConsentId, recorded.Purpose, recorded.Recipient, recorded.GivenBy, recorded.RecordedAt, recorded.ExpiresAt, WithdrawnAt: null, recorded.RecordedBy)],
        UpdatedAt = recorded.RecordedAt,
    };
}

public sealed class RecordConsentValidator : CaseCommandValidator<Proto.RecordConsentRequest>
{
    public RecordConsentValidator(TimeProvider clock)
    {
        RuleFor(x => x.Purpose).MustBeChosen();
        RuleFor(x => x.Recipient).NotNull().WithMessage("is required").SetValidator(new ConsentRecipientValidator());
        RuleFor(x => x.GivenBy).MustBeChosen();
        RuleFor(x => x.ExpiresAt)
            .Must(expiry => expiry is null || expiry.ToDateTimeOffset() > clock.GetUtcNow())
            .WithMessage("must be in the future (or left out for consent until withdrawn)");
    }
}

public sealed class ConsentRecipientValidator : AbstractValidator<Proto.ConsentRecipient>
{
    public ConsentRecipientValidator()
    {
        RuleFor(x => x.Country).MustBeCountry();
        RuleFor(x => x.Agency).MaximumLength(RuleBuilderExtensions.MaxTextLength);
    }
}

public sealed partial class VictimCasesService
{
    [Access(Roles.Screener, Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor)]
    public override async Task<Proto.RecordConsentResponse> RecordConsent(Proto.RecordConsentRequest request, ServerCallContext context)
    {
        var purpose = ProtoValues.ToDomain<ConsentPurpose>(request.Purpose);
        var recipient = request.Recipient.ToDomain();
        var givenBy = ProtoValues.ToDomain<ConsentGiver>(request.GivenBy);
        var expiresAt = request.ExpiresAt?.ToDateTimeOffset();
        var (version, command, before, events) = await DecideInFullAsync(
            request,
            (caseId, now) => new RecordConsent(caseId, Guid.CreateVersion7(now), purpose, recipient, givenBy, expiresAt, access.Caller, now),
            context.CancellationToken);

        // A repeated consent records nothing new: answer with the one already on the case.
        var consentId = events.OfType<ConsentRecorded>().SingleOrDefault()?.ConsentId
            ?? ConsentRecording.SameConsentStillValid((RecordConsent)command, before!)!.ConsentId;
        return new Proto.RecordConsentResponse { ConsentId = consentId.ToString(), Version = version };
    }
}
