using TipReferral.ServiceDefaults.Grpc;
using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed record RegisterPresumedVictim(
    Guid CaseId,
    string Reference,
    PersonDetails Person,
    IdentificationPlace IdentifiedAt,
    IReadOnlyList<ExploitationType> FormsOfExploitation,
    IReadOnlyList<ControlIndicator> IndicatorsObserved,
    IReadOnlyList<int> NameIndex,
    IReadOnlyList<PossibleDuplicate> PossibleDuplicates,
    DateTimeOffset Now) : VictimCaseCommand(CaseId, Now);

/// <summary>A screener registered a person as a presumed victim (reasonable grounds).</summary>
public sealed record PresumedVictimRegistered(
    Guid CaseId,
    string Reference,
    PersonDetails Person,
    IdentificationPlace IdentifiedAt,
    IReadOnlyList<ExploitationType> FormsOfExploitation,
    IReadOnlyList<ControlIndicator> IndicatorsObserved,
    bool IsPresumedChild,
    [PersonalData] IReadOnlyList<int> NameIndex,
    DateTimeOffset RegisteredAt);

public static class Registration
{
    public const string AlreadyRegisteredRule = "case-already-registered";

    public static IReadOnlyList<object> Decide(RegisterPresumedVictim command, VictimCase? state)
    {
        if (state is not null)
        {
            throw new RuleViolationException(AlreadyRegisteredRule, $"Case {command.CaseId} already exists.");
        }

        var isPresumedChild = command.Person.IsPresumedChildOn(DateOnly.FromDateTime(command.Now.UtcDateTime));
        return
        [
            new PresumedVictimRegistered(command.CaseId, command.Reference, command.Person, command.IdentifiedAt,
                command.FormsOfExploitation, command.IndicatorsObserved, isPresumedChild, command.NameIndex, command.Now),
            .. command.PossibleDuplicates.Select(duplicate => new PossibleDuplicateDetected(
                command.CaseId, duplicate.OtherCaseId, duplicate.OtherCaseReference, duplicate.Score, duplicate.MatchedOn, command.Now)),
        ];
    }
}

public sealed class RegisterPresumedVictimValidator : AbstractValidator<Proto.RegisterPresumedVictimRequest>
{
    public RegisterPresumedVictimValidator(TimeProvider clock)
    {
        RuleFor(x => x.Person).NotNull().WithMessage("is required").SetValidator(new PersonDetailsValidator(clock));
        RuleFor(x => x.IdentifiedAt).NotNull().WithMessage("is required");
        When(x => x.IdentifiedAt is not null, () =>
        {
            RuleFor(x => x.IdentifiedAt.Place).MustBeShortText();
            RuleFor(x => x.IdentifiedAt.Country).MustBeCountry();
            RuleFor(x => x.IdentifiedAt.IdentifyingAgency).MustBeShortText();
        });
        RuleFor(x => x.FormsOfExploitation).NotEmpty().WithMessage("at least one form of exploitation is required (OTHER if none fits)");
        RuleForEach(x => x.FormsOfExploitation).MustBeChosen();
        RuleForEach(x => x.IndicatorsObserved).MustBeChosen();
    }
}

public sealed partial class VictimCasesService
{
    [Access(Roles.Screener, Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor)]
    public override async Task<Proto.RegisterPresumedVictimResponse> RegisterPresumedVictim(
        Proto.RegisterPresumedVictimRequest request, ServerCallContext context)
    {
        // A case belongs to the country where the person was identified: only its own users register there.
        access.EnsureMayReach(request.IdentifiedAt.Country);
        var cancellationToken = context.CancellationToken;
        var now = clock.GetUtcNow();
        var person = request.Person.ToDomain();
        var identifiedAt = new IdentificationPlace(request.IdentifiedAt.Place.Trim(), request.IdentifiedAt.Country, request.IdentifiedAt.IdentifyingAgency.Trim());
        var possibleDuplicates = await duplicates.FindAsync(session, person, cancellationToken);

        var caseId = Guid.CreateVersion7(now);
        await session.BeginTransactionAsync(cancellationToken);
        var reference = await CaseReferences.NextAsync(session, identifiedAt.Country, now.Year, cancellationToken);
        await keys.CreateForAsync(session, caseId, cancellationToken); // commits with the first events
        var command = new RegisterPresumedVictim(
            caseId, reference, person, identifiedAt,
            [.. request.FormsOfExploitation.Select(value => ProtoValues.ToDomain<ExploitationType>(value)).Distinct()],
            [.. request.IndicatorsObserved.Select(value => ProtoValues.ToDomain<ControlIndicator>(value)).Distinct()],
            nameIndex.Of(person.AllNames), possibleDuplicates, now);

        var events = VictimCaseDecider.Decide(command, state: null);
        session.Events.StartStream<VictimCase>(command.CaseId, events);
        await session.SaveChangesAsync(cancellationToken);

        var registered = (PresumedVictimRegistered)events[0];
        return new Proto.RegisterPresumedVictimResponse
        {
            CaseId = command.CaseId.ToString(),
            Reference = reference,
            Version = events.Count,
            IsPresumedChild = registered.IsPresumedChild,
            PossibleDuplicates = { possibleDuplicates.Select(ProtoMapping.ToProto) },
        };
    }
}
