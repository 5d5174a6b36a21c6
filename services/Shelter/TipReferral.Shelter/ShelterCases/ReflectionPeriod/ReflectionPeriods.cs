using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using TipReferral.Domain;
using TipReferral.PersonalData;

namespace TipReferral.Shelter.ShelterCases;

public enum ReflectionPeriodState
{
    NotStarted,
    Running,
    Expired,
    EndedAtPersonsRequest,
}

/// <summary>When a country's reflection and recovery period begins.</summary>
public enum ReflectionPeriodStart
{
    Identification,
    Admission,
}

public sealed record ReflectionPeriod(ReflectionPeriodState State, DateTimeOffset? StartedAt, DateTimeOffset? EndsAt, DateTimeOffset? EndedAt)
{
    public static ReflectionPeriod NotStarted { get; } = new(ReflectionPeriodState.NotStarted, null, null, null);

    [JsonIgnore]
    public bool IsRunning => State == ReflectionPeriodState.Running;

    public static ReflectionPeriod Running(DateTimeOffset startedAt, DateTimeOffset endsAt) => new(ReflectionPeriodState.Running, startedAt, endsAt, null);
}

/// <summary>A country's reflection period: how long (at least 30 days) and when it starts.</summary>
public sealed record ReflectionPolicy(int Days, ReflectionPeriodStart StartsAt)
{
    /// <summary>Council of Europe Convention, Art. 13: at least 30 days.</summary>
    public const int MinimumDays = 30;
}

/// <summary>The per-country settings, from "Shelter:ReflectionPeriod"; the service refuses to start with fewer than 30 days anywhere.</summary>
public sealed class ReflectionPeriodSettings
{
    public const string Section = "Shelter:ReflectionPeriod";

    public int Days { get; set; } = ReflectionPolicy.MinimumDays;
    public ReflectionPeriodStart StartsAt { get; set; } = ReflectionPeriodStart.Identification;
    public Dictionary<string, CountrySetting> Countries { get; set; } = [];

    public sealed class CountrySetting
    {
        public int? Days { get; set; }
        public ReflectionPeriodStart? StartsAt { get; set; }
    }

    public ReflectionPolicy For(string country) =>
        Countries.TryGetValue(country, out var own)
            ? new ReflectionPolicy(own.Days ?? Days, own.StartsAt ?? StartsAt)
            : new ReflectionPolicy(Days, StartsAt);

    public static ReflectionPeriodSettings FromConfiguration(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<ReflectionPeriodSettings>() ?? new ReflectionPeriodSettings();
        var tooShort = settings.Countries.Where(c => c.Value.Days < ReflectionPolicy.MinimumDays).Select(c => $"{c.Key}: {c.Value.Days}")
            .Prepend(settings.Days < ReflectionPolicy.MinimumDays ? $"default: {settings.Days}" : null).OfType<string>().ToList();
        if (tooShort.Count > 0)
        {
            throw new InvalidOperationException(
                $"{Section} sets fewer than {ReflectionPolicy.MinimumDays} days ({string.Join(", ", tooShort)}); the reflection period lasts at least {ReflectionPolicy.MinimumDays} days.");
        }

        return settings;
    }
}

public sealed record ExtendReflectionPeriod(Guid CaseId, int AdditionalDays, string Reason, DateTimeOffset Now) : ShelterCaseCommand(CaseId, Now);

/// <summary>The person's own request, as recorded; nobody else may end the period early.</summary>
public sealed record EndReflectionPeriodEarly(Guid CaseId, bool RequestedByPerson, DateOnly RequestedOn, string Statement, DateTimeOffset Now)
    : ShelterCaseCommand(CaseId, Now);

/// <summary>Issued by the reflection-period timer, never by a person.</summary>
public sealed record ExpireReflectionPeriod(Guid CaseId, DateTimeOffset Now) : ShelterCaseCommand(CaseId, Now);

public sealed record ReflectionPeriodStarted(Guid CaseId, int Days, ReflectionPeriodStart StartedOn, DateTimeOffset StartedAt, DateTimeOffset EndsAt);

public sealed record ReflectionPeriodExtended(Guid CaseId, int AdditionalDays, DateTimeOffset EndsAt, [PersonalData] string Reason, DateTimeOffset ExtendedAt) : IHasReason;

public sealed record ReflectionPeriodExpired(Guid CaseId, DateTimeOffset EndedAt);

public sealed record ReflectionPeriodEndedAtPersonsRequest(Guid CaseId, DateOnly RequestedOn, [PersonalData] string Statement, DateTimeOffset EndedAt);

public static class ReflectionPeriods
{
    public const string MinimumRule = "reflection-period-minimum";
    public const string NotRunningRule = "reflection-period-not-running";
    public const string OnlyAtPersonsRequestRule = "reflection-period-ends-early-only-at-persons-request";

    /// <summary>The period's start, if the policy starts it on <paramref name="trigger"/> and it has not started yet.</summary>
    public static IEnumerable<object> StartOn(ReflectionPeriodStart trigger, ReflectionPolicy policy, ShelterCase? state, Guid caseId, DateTimeOffset at)
    {
        if (policy.StartsAt != trigger || state?.ReflectionPeriod.State is not (null or ReflectionPeriodState.NotStarted))
        {
            return [];
        }

        if (policy.Days < ReflectionPolicy.MinimumDays)
        {
            throw new RuleViolationException(MinimumRule, $"A reflection period lasts at least {ReflectionPolicy.MinimumDays} days, not {policy.Days}.");
        }

        return [new ReflectionPeriodStarted(caseId, policy.Days, trigger, at, at.AddDays(policy.Days))];
    }

    public static IReadOnlyList<object> Decide(ExtendReflectionPeriod command, ShelterCase state)
    {
        EnsureRunning(state);
        var endsAt = state.ReflectionPeriod.EndsAt!.Value.AddDays(command.AdditionalDays);
        return [new ReflectionPeriodExtended(command.CaseId, command.AdditionalDays, endsAt, command.Reason, command.Now)];
    }

    public static IReadOnlyList<object> Decide(EndReflectionPeriodEarly command, ShelterCase state)
    {
        if (!command.RequestedByPerson)
        {
            throw new RuleViolationException(
                OnlyAtPersonsRequestRule,
                $"The reflection period of case {state.Reference} ends early only at the person's own, recorded request; it runs until it expires.");
        }

        if (state.ReflectionPeriod.State == ReflectionPeriodState.EndedAtPersonsRequest)
        {
            return [];
        }

        EnsureRunning(state);
        return [new ReflectionPeriodEndedAtPersonsRequest(command.CaseId, command.RequestedOn, command.Statement, command.Now)];
    }

    /// <summary>Nothing before the end (an extension moved it); the end is when the period ran out, even if noticed later.</summary>
    public static IReadOnlyList<object> Decide(ExpireReflectionPeriod command, ShelterCase state) =>
        state.ReflectionPeriod is { IsRunning: true, EndsAt: { } endsAt } && command.Now >= endsAt
            ? [new ReflectionPeriodExpired(command.CaseId, endsAt)]
            : [];

    private static void EnsureRunning(ShelterCase state)
    {
        if (!state.ReflectionPeriod.IsRunning)
        {
            throw new RuleViolationException(
                NotRunningRule, $"The reflection period of case {state.Reference} is not running (it is {state.ReflectionPeriod.State}).");
        }
    }
}
