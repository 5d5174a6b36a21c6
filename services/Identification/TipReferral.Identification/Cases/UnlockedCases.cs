using Marten;
using TipReferral.PersonalData;

namespace TipReferral.Identification.Cases;

public static class UnlockedCases
{
    /// <summary>
    /// The cases with these ids, in this order, their personal data readable: their keys are
    /// unlocked in one query and the documents loaded in another. Queries that pick cases
    /// therefore select ids first, then load through here.
    /// </summary>
    public static async Task<IReadOnlyList<VictimCase>> LoadInOrderAsync(
        this ICaseKeys keys, IQuerySession session, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await keys.UnlockAsync(session, ids, cancellationToken);
        var cases = (await session.LoadManyAsync<VictimCase>(cancellationToken, ids)).ToDictionary(c => c.Id);
        return [.. ids.Where(cases.ContainsKey).Select(id => cases[id])];
    }
}
