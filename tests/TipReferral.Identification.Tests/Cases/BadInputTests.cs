using Grpc.Core;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Identification.V1;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Cases;

/// <summary>Every RPC refuses bad input with a status that names the field or rule, and stores nothing.</summary>
public sealed class BadInputTests(IdentificationService service) : IClassFixture<IdentificationService>
{
    private static readonly string UnknownCaseId = Guid.NewGuid().ToString();

    public static TheoryData<string, string> InvalidRegistrations => new()
    {
        { "no person", "person" },
        { "no name at all", "person.given_name" },
        { "gender left unspecified", "person.gender" },
        { "birth date in the future", "person.date_of_birth" },
        { "30 February", "person.date_of_birth" },
        { "birth date and estimated age", "person.estimated_age_years" },
        { "citizenship not a code", "person.citizenships[0]" },
        { "language in upper case", "person.languages[0]" },
        { "no place of identification", "identified_at" },
        { "country not a code", "identified_at.country" },
        { "no identifying agency", "identified_at.identifying_agency" },
        { "no form of exploitation", "forms_of_exploitation" },
        { "unspecified indicator", "indicators_observed[0]" },
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task A_registration_with_a_bad_field_is_refused_naming_the_field_and_stores_nothing(string problem, string field)
    {
        var request = ARegistration();
        Break(request, problem);
        var eventsBefore = await CountEventsAsync();

        var refusal = await RpcAssert.Refused(StatusCode.InvalidArgument,
            () => service.ClientFor(ScreenerInNigeria).RegisterPresumedVictimAsync(request).ResponseAsync);

        refusal.Status.Detail.ShouldContain($" {field}:");
        (await CountEventsAsync()).ShouldBe(eventsBefore);
    }

    public static TheoryData<string, string> InvalidCommands => new()
    {
        { "identify: case id not a uuid", "case_id" },
        { "identify: no reason", "reason" },
        { "identify: outcome unspecified", "outcome" },
        { "identify: negative expected version", "expected_version" },
        { "identify: no deciding organisation", "deciding_organisation" },
        { "guardian: none given", "guardian" },
        { "guardian: no name", "guardian.full_name" },
        { "correct: no reason", "reason" },
        { "correct: bad citizenship", "person.citizenships[0]" },
        { "resolve: other case id not a uuid", "other_case_id" },
        { "resolve: resolution unspecified", "resolution" },
        { "close: closure reason unspecified", "closure_reason" },
        { "close: blank reason", "reason" },
        { "get: case id not a uuid", "case_id" },
        { "history: case id not a uuid", "case_id" },
        { "search: country not a code", "country" },
        { "search: page too large", "page.page_size" },
    };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public async Task A_command_or_query_with_a_bad_field_is_refused_naming_the_field_and_stores_nothing(string problem, string field)
    {
        var registered = await service.ClientFor(ScreenerInNigeria).RegisterPresumedVictimAsync(ARegistration());
        var eventsBefore = await CountEventsAsync();

        var refusal = await RpcAssert.Refused(StatusCode.InvalidArgument, () => Send(problem, registered.CaseId));

        refusal.Status.Detail.ShouldContain($" {field}:");
        (await CountEventsAsync()).ShouldBe(eventsBefore);
    }

    [Theory]
    [InlineData("identify")]
    [InlineData("guardian")]
    [InlineData("correct")]
    [InlineData("close")]
    [InlineData("get")]
    [InlineData("history")]
    public async Task A_case_that_does_not_exist_is_not_found(string rpc)
    {
        var eventsBefore = await CountEventsAsync();

        await RpcAssert.Refused(StatusCode.NotFound, () => Send($"{rpc}: valid", UnknownCaseId));

        (await CountEventsAsync()).ShouldBe(eventsBefore);
    }

    [Fact]
    public async Task A_guardian_for_an_adult_is_refused_naming_the_rule()
    {
        var adult = await service.ClientFor(ScreenerInNigeria).RegisterPresumedVictimAsync(ARegistration());
        var eventsBefore = await CountEventsAsync();

        var refusal = await RpcAssert.Refused(StatusCode.FailedPrecondition, () => Send("guardian: valid", adult.CaseId));

        refusal.Status.Detail.ShouldContain("guardian-only-for-children");
        (await CountEventsAsync()).ShouldBe(eventsBefore);
    }

    [Fact]
    public async Task Resolving_a_duplicate_that_was_never_detected_is_refused_naming_the_rule()
    {
        var registered = await service.ClientFor(ScreenerInNigeria).RegisterPresumedVictimAsync(ARegistration("Zainab", "Lawal"));

        var refusal = await RpcAssert.Refused(StatusCode.FailedPrecondition, () => Send("resolve: valid", registered.CaseId));

        refusal.Status.Detail.ShouldContain("possible-duplicate-not-recorded");
    }

    [Fact]
    public async Task Recording_on_a_closed_case_is_refused_naming_the_rule()
    {
        var client = service.ClientFor(ScreenerInNigeria);
        var registered = await client.RegisterPresumedVictimAsync(ARegistration());
        await Send("close: valid", registered.CaseId);

        var refusal = await RpcAssert.Refused(StatusCode.FailedPrecondition, () => Send("identify: valid", registered.CaseId));

        refusal.Status.Detail.ShouldContain("case-closed");
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var anonymous = new VictimCases.VictimCasesClient(service.ChannelWithToken(null));

        await RpcAssert.Refused(StatusCode.Unauthenticated, () => anonymous.GetCaseAsync(new GetCaseRequest { CaseId = UnknownCaseId }).ResponseAsync);
    }

    private async Task<long> CountEventsAsync()
    {
        await using var session = service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    private static void Break(RegisterPresumedVictimRequest request, string problem)
    {
        switch (problem)
        {
            case "no person": request.Person = null; break;
            case "no name at all": request.Person.GivenName = " "; request.Person.FamilyName = ""; break;
            case "gender left unspecified": request.Person.Gender = Gender.Unspecified; break;
            case "birth date in the future": request.Person.DateOfBirth = new Google.Type.Date { Year = DateTime.UtcNow.Year + 1, Month = 1, Day = 1 }; break;
            case "30 February": request.Person.DateOfBirth = new Google.Type.Date { Year = 2001, Month = 2, Day = 30 }; break;
            case "birth date and estimated age": request.Person.EstimatedAgeYears = 25; break;
            case "citizenship not a code": request.Person.Citizenships[0] = "Nigeria"; break;
            case "language in upper case": request.Person.Languages[0] = "EN"; break;
            case "no place of identification": request.IdentifiedAt = null; break;
            case "country not a code": request.IdentifiedAt.Country = "ng"; break;
            case "no identifying agency": request.IdentifiedAt.IdentifyingAgency = ""; break;
            case "no form of exploitation": request.FormsOfExploitation.Clear(); break;
            case "unspecified indicator": request.IndicatorsObserved.Insert(0, ControlIndicator.Unspecified); break;
            default: throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
        }
    }

    private Task Send(string problem, string caseId)
    {
        var client = service.ClientFor(AuthorityInNigeria);
        var identify = new IdentifyFormallyRequest
        {
            CaseId = caseId,
            Outcome = IdentificationOutcome.IdentifiedAsVictim,
            DecidingOrganisation = new Organisation { Name = "NAPTIP", Kind = OrganisationKind.GovernmentAgency },
            Reason = "Confirmed",
        };
        var guardian = new AppointGuardianRequest { CaseId = caseId, Guardian = new Guardian { FullName = "A Guardian", Organisation = "Social Welfare" } };
        var correct = new CorrectPersonalDetailsRequest { CaseId = caseId, Person = ARegistration("Corrected").Person, Reason = "Spelling" };
        var resolve = new ResolvePossibleDuplicateRequest { CaseId = caseId, OtherCaseId = Guid.NewGuid().ToString(), Resolution = DuplicateResolution.Link, Reason = "Same person" };
        var close = new CloseCaseRequest { CaseId = caseId, ClosureReason = CaseClosureReason.Other, Reason = "Test" };
        var search = new SearchCasesRequest { Country = "NG" };

        switch (problem)
        {
            case "identify: case id not a uuid": identify.CaseId = "case-1"; break;
            case "identify: no reason": identify.Reason = ""; break;
            case "identify: outcome unspecified": identify.Outcome = IdentificationOutcome.Unspecified; break;
            case "identify: negative expected version": identify.ExpectedVersion = -1; break;
            case "identify: no deciding organisation": identify.DecidingOrganisation = null; break;
            case "guardian: none given": guardian.Guardian = null; break;
            case "guardian: no name": guardian.Guardian.FullName = ""; break;
            case "correct: no reason": correct.Reason = "  "; break;
            case "correct: bad citizenship": correct.Person.Citizenships[0] = "NGA"; break;
            case "resolve: other case id not a uuid": resolve.OtherCaseId = "x"; break;
            case "resolve: resolution unspecified": resolve.Resolution = DuplicateResolution.Unspecified; break;
            case "close: closure reason unspecified": close.ClosureReason = CaseClosureReason.Unspecified; break;
            case "close: blank reason": close.Reason = " "; break;
            case "get: case id not a uuid": return client.GetCaseAsync(new GetCaseRequest { CaseId = "nope" }).ResponseAsync;
            case "history: case id not a uuid": return client.GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = "" }).ResponseAsync;
            case "search: country not a code": search.Country = "Nigeria"; break;
            case "search: page too large": search.Page = new Contracts.Common.V1.PageRequest { PageSize = 1000 }; break;
            case "get: valid": return client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync;
            case "history: valid": return client.GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = caseId }).ResponseAsync;
        }

        return problem.Split(':')[0] switch
        {
            "identify" => client.IdentifyFormallyAsync(identify).ResponseAsync,
            "guardian" => client.AppointGuardianAsync(guardian).ResponseAsync,
            "correct" => client.CorrectPersonalDetailsAsync(correct).ResponseAsync,
            "resolve" => client.ResolvePossibleDuplicateAsync(resolve).ResponseAsync,
            "close" => client.CloseCaseAsync(close).ResponseAsync,
            "search" => client.SearchCasesAsync(search).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };
    }
}
