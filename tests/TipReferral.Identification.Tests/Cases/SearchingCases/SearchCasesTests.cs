using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Validation;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;
using CaseSearch = TipReferral.Identification.Cases.CaseSearch;

namespace TipReferral.Identification.Tests.Cases.SearchingCases;

/// <summary>
/// Searching through the real gRPC API. The tests of this class share one service (and one
/// schema), so each uses names of its own, made unique by random letters; names are matched
/// by trigrams, so the random part keeps them apart from each other's.
/// </summary>
public sealed class SearchCasesTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    /// <summary>Registers as the screener of the case's country: nobody else may.</summary>
    private async Task<RegisterPresumedVictimResponse> RegisterAsync(string givenName, string familyName, string country = "NG") =>
        await service.ClientFor(DemoUsers.For(Roles.Screener, country)).RegisterPresumedVictimAsync(ARegistration(givenName, familyName, country));

    /// <summary>Searches as the screener of <paramref name="country"/>: a search reaches the caller's own country only.</summary>
    private async Task<SearchCasesResponse> SearchAsync(SearchCasesRequest request, string country = "NG") =>
        await service.ClientFor(DemoUsers.For(Roles.Screener, country)).SearchCasesAsync(request);

    [Fact]
    public async Task A_search_by_exact_reference_finds_exactly_that_case()
    {
        var wanted = await RegisterAsync("Adaeze", Unique("Okonkwo"));
        var other = await RegisterAsync("Adaeze", Unique("Okonkwo"));

        var found = await SearchAsync(new SearchCasesRequest { Reference = wanted.Reference });

        var only = found.Cases.ShouldHaveSingleItem();
        only.CaseId.ShouldBe(wanted.CaseId);
        only.Reference.ShouldBe(wanted.Reference);
        only.Country.ShouldBe("NG");
        only.TraffickingStatus.ShouldBe(TraffickingStatus.PresumedVictim);
        found.Page.TotalItems.ShouldBe(1);
        found.Cases.ShouldNotContain(c => c.CaseId == other.CaseId);
    }

    [Fact]
    public async Task A_search_by_reference_ignores_case_and_surrounding_spaces()
    {
        var wanted = await RegisterAsync("Ifeoma", Unique("Chukwu"));

        var found = await SearchAsync(new SearchCasesRequest { Reference = $"  {wanted.Reference.ToLowerInvariant()} " });

        found.Cases.ShouldHaveSingleItem().CaseId.ShouldBe(wanted.CaseId);
    }

    [Fact]
    public async Task A_name_search_finds_the_person_despite_misspelling_word_order_case_and_accents_best_match_first()
    {
        var chiamaka = await RegisterAsync("Chiamaka", "Nwosu");
        var namesake = await RegisterAsync("Chiamaka", "Nwachukwu");
        var unrelated = await RegisterAsync("Tomasz", "Wierzbicki");

        foreach (var query in new[] { "Chiamaka Nwosou", "nwosu chiamaka", "Chíamaka", "CHÍAMAKA NWÓSU" })
        {
            var found = await SearchAsync(new SearchCasesRequest { Name = query });

            found.Cases.ShouldNotBeEmpty($"searching \"{query}\"");
            var best = found.Cases[0];
            best.CaseId.ShouldBe(chiamaka.CaseId, $"best match for \"{query}\"");
            best.Reference.ShouldBe(chiamaka.Reference);
            best.DisplayName.ShouldBe("Chiamaka Nwosu");
            best.NameScore.ShouldBeGreaterThan(0, $"score of the best match for \"{query}\"");
            found.Cases.Select(c => c.NameScore).ShouldBeInOrder(SortDirection.Descending, $"scores for \"{query}\"");
            found.Cases.Single(c => c.CaseId == namesake.CaseId).NameScore.ShouldBeLessThan(best.NameScore, $"the namesake for \"{query}\"");
            found.Cases.ShouldNotContain(c => c.CaseId == unrelated.CaseId, $"the unrelated name for \"{query}\"");
            found.Page.TotalItems.ShouldBe(found.Cases.Count);
        }
    }

    [Fact]
    public async Task A_search_finds_only_cases_of_the_callers_country_and_naming_another_country_is_refused()
    {
        var familyName = Unique("Mensah");
        var inItaly = await RegisterAsync("Akosua", familyName, "IT");
        var inNigeria = await RegisterAsync("Akosua", familyName, "NG");

        var byNameInItaly = await SearchAsync(new SearchCasesRequest { Name = $"Akosua {familyName}", Country = "IT" }, country: "IT");
        var byNameFromNigeria = await SearchAsync(new SearchCasesRequest { Name = $"Akosua {familyName}" });
        var everyCaseInItaly = await SearchAsync(new SearchCasesRequest { Page = new PageRequest { PageSize = Paging.MaxPageSize } }, country: "IT");

        var found = byNameInItaly.Cases.ShouldHaveSingleItem();
        found.CaseId.ShouldBe(inItaly.CaseId);
        found.Country.ShouldBe("IT");
        byNameInItaly.Page.TotalItems.ShouldBe(1);
        byNameFromNigeria.Cases.Select(c => c.CaseId).ShouldBe([inNigeria.CaseId]);
        everyCaseInItaly.Cases.ShouldContain(c => c.CaseId == inItaly.CaseId);
        everyCaseInItaly.Cases.ShouldAllBe(c => c.Country == "IT");
        await RpcAssert.Refused(Grpc.Core.StatusCode.PermissionDenied, () => SearchAsync(new SearchCasesRequest { Country = "IT" }));
    }

    [Fact]
    public async Task A_trafficking_status_filter_returns_the_formally_identified_victim_and_not_the_presumed_one()
    {
        var familyName = Unique("Ogunleye");
        var identified = await RegisterAsync("Funmilayo", familyName);
        var presumed = await RegisterAsync("Funmilayo", familyName);
        await service.ClientFor(AuthorityInNigeria).IdentifyFormallyAsync(AnIdentification(identified, "Forced labour confirmed in interview"));

        var identifiedByName = await SearchAsync(new SearchCasesRequest { Name = $"Funmilayo {familyName}", TraffickingStatus = TraffickingStatus.IdentifiedVictim });
        var presumedByName = await SearchAsync(new SearchCasesRequest { Name = $"Funmilayo {familyName}", TraffickingStatus = TraffickingStatus.PresumedVictim });
        var everyIdentified = await SearchAsync(new SearchCasesRequest
        {
            TraffickingStatus = TraffickingStatus.IdentifiedVictim,
            Page = new PageRequest { PageSize = Paging.MaxPageSize },
        });

        var found = identifiedByName.Cases.ShouldHaveSingleItem();
        found.CaseId.ShouldBe(identified.CaseId);
        found.TraffickingStatus.ShouldBe(TraffickingStatus.IdentifiedVictim);
        presumedByName.Cases.ShouldHaveSingleItem().CaseId.ShouldBe(presumed.CaseId);
        everyIdentified.Cases.ShouldContain(c => c.CaseId == identified.CaseId);
        everyIdentified.Cases.ShouldNotContain(c => c.CaseId == presumed.CaseId);
        everyIdentified.Cases.ShouldAllBe(c => c.TraffickingStatus == TraffickingStatus.IdentifiedVictim);
    }

    [Theory]
    [InlineData("NG", false)]
    [InlineData("IT", true)]
    public async Task Five_cases_come_back_on_pages_of_two_two_and_one_with_no_case_on_two_pages(string country, bool searchByName)
    {
        var familyName = Unique("Diop");
        var registered = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            // One after the other: the order of a page is the registration time.
            registered.Add((await RegisterAsync("Fatou", familyName, country)).CaseId);
        }

        SearchCasesRequest Page(int page) => new()
        {
            Name = searchByName ? $"Fatou {familyName}" : "",
            Country = country,
            Page = new PageRequest { Page = page, PageSize = 2 },
        };
        var pages = new List<SearchCasesResponse>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await SearchAsync(Page(page), country));
        }

        pages.Select(p => p.Cases.Count).ShouldBe([2, 2, 1]);
        pages.ShouldAllBe(p => p.Page.TotalItems == 5 && p.Page.PageSize == 2);
        pages.Select(p => p.Page.Page).ShouldBe([1, 2, 3]);
        var returned = pages.SelectMany(p => p.Cases).Select(c => c.CaseId).ToList();
        returned.ShouldBeUnique();
        returned.ShouldBe(registered, ignoreOrder: true);
        var pastTheEnd = await SearchAsync(Page(4), country);
        pastTheEnd.Cases.ShouldBeEmpty();
        pastTheEnd.Page.TotalItems.ShouldBe(5);
    }
}
