namespace TipReferral.LoadTests;

/// <summary>The load benchmark's smoke mode: a few whole workflows at once through the four service processes, so that the benchmark cannot rot.</summary>
public sealed class SmokeTests
{
    [Fact]
    public async Task A_few_concurrent_workflows_all_close_and_leave_occupancy_and_every_services_events_consistent()
    {
        var (phase, problems) = await LoadBenchmark.SmokeAsync(workflows: 6, inFlight: 3);

        phase.Failures.ShouldBeEmpty();
        phase.Completed.ShouldBe(6);
        problems.ShouldBeEmpty();
    }
}
