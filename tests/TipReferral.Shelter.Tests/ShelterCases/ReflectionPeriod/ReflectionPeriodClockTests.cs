using TipReferral.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Testing;
using static TipReferral.Shelter.Tests.ShelterService;

namespace TipReferral.Shelter.Tests.ShelterCases.ReflectionPeriod;

/// <summary>The shelter service on a clock the test moves: 30 days pass in a second.</summary>
public sealed class ShelterServiceOnTestClock : ShelterService
{
    /// <summary>Italy, as configured here, starts the period at admission and grants 45 days; Nigeria keeps the defaults (30, at identification).</summary>
    public ShelterServiceOnTestClock()
        : base(new FakeTimeProvider(DateTimeOffset.UtcNow))
    {
        WithSetting("Shelter:ReflectionPeriod:Countries:IT:Days", "45");
        WithSetting("Shelter:ReflectionPeriod:Countries:IT:StartsAt", "Admission");
    }

    public FakeTimeProvider TestClock => (FakeTimeProvider)Clock;

    /// <summary>
    /// Moves the clock by <paramref name="by"/>, then keeps nudging it a second at a time until
    /// <paramref name="condition"/> holds: the timer dispatcher wakes on the clock, and a nudge
    /// covers a round it was busy with when the big step came.
    /// </summary>
    public async Task AdvanceUntilAsync(TimeSpan by, Func<Task<bool>> condition, string what)
    {
        TestClock.Advance(by);
        await Eventually.HoldsAsync(async () =>
        {
            if (await condition())
            {
                return true;
            }

            TestClock.Advance(TimeSpan.FromSeconds(1));
            return false;
        }, what);
    }
}

