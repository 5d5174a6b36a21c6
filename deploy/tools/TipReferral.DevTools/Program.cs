using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grpc.Core;
using Grpc.Net.Client;

// Usage:
//   token <username> [password]              prints an access token from the identity provider
//   seed <identification-grpc-url> [<shelter-grpc-url> [<legal-grpc-url> [<repatriation-grpc-url>]]]
//                                            registers the demo cases once, then (with the shelter
//                                            service's URL) the demo shelters and placements, then
//                                            (with the legal-assistance service's URL) the demo
//                                            proceedings, protected witness and permit, then (with
//                                            the repatriation service's URL) the demo counterparts
//                                            and a referral from Italy to Nigeria (idempotent)
//   screenshots <portal-url> <repatriation-grpc-url> <plan.json> <output-dir>
//                                            PNGs of the portal's pages in headless Chromium, each as
//                                            the demo user the plan names (deploy/screenshots.sh)
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
        case ["seed", var identification, .. var others] when others.Length <= 3:
            return await SeedAsync(new Uri(identification), [.. others.Select(o => new Uri(o))]);
        case ["screenshots", var portal, var repatriation, var plan, var output]:
            return await Screenshots.TakeAsync(new Uri(portal), new Uri(repatriation), plan, output, identityProvider);
        default:
            Console.Error.WriteLine("usage: token <username> [password] | seed <identification-grpc-url> [<shelter-grpc-url> [<legal-grpc-url> [<repatriation-grpc-url>]]] | screenshots <portal-url> <repatriation-grpc-url> <plan.json> <output-dir>");
            return 2;
    }
}
catch (Exception exception) when (exception is TokenRequestException or DemoDataException)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}

// Each service's demo in turn, as far as addresses were given: each builds on the cases the
// identification demo registered, and a later one on what the earlier ones recorded.
async Task<int> SeedAsync(Uri identification, Uri[] others)
{
    var cases = await IdentificationDemo.SeedAsync(identification, identityProvider);
    Func<Uri, Task<int>>[] demos =
    [
        shelter => ShelterDemo.SeedAsync(shelter, identityProvider, cases),
        legal => LegalDemo.SeedAsync(legal, identityProvider, cases),
        repatriation => RepatriationDemo.SeedAsync(repatriation, identification, identityProvider, cases),
    ];
    foreach (var (demo, address) in demos.Zip(others))
    {
        if (await demo(address) is var incomplete and not 0)
        {
            return incomplete;
        }
    }

    return 0;
}

internal sealed class TokenRequestException(string message) : Exception(message);

/// <summary>The demo data could not be completed; the message says why and what to do.</summary>
internal sealed class DemoDataException(string message) : Exception(message);

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

/// <summary>gRPC channels that send a demo user's token and the purpose every read of personal data must state.</summary>
internal static class DemoChannels
{
    public static async Task<GrpcChannel> ForAsync(Uri address, IdentityProvider identityProvider, string username)
    {
        var token = await identityProvider.TokenAsync(username, IdentityProvider.DemoPassword());
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            metadata.Add("x-purpose", "Seeding demo data");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }
}

internal static class DemoDates
{
    public static Google.Type.Date Of(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}

internal static class DemoConsents
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Retries a call while the consent it needs is still on its way from the identification
    /// service to the called service's consent ledger (over RabbitMQ).
    /// </summary>
    public static async Task<T> WhenArrivedAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + ArrivalTimeout;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException refused) when (refused.StatusCode == StatusCode.FailedPrecondition
                && refused.Status.Detail.Contains("'consent-required'", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}

internal static class DemoArrival
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Reads the case from <paramref name="service"/> until it is there: the identification
    /// service's registration reaches the other services over RabbitMQ, a little after the seed made it.
    /// </summary>
    public static async Task<T> WaitAsync<T>(string service, DemoCase demoCase, Func<Task<T>> read)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            try
            {
                return await read();
            }
            catch (RpcException notYet) when (notYet.StatusCode == StatusCode.NotFound)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new DemoDataException(
                        $"The {service} service has not taken in the demo case {demoCase.Reference} within {Timeout.TotalSeconds:0} s. " +
                        "Cases registered before it first ran were published when it had no queue, so they never reach it. For the whole demo afresh: " +
                        "deploy/stop-system.sh --keep-infra, drop the services' schemas (psql -h 127.0.0.1 -p 55432 -U postgres tipreferral -c 'drop schema if exists " +
                        "identification cascade; drop schema if exists shelter cascade; drop schema if exists legal cascade; drop schema if exists repatriation cascade'), " +
                        "then deploy/start-system.sh.");
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
