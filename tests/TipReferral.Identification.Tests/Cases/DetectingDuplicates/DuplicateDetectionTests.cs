using Grpc.Core;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Cases.DetectingDuplicates;

/// <summary>
/// Possible duplicates through the real gRPC API: detected at registration, surfaced, and
/// resolved by a person, never merged. The tests of this class share one service, so each
/// registers people of its own, their names made unique by random letters.
/// </summary>
public sealed class DuplicateDetectionTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    private const string LinkReason = "Same passport number on both files";

    private VictimCases.VictimCasesClient Screener => service.ClientFor(ScreenerInNigeria);
    private VictimCases.VictimCasesClient Authority => service.ClientFor(AuthorityInNigeria);

    /// <summary>One person registered in Italy, then again in Nigeria: same names, birth date and citizenship.</summary>
    private async Task<(RegisterPresumedVictimResponse First, RegisterPresumedVictimResponse Second)> RegisterTwiceAsync()
    {
        var (givenName, familyName) = (Unique("Ngozi"), Unique("Okeke"));
        var first = await service.ClientFor(DemoUsers.For(Roles.Screener, "IT")).RegisterPresumedVictimAsync(ARegistration(givenName, familyName, "IT"));
        var second = await Screener.RegisterPresumedVictimAsync(ARegistration(givenName, familyName, "NG"));
        return (first, second);
    }

    /// <summary>Reads a case as a supervisor of its own country (Nigeria unless told): nobody else may.</summary>
    private Task<VictimCaseDetails> GetCaseAsync(string caseId, string country = "NG") =>
        service.ClientFor(DemoUsers.For(Roles.Supervisor, country)).GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync;

    private Task<CaseHistory> HistoryAsync(string caseId, string country = "NG") =>
        service.ClientFor(DemoUsers.For(Roles.Supervisor, country)).GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = caseId }).ResponseAsync;

    private Task<CaseVersion> ResolveAsync(
        RegisterPresumedVictimResponse registered, RegisterPresumedVictimResponse other, DuplicateResolution resolution, string reason) =>
        Authority.ResolvePossibleDuplicateAsync(new ResolvePossibleDuplicateRequest
        {
            CaseId = registered.CaseId,
            OtherCaseId = other.CaseId,
            Resolution = resolution,
            Reason = reason,
        }).ResponseAsync;

    private static void ShouldBePendingDuplicateOf(PossibleDuplicate duplicate, RegisterPresumedVictimResponse first)
    {
        duplicate.OtherCaseId.ShouldBe(first.CaseId);
        duplicate.OtherCaseReference.ShouldBe(first.Reference);
        duplicate.MatchedOn.ShouldBe(["name", "date_of_birth", "citizenship"], ignoreOrder: true);
        duplicate.Score.ShouldBeInRange(0.6, 1.0);
        duplicate.State.ShouldBe(PossibleDuplicateState.Pending);
    }

    [Fact]
    public async Task Registering_the_same_person_again_in_another_country_surfaces_the_first_case_as_a_pending_possible_duplicate()
    {
        var (first, second) = await RegisterTwiceAsync();

        first.PossibleDuplicates.ShouldBeEmpty();
        ShouldBePendingDuplicateOf(second.PossibleDuplicates.ShouldHaveSingleItem(), first);
        second.Reference.ShouldStartWith("NG-");

        var secondCase = await GetCaseAsync(second.CaseId);
        ShouldBePendingDuplicateOf(secondCase.PossibleDuplicates.ShouldHaveSingleItem(), first);

        var history = await HistoryAsync(second.CaseId);
        history.Entries.Select(e => e.EventType).ShouldBe(["PresumedVictimRegistered", "PossibleDuplicateDetected"]);
        var detected = history.Entries[1];
        detected.Version.ShouldBe(2);
        detected.DataJson.ShouldContain(first.Reference);
        detected.DataJson.ShouldContain(first.CaseId);
        second.Version.ShouldBe(2);
    }

    [Fact]
    public async Task A_different_person_with_another_name_and_birth_date_gets_no_possible_duplicate()
    {
        var someone = await Screener.RegisterPresumedVictimAsync(ARegistration(Unique("Hauwa"), Unique("Abubakar")));
        var differentPerson = ARegistration(Unique("Kwabena"), Unique("Asante"));
        differentPerson.Person.DateOfBirth = new Google.Type.Date { Year = 1987, Month = 11, Day = 3 };

        var registered = await Screener.RegisterPresumedVictimAsync(differentPerson);

        registered.PossibleDuplicates.ShouldBeEmpty();
        (await GetCaseAsync(registered.CaseId)).PossibleDuplicates.ShouldBeEmpty();
        (await HistoryAsync(registered.CaseId)).Entries.Select(e => e.EventType).ShouldBe(["PresumedVictimRegistered"]);
        (await GetCaseAsync(someone.CaseId)).PossibleDuplicates.ShouldBeEmpty();
    }

    [Fact]
    public async Task Linking_a_possible_duplicate_marks_it_linked_with_its_reason_and_merges_nothing()
    {
        var (first, second) = await RegisterTwiceAsync();
        var firstBefore = await GetCaseAsync(first.CaseId, "IT");
        var firstHistoryBefore = await HistoryAsync(first.CaseId, "IT");
        var secondBefore = await GetCaseAsync(second.CaseId);

        var linked = await ResolveAsync(second, first, DuplicateResolution.Link, LinkReason);

        linked.Version.ShouldBe(second.Version + 1);
        var secondAfter = await GetCaseAsync(second.CaseId);
        secondAfter.PossibleDuplicates.ShouldHaveSingleItem().State.ShouldBe(PossibleDuplicateState.Linked);
        secondAfter.Version.ShouldBe(linked.Version);

        // The second case is unchanged but for the state of the duplicate.
        var expectedSecond = secondBefore.Clone();
        expectedSecond.PossibleDuplicates[0].State = PossibleDuplicateState.Linked;
        expectedSecond.Version = secondAfter.Version;
        expectedSecond.UpdatedAt = secondAfter.UpdatedAt;
        secondAfter.ShouldBe(expectedSecond);
        secondAfter.Reference.ShouldBe(second.Reference);

        // The first case still exists as it was: its own reference, names, version and history.
        var firstAfter = await GetCaseAsync(first.CaseId, "IT");
        firstAfter.ShouldBe(firstBefore);
        firstAfter.Reference.ShouldBe(first.Reference);
        firstAfter.Person.GivenName.ShouldBe(firstBefore.Person.GivenName);
        firstAfter.Person.FamilyName.ShouldBe(firstBefore.Person.FamilyName);
        (await HistoryAsync(first.CaseId, "IT")).ShouldBe(firstHistoryBefore);

        var history = await HistoryAsync(second.CaseId);
        history.Entries.Select(e => e.EventType).ShouldBe(["PresumedVictimRegistered", "PossibleDuplicateDetected", "PossibleDuplicateLinked"]);
        var link = history.Entries[^1];
        link.Reason.ShouldBe(LinkReason);
        link.Version.ShouldBe(linked.Version);
        link.Actor.UserId.ShouldBe(AuthorityInNigeria.Username);
    }

    [Fact]
    public async Task A_linked_duplicate_cannot_be_dismissed_afterwards_and_linking_it_again_records_nothing()
    {
        var (first, second) = await RegisterTwiceAsync();
        var linked = await ResolveAsync(second, first, DuplicateResolution.Link, LinkReason);

        var refusal = await RpcAssert.Refused(StatusCode.FailedPrecondition,
            () => ResolveAsync(second, first, DuplicateResolution.Dismiss, "Different person after all"));
        refusal.Status.Detail.ShouldContain("possible-duplicate-already-resolved");
        (await GetCaseAsync(second.CaseId)).PossibleDuplicates.ShouldHaveSingleItem().State.ShouldBe(PossibleDuplicateState.Linked);

        var linkedAgain = await ResolveAsync(second, first, DuplicateResolution.Link, "Confirmed once more");

        linkedAgain.Version.ShouldBe(linked.Version);
        (await GetCaseAsync(second.CaseId)).Version.ShouldBe(linked.Version);
        var history = await HistoryAsync(second.CaseId);
        history.Entries.Select(e => e.EventType).ShouldBe(["PresumedVictimRegistered", "PossibleDuplicateDetected", "PossibleDuplicateLinked"]);
        history.Entries[^1].Reason.ShouldBe(LinkReason);
    }
}
