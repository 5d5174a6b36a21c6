using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grpc.Core;
using Grpc.Net.Client;
using TipReferral.Contracts.Identification.V1;

// Usage:
//   token <username> [password]              prints an access token from the identity provider
//   seed <identification-grpc-url>           registers the demo cases once (idempotent)
// The identity provider is TIPREFERRAL_IDP (default http://127.0.0.1:5000/); the password,
// when not given, is TIPREFERRAL_DEMO_PASSWORD or else the demo password the provider's
// appsettings.Development.json in this repository configures.
var identityProvider = new IdentityProvider(new Uri(Environment.GetEnvironmentVariable("TIPREFERRAL_IDP") is { Length: > 0 } idp ? idp : "http://127.0.0.1:5000/"));

try
{
    switch (args)
    {
        case ["token", var username]:
            Console.WriteLine(await identityProvider.TokenAsync(username, IdentityProvider.DemoPassword()));
            return 0;
        case ["token", var username, var password]:
            Console.WriteLine(await identityProvider.TokenAsync(username, password));
            return 0;
        case ["seed", var url]:
            return await DemoData.SeedAsync(new Uri(url), identityProvider);
        default:
            Console.Error.WriteLine("usage: token <username> [password] | seed <identification-grpc-url>");
            return 2;
    }
}
catch (TokenRequestException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}

internal sealed class TokenRequestException(string message) : Exception(message);

/// <summary>Access tokens from the OpenID Connect provider, by the password grant as the public client "tipreferral-cli".</summary>
internal sealed class IdentityProvider(Uri address)
{
    public const string ClientId = "tipreferral-cli";

