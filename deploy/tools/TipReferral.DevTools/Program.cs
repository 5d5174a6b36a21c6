using Grpc.Core;
using Grpc.Net.Client;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Security;

// Usage:
//   token <role> <country> [user] [agency]   prints a development bearer token
//   seed <identification-grpc-url>           registers the demo cases once (idempotent)
// The signing key comes from Auth__SigningKey, as the services read it.
var auth = new AuthOptions { SigningKey = Environment.GetEnvironmentVariable("Auth__SigningKey") };

switch (args)
{
    case ["token", var role, var country, ..]:
        var user = args.Length > 3 ? args[3] : $"demo-{role.ToLowerInvariant()}-{country.ToLowerInvariant()}";
        var agency = args.Length > 4 ? args[4] : $"Demo agency {country}";
        Console.WriteLine(DevelopmentTokens.Issue(auth, new Caller(user, role, agency, country), TimeSpan.FromHours(8)));
        return 0;
    case ["seed", var url]:
        return await DemoData.SeedAsync(new Uri(url), auth);
    default:
        Console.Error.WriteLine("usage: token <role> <country> [user] [agency] | seed <identification-grpc-url>");
        return 2;
}

internal static class DemoData
{
    private static readonly Caller Screener = new("demo-screener-ng", "Screener", "NAPTIP Lagos", "NG");
    private static readonly Caller Authority = new("demo-naptip-officer", "Supervisor", "NAPTIP Abuja", "NG");
    private static readonly Caller ScreenerGhana = new("demo-screener-gh", "Screener", "Ghana Police Service AHTU", "GH");

    public static async Task<int> SeedAsync(Uri identification, AuthOptions auth)
    {
        var screener = Client(identification, auth, Screener);
        var existing = await screener.SearchCasesAsync(new SearchCasesRequest { Name = "Amina Bello", Country = "NG" });
        if (existing.Cases.Any(c => c.DisplayName == "Amina Bello"))
        {
            Console.WriteLine("Demo data already present.");
            return 0;
        }

        var authority = Client(identification, auth, Authority);
        var amina = await screener.RegisterPresumedVictimAsync(Person("Amina", "Bello", Gender.Female, new(1998, 3, 14), "NG", "Lagos, Ikeja", ExploitationType.Sexual));
        await authority.IdentifyFormallyAsync(Identified(amina, "Recruited with a false job offer; passport withheld; debt bondage confirmed in interview."));

        var chinedu = await screener.RegisterPresumedVictimAsync(Person("Chinedu", "Okeke", Gender.Male, new(1990, 11, 2), "NG", "Kano", ExploitationType.ForcedLabour));
        await authority.IdentifyFormallyAsync(Identified(chinedu, "Forced labour on a construction site; wages withheld for 14 months."));

        var childRequest = Person("Blessing", "", Gender.Female, null, "NG", "Benin City", ExploitationType.DomesticServitude);
        childRequest.Person.EstimatedAgeYears = 15;
        var blessing = await screener.RegisterPresumedVictimAsync(childRequest);
        await screener.AppointGuardianAsync(new AppointGuardianRequest
        {
            CaseId = blessing.CaseId,
            Guardian = new Guardian { FullName = "Ngozi Adeyemi", Organisation = "Edo State Social Welfare", Contact = "+234 800 000 0000" },
        });

        var migrant = await screener.RegisterPresumedVictimAsync(Person("Musa", "Ibrahim", Gender.Male, new(1995, 6, 30), "NG", "Seme border post", ExploitationType.Other));
        await authority.IdentifyFormallyAsync(new IdentifyFormallyRequest
        {
            CaseId = migrant.CaseId,
            Outcome = IdentificationOutcome.SmuggledMigrantNotTrafficked,
            DecidingOrganisation = new Organisation { Name = "NAPTIP", Kind = OrganisationKind.GovernmentAgency },
            Reason = "Paid a smuggler; no exploitation or control found. Referred to migrant protection.",
        });

        // The same woman registered again across the border: surfaced as a possible duplicate.
        var ghana = Client(identification, auth, ScreenerGhana);
        var again = await ghana.RegisterPresumedVictimAsync(Person("Amina", "Belo", Gender.Female, new(1998, 3, 14), "GH", "Accra, Kaneshie", ExploitationType.Sexual));

        Console.WriteLine($"Demo cases: {amina.Reference} (identified), {chinedu.Reference} (identified), {blessing.Reference} (child, guardian appointed), " +
            $"{migrant.Reference} (smuggled migrant, closed), {again.Reference} (Ghana; possible duplicate of {amina.Reference}: {again.PossibleDuplicates.Count > 0}).");
        return 0;
    }

    private static VictimCases.VictimCasesClient Client(Uri address, AuthOptions auth, Caller caller)
    {
        var token = DevelopmentTokens.Issue(auth, caller, TimeSpan.FromMinutes(10));
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
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
            IdentifiedAt = new IdentificationPlace { Place = place, Country = country, IdentifyingAgency = country == "NG" ? "NAPTIP" : "Ghana Police Service AHTU" },
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
