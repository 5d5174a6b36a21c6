using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using JasperFx.Events;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Messaging;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Repatriation.ReturnCases;

public sealed class RecordTravelDocumentValidator : CaseCommandValidator<Proto.RecordTravelDocumentRequest>
{
    public RecordTravelDocumentValidator()
    {
        RuleFor(x => x.Type).MustBeChosen();
        RuleFor(x => x.Number).MustBeShortText();
        RuleFor(x => x.IssuedBy).MustBeShortText();
        RuleFor(x => x.ExpiresOn).MustBeDate();
    }
}

public sealed class ScheduleTravelValidator : CaseCommandValidator<Proto.ScheduleTravelRequest>
{
    public ScheduleTravelValidator()
    {
        RuleFor(x => x.TravelOn).MustBeDate();
        RuleFor(x => x.Itinerary).MustBeNotes();
        When(x => x.Escort is not null, () =>
        {
            RuleFor(x => x.Escort.Name).MustBeShortText();
            RuleFor(x => x.Escort.Organisation).MustBeShortText();
        });
        RuleFor(x => x.FinancialSupportMinorUnits).GreaterThanOrEqualTo(0).WithMessage("must be zero or more");
        RuleFor(x => x.FinancialSupportCurrency).Matches("^[A-Z]{3}$").WithMessage("must be an ISO 4217 code, e.g. EUR")
            .When(x => x.FinancialSupportMinorUnits > 0 || x.FinancialSupportCurrency.Length > 0);
    }
}

public sealed class GetReturnReadinessValidator : AbstractValidator<Proto.GetReturnReadinessRequest>
{
    public GetReturnReadinessValidator()
    {
        RuleFor(x => x.CaseId).MustBeId();
        RuleFor(x => x.TravelOn).MustBeDate().When(x => x.TravelOn is not null);
    }
}

public sealed class RecordDepartureValidator : CaseCommandValidator<Proto.RecordDepartureRequest>;

public sealed class ConfirmHandoverValidator : CaseCommandValidator<Proto.ConfirmHandoverRequest>
{
    public ConfirmHandoverValidator()
    {
        RuleFor(x => x.ReceivedBy).MustBeShortText();
        RuleFor(x => x.Place).MustBeShortText();
        RuleFor(x => x.HandedOverAt).NotNull().WithMessage("when the person was handed over is required");
    }
}

/// <summary>Travel is the destination side's to arrange; arrival and handover are the receiving agency's to confirm.</summary>
public sealed class TravelService(ReturnCaseCommands cases, SignedAnswers answers) : Proto.Travel.TravelBase
{
    [Access(Roles.CaseWorker)]
    public override Task<CaseVersion> RecordTravelDocument(Proto.RecordTravelDocumentRequest request, ServerCallContext context) =>
        cases.DecideToVersionAsync(
            request,
            (current, now) => new RecordTravelDocument(
                current.Id, ProtoValues.ToDomain<TravelDocumentType>(request.Type), request.Number.Trim(), request.IssuedBy.Trim(), ProtoValues.ToDateOnly(request.ExpiresOn), now),
            cases.EnsureSendingSide,
            context.CancellationToken);

    /// <summary>Only when every hard gate holds: FailedPrecondition (return-gates-not-met) names each that does not.</summary>
    [Access(Roles.CaseWorker)]
    public override Task<CaseVersion> ScheduleTravel(Proto.ScheduleTravelRequest request, ServerCallContext context) =>
        cases.DecideToVersionAsync(
            request,
            async (current, now) => new ScheduleTravel(
                current.Id, ProtoValues.ToDateOnly(request.TravelOn), request.Itinerary.Trim(),
                request.Escort is null ? null : new Escort(request.Escort.Name.Trim(), request.Escort.Organisation.Trim()),
                request.FinancialSupportMinorUnits > 0 ? new FinancialSupport(request.FinancialSupportMinorUnits, request.FinancialSupportCurrency) : null,
                await ConsentForAsync(current, context.CancellationToken), now),
            cases.EnsureSendingSide,
            context.CancellationToken);

    [Access(Roles.CaseWorker)]
    public override Task<CaseVersion> RecordDeparture(Proto.RecordDepartureRequest request, ServerCallContext context) =>
        cases.DecideToVersionAsync(
            request,
            async (current, now) => new RecordDeparture(current.Id, await ConsentForAsync(current, context.CancellationToken), now),
            cases.EnsureSendingSide,
            context.CancellationToken);

