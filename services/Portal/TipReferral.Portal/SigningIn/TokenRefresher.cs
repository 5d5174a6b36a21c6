using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace TipReferral.Portal.SigningIn;

/// <summary>
/// Renews the access token with the refresh token shortly before it expires, on the request
/// that notices; when the provider refuses, the session ends and the next page asks the person
/// to sign in again. A page therefore never calls a service with an expired token.
/// </summary>
public sealed partial class TokenRefresher(IOptionsMonitor<OpenIdConnectOptions> oidcOptions, PortalOptions options, TimeProvider clock, ILogger<TokenRefresher> logger)
{
    /// <summary>Refresh this long before expiry, so a page's several calls all carry a valid token.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    public async Task KeepFreshAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is null
            || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiry)
            || expiry - clock.GetUtcNow() > Margin)
        {
            return;
        }

        TokenResponse? renewed;
        try
        {
            renewed = context.Properties.GetTokenValue("refresh_token") is { } refreshToken
                ? await RefreshAsync(refreshToken, context.HttpContext.RequestAborted)
                : null;
        }
        catch (Exception unreachable) when (unreachable is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            if (expiry > clock.GetUtcNow())
            {
                // The provider is briefly unreachable but the token still holds: the next request tries again.
                LogRefreshPostponed(logger, unreachable.Message);
                return;
            }

            renewed = null;
        }

        if (renewed is null)
        {
            LogSessionEnded(logger);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.Properties.UpdateTokenValue("access_token", renewed.AccessToken!);
        if (renewed.RefreshToken is { Length: > 0 } rotated)
        {
            context.Properties.UpdateTokenValue("refresh_token", rotated);
        }

        context.Properties.UpdateTokenValue("expires_at",
            clock.GetUtcNow().AddSeconds(renewed.ExpiresIn ?? 0).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private async Task<TokenResponse?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var oidc = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        using var response = await oidc.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        return token?.AccessToken is { Length: > 0 } ? token : null;
    }

    [LoggerMessage(LogLevel.Warning, "Renewing a session's token failed ({Reason}); it is still valid, so the next request tries again.")]
    private static partial void LogRefreshPostponed(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "The provider refused to renew a session's token; the person signs in again.")]
    private static partial void LogSessionEnded(ILogger logger);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);
}
