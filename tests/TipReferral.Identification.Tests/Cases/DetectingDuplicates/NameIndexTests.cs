using System.Text;
using Microsoft.Extensions.Configuration;
using TipReferral.Identification.Cases;

namespace TipReferral.Identification.Tests.Cases.DetectingDuplicates;

public sealed class NameIndexTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("test-name-index-key-of-at-least-32-bytes");
    private static readonly byte[] OtherKey = Encoding.UTF8.GetBytes("another-name-index-key-of-32-bytes-or-more");

    [Fact]
    public void Accents_case_and_word_order_do_not_change_the_similarity()
    {
        NameIndex.Similarity(["José María Núñez"], ["nunez maria jose"]).ShouldBe(1.0);
    }

    [Fact]
    public void A_one_letter_misspelling_scores_high()
    {
        NameIndex.Similarity(["Amina Okafor"], ["Amina Okafur"]).ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void A_different_name_scores_low()
    {
        NameIndex.Similarity(["Amina Okafor"], ["Chidi Balogun"]).ShouldBeLessThan(0.3);
    }

    [Fact]
    public void A_shared_first_name_alone_scores_low()
    {
        NameIndex.Similarity(["Amina Okafor"], ["Amina Bello"]).ShouldBeLessThan(0.45);
    }

    [Fact]
    public void The_best_pair_of_names_counts_so_an_alias_can_match()
    {
        NameIndex.Similarity(["Amina Okafor", "Mina Bello"], ["Chidi Balogun", "mina bello"]).ShouldBe(1.0);
    }

    [Fact]
    public void Nothing_to_compare_scores_zero()
    {
        NameIndex.Similarity([], ["Amina Okafor"]).ShouldBe(0.0);
        NameIndex.Similarity(["123"], ["456"]).ShouldBe(0.0);
    }

    [Fact]
    public void Trigrams_are_padded_per_word_as_pg_trgm_does()
    {
        NameIndex.Trigrams(["Éze"]).ShouldBe(["  e", " ez", "eze", "ze "], ignoreOrder: true);
    }

    [Fact]
    public void Hyphens_and_other_non_letters_separate_words()
    {
        NameIndex.Trigrams(["Okafor-Bello"]).SetEquals(NameIndex.Trigrams(["Bello Okafor"])).ShouldBeTrue();
    }

    [Fact]
    public void The_index_is_the_same_for_the_same_key_and_names()
    {
        var index = new NameIndex(Key).Of(["Amina Okafor", "Mina"]);

        new NameIndex([.. Key]).Of(["Amina Okafor", "Mina"]).ShouldBe(index);
    }

    [Fact]
    public void The_index_has_one_entry_per_trigram_sorted()
    {
        var index = new NameIndex(Key).Of(["Amina Okafor", "Mina"]);

        index.Count.ShouldBe(NameIndex.Trigrams(["Amina Okafor", "Mina"]).Count);
        index.ShouldBe(index.Distinct().Order());
    }

    [Fact]
    public void The_index_ignores_accents_case_and_word_order_like_the_similarity()
    {
        var index = new NameIndex(Key);

        index.Of(["José María Núñez"]).ShouldBe(index.Of(["nunez maria jose"]));
    }

    [Fact]
    public void Another_key_gives_an_index_sharing_nothing_with_the_first()
    {
        var index = new NameIndex(Key).Of(["Amina Okafor"]);
        var otherIndex = new NameIndex(OtherKey).Of(["Amina Okafor"]);

        otherIndex.ShouldNotBe(index);
        otherIndex.Intersect(index).ShouldBeEmpty();
    }

    [Fact]
    public void A_misspelled_name_shares_most_of_its_index_with_the_right_spelling()
    {
        var index = new NameIndex(Key);

        var right = index.Of(["Amina Okafor"]);
        var misspelled = index.Of(["Amina Okafur"]);

        right.Intersect(misspelled).Count().ShouldBe(10);
        right.Union(misspelled).Count().ShouldBe(16);
    }

    [Fact]
    public void A_name_without_letters_has_an_empty_index()
    {
        new NameIndex(Key).Of(["  ", "42"]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("only-31-bytes-long-xxxxxxxxxxxx")]
    public void A_missing_or_short_key_is_refused_at_startup(string? key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [NameIndex.KeySetting] = key }).Build();

        Should.Throw<InvalidOperationException>(() => NameIndex.FromConfiguration(configuration)).Message.ShouldContain(NameIndex.KeySetting);
    }

    [Fact]
    public void A_configured_key_indexes_as_the_same_key_given_directly()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [NameIndex.KeySetting] = Encoding.UTF8.GetString(Key) })
            .Build();

        NameIndex.FromConfiguration(configuration).Of(["Amina Okafor"]).ShouldBe(new NameIndex(Key).Of(["Amina Okafor"]));
    }

    [Theory]
    [InlineData(0.45)]
    [InlineData(0.3)]
    public void A_name_as_alike_as_the_threshold_shares_at_least_the_trigrams_the_candidate_query_requires(double similarity)
    {
        var random = new Random(20261204);
        var alike = 0;
        for (var i = 0; i < 5000; i++)
        {
            var name = RandomName(random);
            var other = Mutate(name, random);
            if (NameIndex.Similarity([name], [other]) < similarity)
            {
                continue;
            }

            alike++;
            var grams = NameIndex.Trigrams([name]);
            grams.Intersect(NameIndex.Trigrams([other])).Count().ShouldBeGreaterThanOrEqualTo(NameIndex.SharedAtLeast(grams.Count, similarity), $"{name} / {other}");
        }

        alike.ShouldBeGreaterThan(500, "the pairs must reach the threshold often enough to test the bound");
    }

    [Theory]
    [InlineData(20, 0.45, 9)]
    [InlineData(11, 0.45, 5)]
    [InlineData(10, 0.3, 3)]
    [InlineData(1, 0.45, 1)]
    public void The_shares_needed_round_up_and_are_never_none(int trigrams, double similarity, int shared)
    {
        NameIndex.SharedAtLeast(trigrams, similarity).ShouldBe(shared);
    }

    private static string RandomName(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => new string([.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => (char)('a' + random.Next(6)))])));

    /// <summary>The name with a few letters changed, dropped or added.</summary>
    private static string Mutate(string name, Random random)
    {
        var letters = name.ToList();
        for (var edits = random.Next(0, 3); edits > 0 && letters.Count > 1; edits--)
        {
            var at = random.Next(letters.Count);
            switch (random.Next(3))
            {
                case 0:
                    letters[at] = (char)('a' + random.Next(6));
                    break;
                case 1:
                    letters.RemoveAt(at);
                    break;
                default:
                    letters.Insert(at, (char)('a' + random.Next(6)));
                    break;
            }
        }

        return new string([.. letters]);
    }
}
