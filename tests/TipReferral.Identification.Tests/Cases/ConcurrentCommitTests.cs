using Marten;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.Testing;

namespace TipReferral.Identification.Tests.Cases;

/// <summary>What a consumer appends to a case while a command on the same case is between its read and its commit.</summary>
public sealed record Noted(int By);

/// <summary>
/// A command that named no expected version decides again when a consumer appended to its case
/// meanwhile; one that named a version is refused, because its caller decided on what it read.
/// </summary>
public sealed class ConcurrentCommitTests : IAsyncLifetime
{
    private string database = "";
    private DocumentStore store = null!;

    public async Task InitializeAsync()
    {
        var (server, _) = await TestInfrastructure.GetAsync();
        database = await TestDatabases.CreateAsync(server, TestInfrastructure.UniqueName("commits"));
        store = DocumentStore.For(database);
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        await TestDatabases.DropAsync(database);
    }

    [Fact]
    public async Task A_command_that_named_no_version_is_decided_again_on_the_stream_the_consumer_appended_to()
    {
        var caseId = await AStreamAsync();
        await using var session = store.LightweightSession();
        var attempts = 0;

        var appendedAt = await session.DecideAndCommitAsync(namedVersion: false, () => DecideWhileAConsumerAppendsAsync(session, caseId, ++attempts), _ => true, default);

        attempts.ShouldBe(2);
        appendedAt.ShouldBe(3);
        (await EventsOfAsync(caseId)).ShouldBe([0, -1, 2]);
    }

    [Fact]
    public async Task A_command_that_named_a_version_is_refused_and_nothing_of_it_is_stored()
    {
        var caseId = await AStreamAsync();
        await using var session = store.LightweightSession();
        var attempts = 0;

        var refused = await Should.ThrowAsync<Exception>(
            () => session.DecideAndCommitAsync(namedVersion: true, () => DecideWhileAConsumerAppendsAsync(session, caseId, ++attempts), _ => true, default));

        Commits.IsConflict(refused).ShouldBeTrue(refused.ToString());
        attempts.ShouldBe(1);
        (await EventsOfAsync(caseId)).ShouldBe([0, -1]);
    }

    private async Task<Guid> AStreamAsync()
    {
        var caseId = Guid.NewGuid();
        await using var session = store.LightweightSession();
        session.Events.StartStream(caseId, new Noted(0));
        await session.SaveChangesAsync();
        return caseId;
    }

    /// <summary>Reads the stream, appends on its version, and on the first attempt lets a consumer append before the commit.</summary>
    private async Task<long> DecideWhileAConsumerAppendsAsync(IDocumentSession session, Guid caseId, int attempt)
    {
        var state = await session.Events.FetchStreamStateAsync(caseId);
        session.Events.Append(caseId, state!.Version + 1, new Noted(attempt));
        if (attempt == 1)
        {
            await using var consumer = store.LightweightSession();
            consumer.Events.Append(caseId, new Noted(-1));
            await consumer.SaveChangesAsync();
        }

        return state.Version + 1;
    }

    private async Task<IReadOnlyList<int>> EventsOfAsync(Guid caseId)
    {
        await using var session = store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(caseId)).Select(e => ((Noted)e.Data).By)];
    }
}
