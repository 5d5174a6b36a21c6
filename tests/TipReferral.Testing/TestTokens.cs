using TipReferral.Domain;
using TipReferral.ServiceDefaults.Security;

namespace TipReferral.Testing;

/// <summary>Signed bearer tokens for test callers, with the key the services under test are given.</summary>
public static class TestTokens
{
    public const string SigningKey = "test-only-signing-key-0123456789-0123456789";

    public static readonly AuthOptions Options = new() { SigningKey = SigningKey };

    public static string For(Caller caller, TimeSpan? lifetime = null) =>
        DevelopmentTokens.Issue(Options, caller, lifetime ?? TimeSpan.FromHours(1));
}
