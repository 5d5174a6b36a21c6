namespace TipReferral.LoadTests.Workflows;

/// <summary>
/// Names for generated people, as varied as a country's caseload: a few common given names and
/// family names of two to four syllables. The duplicate check and the name search cost what
/// the names that share trigrams with the query cost, so a generator of a hundred names would
/// measure the generator, not the growth.
/// </summary>
public static class PersonNames
{
    private static readonly string[] GivenNames =
    [
        "Blessing", "Grace", "Joy", "Favour", "Precious", "Mercy", "Esther", "Peace", "Comfort", "Gift",
        "Amina", "Fatima", "Aisha", "Chioma", "Ngozi", "Adaeze", "Funmilayo", "Oluwaseun", "Efosa", "Osas",
    ];

    private static readonly string[] Onsets = ["b", "ch", "d", "f", "g", "gb", "k", "kp", "l", "m", "n", "ny", "p", "r", "s", "sh", "t", "w", "y", "z"];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ei", "on"];

    public static string Given(int number) => GivenNames[Mix(number, 1) % (uint)GivenNames.Length];

    public static string Family(int number)
    {
        var syllables = 2 + (int)(Mix(number, 2) % 3);
        var name = string.Concat(Enumerable.Range(0, syllables).Select(i =>
        {
            var pick = Mix(number, 10 + i);
            return Onsets[pick % (uint)Onsets.Length] + Vowels[pick / (uint)Onsets.Length % (uint)Vowels.Length];
        }));
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>A well-spread hash of the number (splitmix), so that consecutive people do not share syllables.</summary>
    private static uint Mix(int number, int salt)
    {
        var z = ((ulong)(uint)number << 8 | (uint)salt) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (uint)((z ^ (z >> 31)) >> 32);
    }
}
