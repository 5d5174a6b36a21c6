using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.Repatriation.ReturnCases;

// What the other services tell this one, noted on the return case with where each fact came
// from (service, event, time, actor): the hard gates before travel rest on them, and the
// return-readiness query shows who set each.

public sealed record OpenReturnCase(Guid CaseId, string Reference, string Country, bool IsChild, SourceEvent Source, DateTimeOffset Now)
    : ReturnCaseCommand(CaseId, Now);

public sealed record NotePersonalDataErased(Guid CaseId, SourceEvent Source, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public sealed record NoteReflectionPeriod(Guid CaseId, ReflectionPeriodState State, SourceEvent Source, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

public sealed record NoteLegalHold(Guid CaseId, Guid HoldId, bool Placed, SourceEvent Source, DateTimeOffset Now) : ReturnCaseCommand(CaseId, Now);

/// <summary>An event noted from another service: its source is the evidence behind a gate.</summary>
public interface INotedFact
{
    SourceEvent Source { get; }
}

public sealed record ReturnCaseOpened(Guid CaseId, string Reference, string Country, bool IsChild, SourceEvent Source) : INotedFact;

/// <summary>The identification service decided (or revised) whether the person is a child; a child's return needs the child safeguards.</summary>
public sealed record ChildStatusNoted(Guid CaseId, bool IsChild, SourceEvent Source) : INotedFact;

public sealed record PersonalDataErased(Guid CaseId, SourceEvent Source) : INotedFact;

public sealed record ReflectionPeriodNoted(Guid CaseId, ReflectionPeriodState State, SourceEvent Source) : INotedFact;

public sealed record LegalHoldNoted(Guid CaseId, Guid HoldId, bool Active, SourceEvent Source) : INotedFact;

public static class NotedFacts
{
    public static IReadOnlyList<object> Decide(OpenReturnCase command, ReturnCase? state) => state switch
    {
        null => [new ReturnCaseOpened(command.CaseId, command.Reference, command.Country, command.IsChild, command.Source)],
        // An age in doubt is treated as a child until determined: only a later decision changes it.
        _ when state.IsChild != command.IsChild => [new ChildStatusNoted(command.CaseId, command.IsChild, command.Source)],
        _ => [],
    };

    public static IReadOnlyList<object> Decide(NotePersonalDataErased command, ReturnCase state) =>
        state.PersonalDataErased ? [] : [new PersonalDataErased(command.CaseId, command.Source)];

    /// <summary>The shelter's events may arrive out of order: an ended period never runs again.</summary>
    public static IReadOnlyList<object> Decide(NoteReflectionPeriod command, ReturnCase state) =>
        state.ReflectionPeriod == ReflectionPeriodState.Ended || state.ReflectionPeriod == command.State
            ? []
            : [new ReflectionPeriodNoted(command.CaseId, command.State, command.Source)];

    /// <summary>A release that overtakes its placement still wins: a hold once released never becomes active again.</summary>
    public static IReadOnlyList<object> Decide(NoteLegalHold command, ReturnCase state)
    {
        var known = command.Placed
            ? state.ActiveHolds.Contains(command.HoldId) || state.ReleasedHolds.Contains(command.HoldId)
            : state.ReleasedHolds.Contains(command.HoldId);
        return known ? [] : [new LegalHoldNoted(command.CaseId, command.HoldId, command.Placed, command.Source)];
    }

    public static ReturnCase Evolve(ReturnCase state, object e) => e switch
    {
        ChildStatusNoted noted => state with { IsChild = noted.IsChild },
        PersonalDataErased => state with { PersonalDataErased = true },
        ReflectionPeriodNoted noted => state with { ReflectionPeriod = noted.State },
        LegalHoldNoted { Active: true } placed => state with { ActiveHolds = [.. state.ActiveHolds, placed.HoldId] },
        LegalHoldNoted released => state with
        {
            ActiveHolds = [.. state.ActiveHolds.Where(h => h != released.HoldId)],
            ReleasedHolds = [.. state.ReleasedHolds, released.HoldId],
        },
        _ => state,
    };
}
