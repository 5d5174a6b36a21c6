namespace TipReferral.PersonalData.Tests;

public sealed class PersonalDataScopeTests
{
    [Fact]
    public async Task A_scope_begun_by_the_caller_is_seen_by_the_async_work_it_awaits()
    {
        using var scope = PersonalDataScope.Begin();

        var seen = await Task.Run(async () =>
        {
            await Task.Yield();
            return PersonalDataScope.Current;
        });

        seen.ShouldBeSameAs(scope.Ring);
    }

    [Fact]
    public void Ending_a_scope_wipes_its_keys_and_restores_the_outer_one()
    {
        using var outer = PersonalDataScope.Begin();
        var caseId = Guid.CreateVersion7();
        var key = new byte[32];
        key.AsSpan().Fill(7);

        using (var inner = PersonalDataScope.Begin())
        {
            inner.Ring.Add(caseId, key);
            PersonalDataScope.Current.ShouldBeSameAs(inner.Ring);
        }

        PersonalDataScope.Current.ShouldBeSameAs(outer.Ring);
        key.ShouldAllBe(b => b == 0);
    }

    [Fact]
    public async Task Work_that_outlives_its_scope_sees_no_ring()
    {
        Task<PersonalDataKeyRing?> later;
        var release = new TaskCompletionSource();
        using (PersonalDataScope.Begin())
        {
            later = Task.Run(async () =>
            {
                await release.Task;
                return PersonalDataScope.Current;
            });
        }

        release.SetResult();
        (await later).ShouldBeNull();
    }

    [Fact]
    public void Writing_for_a_case_whose_key_is_not_in_the_ring_is_refused()
    {
        using var scope = PersonalDataScope.Begin();

        Should.Throw<InvalidOperationException>(() => scope.Ring.WriteFor(Guid.CreateVersion7()));
    }
}
