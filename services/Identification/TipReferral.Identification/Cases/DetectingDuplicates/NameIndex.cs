using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TipReferral.Identification.Cases;

/// <summary>
/// Fuzzy name matching that works without storing names in a searchable form: names are
/// reduced to trigrams (accents, case and word order ignored, as pg_trgm does), and the
/// index stores only keyed hashes of those trigrams. A query hashes its own trigrams with
/// the same key and asks which cases share them; scoring then compares the names themselves.
/// </summary>
public sealed class NameIndex(byte[] key)
{
    public const string KeySetting = "Search:NameIndexKey";

    public static NameIndex FromConfiguration(IConfiguration configuration)
    {
        var key = configuration[KeySetting];
        return string.IsNullOrWhiteSpace(key) || Encoding.UTF8.GetByteCount(key) < 32
            ? throw new InvalidOperationException($"{KeySetting} must be set to a secret of at least 32 bytes.")
            : new NameIndex(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>The keyed trigram hashes of all the names, sorted and distinct.</summary>
    public IReadOnlyList<int> Of(IEnumerable<string> names)
    {
        using var hmac = new HMACSHA256(key);
        return [.. Trigrams(names).Select(gram => BitConverter.ToInt32(hmac.ComputeHash(Encoding.UTF8.GetBytes(gram)), 0)).Distinct().Order()];
    }

    /// <summary>How alike two people's names are, 0..1: the best pair of their names (aliases included).</summary>
    public static double Similarity(IEnumerable<string> names, IEnumerable<string> otherNames)
    {
        var others = otherNames.Select(name => Trigrams([name])).ToList();
        var best = 0.0;
        foreach (var grams in names.Select(name => Trigrams([name])))
        {
            foreach (var otherGrams in others)
            {
                var union = grams.Union(otherGrams).Count();
                if (union > 0)
                {
                    best = Math.Max(best, (double)grams.Intersect(otherGrams).Count() / union);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// How many of a name's <paramref name="trigrams"/> another name shares, at least, to be as
    /// alike as <paramref name="similarity"/>: shared / union ≥ similarity, and the union holds the
    /// name's own trigrams.
    /// </summary>
    public static int SharedAtLeast(int trigrams, double similarity) => Math.Max(1, (int)Math.Ceiling((similarity * trigrams) - 1e-9));

    public static HashSet<string> Trigrams(IEnumerable<string> names)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in names.SelectMany(name => Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            var padded = $"  {word} ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                grams.Add(padded.Substring(i, 3));
            }
        }

        return grams;
    }

    private static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetter(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return builder.ToString();
    }
}
