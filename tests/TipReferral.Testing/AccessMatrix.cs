using Grpc.Core;
using Shouldly;
using TipReferral.ServiceDefaults.Access;

namespace TipReferral.Testing;

/// <summary>
/// What every service's access-matrix tests share: the committed matrix in docs/access-matrix/
/// compared with (or regenerated from) the declared policies, and every RPC called for a role
/// on a case of the caller's own country and of another, compared with what its policy says.
/// </summary>
public static class AccessMatrix
{
    /// <summary>Set to 1 to rewrite the committed matrix from the code instead of comparing.</summary>
    public const string WriteVariable = "TIPREFERRAL_WRITE_ACCESS_MATRIX";

    /// <summary>Statuses that mean the call never reached the access decision the cell is about.</summary>
    private static readonly StatusCode[] NeverAnAnswer = [StatusCode.Unauthenticated, StatusCode.Internal, StatusCode.Unimplemented];

    /// <summary>
    /// docs/access-matrix/<paramref name="fileName"/> holds exactly the matrix generated from the
    /// services' declared policies; with <see cref="WriteVariable"/>=1 it is rewritten first.
    /// </summary>
    public static void ShouldMatchCommittedFile(string fileName, string title, params Type[] services)
    {
        var relative = $"docs/access-matrix/{fileName}";
        var path = Path.Combine(RepositoryRoot.Path, "docs", "access-matrix", fileName);
        var generated = AccessPolicies.Matrix(title, services);
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            File.WriteAllText(path, generated);
        }

        var regenerate = $"regenerate it: {WriteVariable}=1 dotnet test --filter AccessMatrixDocumentTests";
        File.Exists(path).ShouldBeTrue($"{relative} is missing; {regenerate}");
        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(generated, $"{relative} drifted from the code; {regenerate}");
    }

    /// <summary>
    /// Calls every RPC of <paramref name="services"/> as <paramref name="role"/>, once on its own
    /// country (true) and once on another (false), through <paramref name="calls"/> (keyed by RPC
    /// name), and lists each cell where PermissionDenied and the declared policy disagree. An RPC
    /// without a call fails, and so does an answer that never reached the access decision.
    /// An RPC of <paramref name="ofCallersCountry"/> names no country and answers for the caller's
    /// own only (an inbox, the country's refused documents): there is no other-country request to
    /// refuse, so its other-country call answers whoever may call it, and must itself check that
    /// the answer holds nothing of another country.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MismatchesAsync(
        string role, IEnumerable<Type> services, IReadOnlyDictionary<string, Func<bool, Task>> calls, IReadOnlySet<string>? ofCallersCountry = null)
    {
        var mismatches = new List<string>();
        foreach (var rpc in services.SelectMany(AccessPolicies.Of))
        {
            calls.ContainsKey(rpc.Rpc).ShouldBeTrue($"The access matrix test has no call for {rpc.Rpc}: add one so the new RPC is checked.");
            foreach (var ownCountry in new[] { true, false })
            {
                var expected = ofCallersCountry?.Contains(rpc.Rpc) == true ? rpc.Policy!.Allows(role) : rpc.Policy!.Allows(role, ownCountry);
                var status = await StatusOfAsync(() => calls[rpc.Rpc](ownCountry));
                status.ShouldNotBeOneOf(NeverAnAnswer, $"{rpc.Rpc} ({(ownCountry ? "own" : "other")} country) as {role}");
                if ((status != StatusCode.PermissionDenied) != expected)
                {
                    mismatches.Add($"{rpc.Rpc} ({(ownCountry ? "own" : "other")} country): expected {(expected ? "allowed" : "denied")}, got {status}");
                }
            }
        }

        return mismatches;
    }

    /// <summary>OK, or the status the call was refused with.</summary>
    public static async Task<StatusCode> StatusOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException refused)
        {
            return refused.StatusCode;
        }
    }
}
