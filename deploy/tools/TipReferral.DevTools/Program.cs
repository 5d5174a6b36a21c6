using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grpc.Core;
using Grpc.Net.Client;

// Usage:
//   token <username> [password]              prints an access token from the identity provider
//   seed <identification-grpc-url> [<shelter-grpc-url> [<legal-grpc-url>]]
//                                            registers the demo cases once, then (with the shelter
//                                            service's URL) the demo shelters and placements, then
//                                            (with the legal-assistance service's URL) the demo
//                                            proceedings, protected witness and permit (idempotent)
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
        case ["seed", var identification]:
            await IdentificationDemo.SeedAsync(new Uri(identification), identityProvider);
            return 0;
        case ["seed", var identification, var shelter]:
            return await ShelterDemo.SeedAsync(new Uri(shelter), identityProvider, await IdentificationDemo.SeedAsync(new Uri(identification), identityProvider));
        case ["seed", var identification, var shelter, var legal]:
            {
                var cases = await IdentificationDemo.SeedAsync(new Uri(identification), identityProvider);
                return await ShelterDemo.SeedAsync(new Uri(shelter), identityProvider, cases) is var placed and not 0
                    ? placed
                    : await LegalDemo.SeedAsync(new Uri(legal), identityProvider, cases);
            }
        default:
            Console.Error.WriteLine("usage: token <username> [password] | seed <identification-grpc-url> [<shelter-grpc-url> [<legal-grpc-url>]]");
            return 2;
    }
}
catch (Exception exception) when (exception is TokenRequestException or DemoDataException)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
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