public sealed class ReflectionPeriodClockTests(ShelterServiceOnTestClock service) : IClassFixture<ShelterServiceOnTestClock>
{
    [Fact]
    public async Task The_period_ends_by_itself_after_thirty_days_publishes_its_end_and_cannot_be_ended_early_without_the_persons_request()
    {
        var identifiedAt = service.Clock.GetUtcNow();
        var caseId = await service.ACaseAwaitingPlacementAsync(identified: true);
        var started = await service.ReflectionStarted.WaitForAsync(e => e.CaseId == Guid.Parse(caseId));
        started.EndsAt.ShouldBe(identifiedAt.AddDays(30));

        var cases = service.CasesFor(StaffInNigeria);
        var refusal = await Should.ThrowAsync<RpcException>(() => cases.EndReflectionPeriodEarlyAsync(new EndReflectionPeriodEarlyRequest
        {
            CaseId = caseId,
            RequestedByPerson = false,
            RequestedOn = new Google.Type.Date { Year = identifiedAt.Year, Month = identifiedAt.Month, Day = identifiedAt.Day },
            RequestStatement = "The prosecutor needs a statement",
        }).ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        refusal.Status.Detail.ShouldContain("reflection-period-ends-early-only-at-persons-request");
        (await StateOfAsync(caseId)).ShouldBe(ReflectionPeriodState.Running);

        await service.AdvanceUntilAsync(
            TimeSpan.FromDays(30),
            async () => service.ReflectionEnded.Deliveries.Any(d => d.Message.CaseId == Guid.Parse(caseId)),
            "The reflection period's end being published");

        var ended = service.ReflectionEnded.Deliveries.Single(d => d.Message.CaseId == Guid.Parse(caseId)).Message;
        ended.How.ShouldBe("EXPIRED");
        ended.EndedAt.ShouldBe(started.EndsAt);
        (await StateOfAsync(caseId)).ShouldBe(ReflectionPeriodState.Expired);
    }

    [Fact]
    public async Task An_extension_moves_the_end_and_the_period_runs_on_past_the_first_date()
    {
        var caseId = await service.ACaseAwaitingPlacementAsync(identified: true);
        var started = await service.ReflectionStarted.WaitForAsync(e => e.CaseId == Guid.Parse(caseId));
        await service.CasesFor(StaffInNigeria).ExtendReflectionPeriodAsync(new ExtendReflectionPeriodRequest
        {
            CaseId = caseId,
            AdditionalDays = 15,
            Reason = "Recovering from surgery",
        });

        // Past the original end: the timer fires there only if it was not moved.
        var caseIdGuid = Guid.Parse(caseId);
        var other = await service.ACaseAwaitingPlacementAsync(identified: true);
        await service.AdvanceUntilAsync(
            started.EndsAt - service.Clock.GetUtcNow() + TimeSpan.FromMinutes(1),
            async () => service.ReflectionEnded.Deliveries.Any(d => d.Message.CaseId == Guid.Parse(other)),
            "A period started with it, not extended, expiring");
        service.ReflectionEnded.Deliveries.ShouldNotContain(d => d.Message.CaseId == caseIdGuid);
        (await StateOfAsync(caseId)).ShouldBe(ReflectionPeriodState.Running);

        await service.AdvanceUntilAsync(
            TimeSpan.FromDays(15),
            async () => service.ReflectionEnded.Deliveries.Any(d => d.Message.CaseId == caseIdGuid),
            "The extended period expiring");
        service.ReflectionEnded.Deliveries.Single(d => d.Message.CaseId == caseIdGuid).Message.EndedAt.ShouldBe(started.EndsAt.AddDays(15));
    }

    [Fact]
    public async Task At_the_persons_own_request_the_period_ends_early_and_never_expires_afterwards()
    {
        var caseId = await service.ACaseAwaitingPlacementAsync(identified: true);
        await service.ReflectionStarted.WaitForAsync(e => e.CaseId == Guid.Parse(caseId));
        var today = service.Clock.GetUtcNow();

        await service.CasesFor(StaffInNigeria).EndReflectionPeriodEarlyAsync(new EndReflectionPeriodEarlyRequest
        {
            CaseId = caseId,
            RequestedByPerson = true,
            RequestedOn = DateOnly.FromDateTime(today.UtcDateTime).ToProto(),
            RequestStatement = "I want to go home to my mother as soon as possible",
        });

        var ended = await service.ReflectionEnded.WaitForAsync(e => e.CaseId == Guid.Parse(caseId));
        ended.How.ShouldBe("ENDED_AT_PERSONS_REQUEST");
        (await StateOfAsync(caseId)).ShouldBe(ReflectionPeriodState.EndedAtPersonsRequest);

        var other = await service.ACaseAwaitingPlacementAsync(identified: true);
        await service.AdvanceUntilAsync(
            TimeSpan.FromDays(31),
            async () => service.ReflectionEnded.Deliveries.Any(d => d.Message.CaseId == Guid.Parse(other)),
            "A later period expiring, so the timers have run");
        service.ReflectionEnded.Deliveries.Count(d => d.Message.CaseId == Guid.Parse(caseId)).ShouldBe(1);
        (await StateOfAsync(caseId)).ShouldBe(ReflectionPeriodState.EndedAtPersonsRequest);
    }

    [Fact]
    public async Task A_country_that_starts_the_period_at_admission_starts_it_then_with_its_own_length()
    {
        var italianStaff = DemoUsers.For(TipReferral.Domain.Roles.ShelterStaff, "IT");
        var caseId = await service.ACaseAwaitingPlacementAsync(country: "IT", identified: true);
        (await service.CasesFor(italianStaff).GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId })).ReflectionPeriod.State
            .ShouldBe(ReflectionPeriodState.NotStarted);
        var shelterId = await service.RegisterShelterAsync(capacity: 1, country: "IT", agency: "On the Road");

        var admittedAt = service.Clock.GetUtcNow();
        await service.CasesFor(italianStaff).AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = caseId, ShelterId = shelterId, Group = ResidentGroup.Women });

        var started = await service.ReflectionStarted.WaitForAsync(e => e.CaseId == Guid.Parse(caseId));
        started.StartedAt.ShouldBe(admittedAt);
        started.EndsAt.ShouldBe(admittedAt.AddDays(45));
    }

    private async Task<ReflectionPeriodState> StateOfAsync(string caseId) =>
        (await service.CasesFor(StaffInNigeria).GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId })).ReflectionPeriod.State;
}