    public async Task<string> TokenAsync(string username, string password)
    {
        using var http = new HttpClient { BaseAddress = address };
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = ClientId,
                ["username"] = username,
                ["password"] = password,
            }));
        }
        catch (HttpRequestException exception)
        {
            throw new TokenRequestException($"The identity provider at {address} does not answer ({exception.Message}); start it with deploy/start-system.sh or set TIPREFERRAL_IDP.");
        }

        using (response)
        {
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
            return response.IsSuccessStatusCode && body?.AccessToken is { Length: > 0 } token
                ? token
                : throw new TokenRequestException($"The identity provider refused a token for {username}: {body?.Error} {body?.ErrorDescription}".TrimEnd());
        }
    }

    public static string DemoPassword()
    {
        if (Environment.GetEnvironmentVariable("TIPREFERRAL_DEMO_PASSWORD") is { Length: > 0 } password)
        {
            return password;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var settings = Path.Combine(directory.FullName, "services", "Identity", "TipReferral.Identity", "appsettings.Development.json");
            if (File.Exists(settings))
            {
                using var json = JsonDocument.Parse(File.ReadAllText(settings), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
                if (json.RootElement.TryGetProperty("Identity", out var identity)
                    && identity.TryGetProperty("DemoPassword", out var configured) && configured.GetString() is { Length: > 0 } demo)
                {
                    return demo;
                }
            }
        }

        throw new TokenRequestException("No password given: pass it, or set TIPREFERRAL_DEMO_PASSWORD.");
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}

internal static class DemoData
{
    // Demo users of the development identity provider (services/Identity, appsettings.Development.json).
    private const string Screener = "screener.ng";
    private const string Authority = "supervisor.ng";
    private const string ScreenerItaly = "screener.it";
    private const string CaseWorker = "caseworker.ng";
    private const string WitnessProtection = "witnessprotectionauthority.ng";

    public static async Task<int> SeedAsync(Uri identification, IdentityProvider identityProvider)
    {
        var password = IdentityProvider.DemoPassword();
        var screener = Client(identification, await identityProvider.TokenAsync(Screener, password));
        var existing = await screener.SearchCasesAsync(new SearchCasesRequest { Name = "Amina Bello", Country = "NG" });
        if (existing.Cases.Any(c => c.DisplayName == "Amina Bello"))
        {
            Console.WriteLine("Demo data already present.");
            return 0;
        }

        var authority = Client(identification, await identityProvider.TokenAsync(Authority, password));
        var amina = await screener.RegisterPresumedVictimAsync(Person("Amina", "Bello", Gender.Female, new(1998, 3, 14), "NG", "Lagos, Ikeja", ExploitationType.Sexual));
        await authority.IdentifyFormallyAsync(Identified(amina, "Recruited with a false job offer; passport withheld; debt bondage confirmed in interview."));

        var chinedu = await screener.RegisterPresumedVictimAsync(Person("Chinedu", "Okeke", Gender.Male, new(1990, 11, 2), "NG", "Kano", ExploitationType.ForcedLabour));
        await authority.IdentifyFormallyAsync(Identified(chinedu, "Forced labour on a construction site; wages withheld for 14 months."));

        var childRequest = Person("Blessing", "", Gender.Female, null, "NG", "Benin City", ExploitationType.DomesticServitude);
        childRequest.Person.EstimatedAgeYears = 15;
        var blessing = await screener.RegisterPresumedVictimAsync(childRequest);
        var caseWorker = Client(identification, await identityProvider.TokenAsync(CaseWorker, password));
        await caseWorker.AppointGuardianAsync(new AppointGuardianRequest
        {
            CaseId = blessing.CaseId,
            Guardian = new Guardian { FullName = "Ngozi Adeyemi", Organisation = "Edo State Social Welfare", Contact = "+234 800 000 0000" },
        });

        // Consent per purpose and recipient: Amina's own, Blessing's through her guardian; then a shelter referral on it.
        var shelter = new ConsentRecipient { Country = "NG", Agency = "Women's shelter Lagos" };
        await caseWorker.RecordConsentAsync(new RecordConsentRequest { CaseId = amina.CaseId, Purpose = ConsentPurpose.ShelterReferral, Recipient = shelter, GivenBy = ConsentGiver.Person });
        await caseWorker.ShareCaseAsync(new ShareCaseRequest { CaseId = amina.CaseId, Purpose = ConsentPurpose.ShelterReferral, Recipient = shelter, Reason = "Needs a safe place tonight" });
        await caseWorker.RecordConsentAsync(new RecordConsentRequest
        {
            CaseId = blessing.CaseId,
            Purpose = ConsentPurpose.ShelterReferral,
            Recipient = new ConsentRecipient { Country = "NG" },
            GivenBy = ConsentGiver.Guardian,
        });

        // Chinedu testifies: his identity is protected, so everyone without the need to know sees the pseudonym.
        var witnessProtection = Client(identification, await identityProvider.TokenAsync(WitnessProtection, password));
        await witnessProtection.ProtectIdentityAsync(new ProtectIdentityRequest
        {
            CaseId = chinedu.CaseId,
            Pseudonym = "Witness C-3",
            Reason = "Key witness against the recruitment network",
        });

        var migrant = await screener.RegisterPresumedVictimAsync(Person("Musa", "Ibrahim", Gender.Male, new(1995, 6, 30), "NG", "Seme border post", ExploitationType.Other));
        await authority.IdentifyFormallyAsync(new IdentifyFormallyRequest
        {
            CaseId = migrant.CaseId,
            Outcome = IdentificationOutcome.SmuggledMigrantNotTrafficked,
            DecidingOrganisation = new Organisation { Name = "NAPTIP", Kind = OrganisationKind.GovernmentAgency },
            Reason = "Paid a smuggler; no exploitation or control found. Referred to migrant protection.",
        });
        await caseWorker.RequestErasureAsync(new RequestErasureRequest { CaseId = migrant.CaseId, Reason = "The person asked for his data to be erased (NDPA 2023, s.34)" });

        // The same woman registered again in the destination country: surfaced as a possible duplicate.
        var italy = Client(identification, await identityProvider.TokenAsync(ScreenerItaly, password));
        var again = await italy.RegisterPresumedVictimAsync(Person("Amina", "Belo", Gender.Female, new(1998, 3, 14), "IT", "Torino, Barriera di Milano", ExploitationType.Sexual));

        Console.WriteLine($"Demo cases: {amina.Reference} (identified, consented to and shared with a shelter), {chinedu.Reference} (identified, protected witness), " +
            $"{blessing.Reference} (child, guardian appointed and consenting), {migrant.Reference} (smuggled migrant, closed, erasure awaiting the DPO), {again.Reference} (Italy; possible duplicate of {amina.Reference}: {again.PossibleDuplicates.Count > 0}).");
        return 0;
    }

    private static VictimCases.VictimCasesClient Client(Uri address, string token)
    {
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            metadata.Add("x-purpose", "Seeding demo data");
            return Task.CompletedTask;
        });
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        return new VictimCases.VictimCasesClient(channel);
    }

    private static RegisterPresumedVictimRequest Person(
        string given, string family, Gender gender, DateOnly? born, string country, string place, ExploitationType exploitation)
    {
        var request = new RegisterPresumedVictimRequest
        {
            Person = new PersonDetails { GivenName = given, FamilyName = family, Gender = gender, Citizenships = { "NG" }, Languages = { "en" } },
            IdentifiedAt = new IdentificationPlace { Place = place, Country = country, IdentifyingAgency = country == "NG" ? "NAPTIP" : "Associazione On the Road" },
            FormsOfExploitation = { exploitation },
            IndicatorsObserved = { ControlIndicator.WithholdsDocuments, ControlIndicator.FalsePromises },
        };
        if (born is { } date)
        {
            request.Person.DateOfBirth = new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day };
        }

        return request;
    }

    private static IdentifyFormallyRequest Identified(RegisterPresumedVictimResponse registered, string reason) => new()
    {
        CaseId = registered.CaseId,
        ExpectedVersion = registered.Version,
        Outcome = IdentificationOutcome.IdentifiedAsVictim,
        DecidingOrganisation = new Organisation { Name = "NAPTIP", Kind = OrganisationKind.GovernmentAgency },
        Reason = reason,
    };
}
