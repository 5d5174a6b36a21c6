using TipReferral.Domain;
using Marten;
using TipReferral.PersonalData;

namespace TipReferral.Identification.Cases;

/// <summary>
/// Finds cases that may be the same person, perhaps registered in another country. It only
/// proposes: a person decides to link or dismiss, and nothing is ever merged.
/// </summary>
public sealed class PossibleDuplicateFinder(NameIndex nameIndex, ICaseKeys keys)
{
    private const int CandidateLimit = 50;
    private const double MinimumNameSimilarity = 0.45;
    private const double MinimumScore = 0.6;

    public async Task<IReadOnlyList<PossibleDuplicate>> FindAsync(IQuerySession session, PersonDetails person, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesByNameAsync(session, person.AllNames, MinimumNameSimilarity, CandidateLimit, cancellationToken);
        return [.. candidates
            .Select(candidate => Compare(person, candidate))
            .OfType<PossibleDuplicate>()
            .OrderByDescending(duplicate => duplicate.Score)];
    }

    /// <summary>
    /// The cases that may be as alike as <paramref name="minimumSimilarity"/> to one of the names,
    /// those sharing most trigrams first, their names readable. A case that alike shares at least
    /// <see cref="NameIndex.SharedAtLeast"/> of that name's trigrams: the inverted index
    /// (<see cref="NameGramsProjection"/>) counts the shares of every case holding any of them
    /// and keeps those with enough, without reading a case's document; then their keys are unlocked.
    /// </summary>
    public async Task<IReadOnlyList<VictimCase>> CandidatesByNameAsync(
        IQuerySession session, IEnumerable<string> names, double minimumSimilarity, int limit, CancellationToken cancellationToken)
    {
        var nameGrams = names.Select(name => nameIndex.Of([name])).Where(grams => grams.Count > 0).ToList();
        if (nameGrams.Count == 0)
        {
            return [];
        }

        var all = nameGrams.SelectMany(grams => grams).Distinct().ToArray();
        var enough = nameGrams.Min(grams => NameIndex.SharedAtLeast(grams.Count, minimumSimilarity));
        var postings = $"{session.DocumentStore.Options.DatabaseSchemaName}.{NameGramsProjection.TableName}";
        var ids = await session.AdvancedSql.QueryAsync<Guid>(
            $"select p.case_id from {postings} p where p.gram = any(?) group by p.case_id having count(*) >= ? order by count(*) desc, p.case_id limit ?",
            cancellationToken, all, enough, limit);
        return await keys.LoadInOrderAsync(session, ids, cancellationToken);
    }

    public static PossibleDuplicate? Compare(PersonDetails person, VictimCase candidate)
    {
        var nameSimilarity = NameIndex.Similarity(person.AllNames, candidate.Person.AllNames);
        if (nameSimilarity < MinimumNameSimilarity)
        {
            return null;
        }

        var matchedOn = new List<string> { "name" };
        var sameBirthDate = person.DateOfBirth is { } born && born == candidate.Person.DateOfBirth;
        if (sameBirthDate)
        {
            matchedOn.Add("date_of_birth");
        }

        // "XX" (stateless or unknown) says nothing about who the person is.
        var sharesCitizenship = person.Citizenships.Intersect(candidate.Person.Citizenships).Any(code => code != CountryCodes.StatelessOrUnknown);
        if (sharesCitizenship)
        {
            matchedOn.Add("citizenship");
        }

        var score = Math.Round((0.6 * nameSimilarity) + (sameBirthDate ? 0.25 : 0) + (sharesCitizenship ? 0.15 : 0), 3);
        return score < MinimumScore
            ? null
            : new PossibleDuplicate(candidate.Id, candidate.Reference, score, matchedOn, PossibleDuplicateState.Pending);
    }
}
