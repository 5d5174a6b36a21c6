using TipReferral.ServiceDefaults.Grpc;
using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using CaseVersion = TipReferral.Contracts.Common.V1.CaseVersion;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed record ShareCase(Guid CaseId, ConsentPurpose Purpose, ConsentRecipient Recipient, string Reason, DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

/// <summary>The case was shared with an agency of its country, on the strength of the named consent.</summary>
public sealed record VictimCaseShared(Guid CaseId, ConsentPurpose Purpose, ConsentRecipient Recipient, Guid ConsentId, [PersonalData] string Reason, DateTimeOffset SharedAt) : IHasReason;

public static class CaseSharing
{
    public const string CrossBorderViaReferralRule = "cross-border-sharing-via-referral";
    public const string PurposeNotSharedHereRule = "purpose-not-shared-here";

    public static IReadOnlyList<object> Decide(ShareCase command, VictimCase state)
    {
        PersonalDataErasure.EnsureNotErased(state);
        if (command.Purpose is not (ConsentPurpose.ShelterReferral or ConsentPurpose.ProsecutionCooperation))
        {
            throw new RuleViolationException(PurposeNotSharedHereRule, $"{command.Purpose} is not shared from the victim case: cross-border referral goes through repatriation, statistics are aggregated.");
        }

        if (command.Recipient.Country != state.Country)
        {
            throw new RuleViolationException(CrossBorderViaReferralRule, $"Case {state.Reference} belongs to {state.Country}; sharing it with {command.Recipient.Country} needs a cross-border referral.");
        }

        var consent = ConsentRules.Require(state.Consents, command.Purpose, command.Recipient.Country, command.Recipient.Agency!, command.Now);
        return [new VictimCaseShared(command.CaseId, command.Purpose, command.Recipient, consent.ConsentId, command.Reason, command.Now)];
    }
}

public sealed class ShareCaseValidator : CaseCommandValidator<Proto.ShareCaseRequest>
{
    public ShareCaseValidator()
    {
        RuleFor(x => x.Purpose).MustBeChosen();
        RuleFor(x => x.Recipient).NotNull().WithMessage("is required");
        When(x => x.Recipient is not null, () =>
        {
            RuleFor(x => x.Recipient.Country).MustBeCountry();
            RuleFor(x => x.Recipient.Agency).MustBeShortText();
        });
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed partial class VictimCasesService
{
    [Access(Roles.Screener, Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor)]
    public override Task<CaseVersion> ShareCase(Proto.ShareCaseRequest request, ServerCallContext context) =>
        DecideAsync(
            request,
            (caseId, now) => new ShareCase(caseId, ProtoValues.ToDomain<ConsentPurpose>(request.Purpose), request.Recipient.ToDomain(), request.Reason.Trim(), now),
            context.CancellationToken);
}
