namespace TipReferral.Legal.LegalFiles;

/// <summary>
/// The shelter service's clock on the reflection and recovery period, noted here: while it runs,
/// nobody may ask the person to decide on cooperating.
/// </summary>
public sealed record NoteReflectionPeriod(Guid CaseId, ReflectionPeriodState State, DateTimeOffset? EndsAt, string? How, DateTimeOffset Now)
    : LegalFileCommand(CaseId, Now);

public sealed record ReflectionPeriodStarted(Guid CaseId, DateTimeOffset StartedAt, DateTimeOffset EndsAt);

public sealed record ReflectionPeriodExtended(Guid CaseId, DateTimeOffset EndsAt, DateTimeOffset ExtendedAt);

/// <summary>How is the shelter service's: EXPIRED or ENDED_AT_PERSONS_REQUEST.</summary>
public sealed record ReflectionPeriodEnded(Guid CaseId, string How, DateTimeOffset EndedAt);

public static class ReflectionPeriodFacts
{
    /// <summary>
    /// The shelter's events may arrive out of order (separate queues): an ended period never
    /// runs again, and a start or extension after the end is ignored.
    /// </summary>
    public static IReadOnlyList<object> Decide(NoteReflectionPeriod command, LegalFile state) => (command.State, state.ReflectionPeriod) switch
    {
        (_, ReflectionPeriodState.Ended) => [],
        (ReflectionPeriodState.Ended, _) => [new ReflectionPeriodEnded(command.CaseId, command.How ?? "EXPIRED", command.Now)],
        (ReflectionPeriodState.Running, ReflectionPeriodState.Unknown) => [new ReflectionPeriodStarted(command.CaseId, command.Now, command.EndsAt!.Value)],
        (ReflectionPeriodState.Running, ReflectionPeriodState.Running) when command.EndsAt > state.ReflectionPeriodEndsAt =>
            [new ReflectionPeriodExtended(command.CaseId, command.EndsAt!.Value, command.Now)],
        _ => [],
    };

    public static LegalFile Evolve(LegalFile state, object e) => e switch
    {
        ReflectionPeriodStarted started => state with { ReflectionPeriod = ReflectionPeriodState.Running, ReflectionPeriodEndsAt = started.EndsAt },
        ReflectionPeriodExtended extended => state with { ReflectionPeriodEndsAt = extended.EndsAt },
        ReflectionPeriodEnded => state with { ReflectionPeriod = ReflectionPeriodState.Ended },
        _ => state,
    };
}