    /// <summary>The receiving agency confirms who received the person, where and when: a signed answer like the others.</summary>
    [Access(Roles.ReceivingAgency)]
    public override Task<CaseVersion> ConfirmHandover(Proto.ConfirmHandoverRequest request, ServerCallContext context) =>
        answers.AnswerAsync(
            request,
            "handover",
            new { received_by = request.ReceivedBy.Trim(), place = request.Place.Trim(), handed_over_at = request.HandedOverAt.ToDateTimeOffset() },
            (current, signed, now) => new ConfirmHandover(
                current.Id, request.ReceivedBy.Trim(), request.Place.Trim(), request.HandedOverAt.ToDateTimeOffset(), signed.DocumentId, signed.Compact, now),
            context.CancellationToken);

    /// <summary>Each gate, its state, and the event (service, time, actor) that last set it. Both sides see it; it holds nothing personal.</summary>
    [Access(Roles.CaseWorker, Roles.Supervisor, Roles.ReceivingAgency)]
    public override async Task<Proto.ReturnReadiness> GetReturnReadiness(Proto.GetReturnReadinessRequest request, ServerCallContext context)
    {
        var returnCase = await cases.LoadForReadingAsync(request.CaseId, context.CancellationToken);
        cases.EnsureEitherSide(returnCase);
        var travelOn = ProtoValues.ToOptionalDateOnly(request.TravelOn) ?? returnCase.Referral?.Travel?.TravelOn ?? DateOnly.FromDateTime(cases.Now.UtcDateTime);
        var consent = await ConsentForAsync(returnCase, context.CancellationToken);
        var gates = ReturnGates.Evaluate(returnCase, travelOn, returnCase.Referral?.Travel?.Escorted == true, consent);
        var events = await cases.Session.Events.FetchStreamAsync(returnCase.Id, token: context.CancellationToken);

        var readiness = new Proto.ReturnReadiness
        {
            CaseId = request.CaseId,
            ReferralId = returnCase.ActiveReferral?.Id.ToString() ?? "",
            Ready = ReturnGates.Unmet(gates).Count == 0,
        };
        readiness.Gates.AddRange(gates.Select(gate => new Proto.Gate
        {
            Name = gate.Gate,
            State = ProtoValues.ToProto<Proto.GateState>(gate.State),
            Detail = gate.Detail,
            SetBy = gate.Gate == ReturnGates.Consent ? ConsentEvidence(consent) : EvidenceOf(gate.Gate, events),
        }));
        return readiness;
    }

    private Task<Consent?> ConsentForAsync(ReturnCase returnCase, CancellationToken cancellationToken) =>
        returnCase.ActiveReferral is { } referral
            ? cases.ConsentForAsync(returnCase.Id, referral.ReceivingCountry, referral.ReceivingAgency, cancellationToken)
            : Task.FromResult<Consent?>(null);

    /// <summary>Consent lives in the identification service; its giver (the person or the guardian) is the actor.</summary>
    private static Proto.GateEvidence? ConsentEvidence(Consent? consent) => consent is null
        ? null
        : new Proto.GateEvidence
        {
            Service = ServiceNames.Identification,
            EventType = "ConsentGiven",
            OccurredAt = Timestamp.FromDateTimeOffset(consent.GivenAt),
            Actor = new Actor { Role = consent.GivenBy.ToString() },
        };

    private static Proto.GateEvidence? EvidenceOf(string gate, IReadOnlyList<IEvent> events)
    {
        var last = events.LastOrDefault(e => ReturnGates.GatesSetBy(e.Data).Contains(gate));
        return last switch
        {
            null => null,
            { Data: INotedFact { Source: var source } } => new Proto.GateEvidence
            {
                Service = source.Service,
                EventType = source.EventType,
                OccurredAt = Timestamp.FromDateTimeOffset(source.OccurredAt),
                Actor = source.Actor?.ToProto() ?? new Actor(),
            },
            _ => new Proto.GateEvidence
            {
                Service = RepatriationModule.ServiceName,
                EventType = last.EventType.Name,
                OccurredAt = Timestamp.FromDateTimeOffset(last.Timestamp),
                Actor = CaseHistoryReader.ToHistoryEntry(last, RepatriationModule.ServiceName, masked: true).Actor,
            },
        };
    }
}
