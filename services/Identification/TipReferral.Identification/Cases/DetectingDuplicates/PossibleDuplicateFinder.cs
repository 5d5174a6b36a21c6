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
        var candidates = await CandidatesByNameAsync(session, nameIndex.Of(person.AllNames), CandidateLimit, cancellationToken);
        return [.. candidates
            .Select(candidate => Compare(person, candidate))
            .OfType<PossibleDuplicate>()
            .OrderByDescending(duplicate => duplicate.Score)];
    }

    /// <summary>
    /// Cases sharing the most name trigrams with the query, best first, their names readable:
    /// the (plain, keyed-hash) name_index column picks the ids, then their keys are unlocked.
    /// </summary>
    public async Task<IReadOnlyList<VictimCase>> CandidatesByNameAsync(
        IQuerySession session, IReadOnlyList<int> nameIndex, int limit, CancellationToken cancellationToken)
    {
        var grams = nameIndex.ToArray();
        var cases = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(VictimCase)).TableName.QualifiedName;
        var ids = await session.AdvancedSql.QueryAsync<Guid>(
            $"select d.id from {cases} d where d.name_index && ? order by (select count(*) from unnest(d.name_index) g where g = any(?)) desc limit ?",
            cancellationToken, grams, grams, limit);
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
