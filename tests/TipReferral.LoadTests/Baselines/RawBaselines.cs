using JasperFx.Events;

namespace TipReferral.LoadTests.Baselines;

/// <summary>
/// What a workflow command's parts cost on their own (an event append, a message hop, an
/// authenticated RPC), measured in the same run on the same infrastructure as the workflows,
/// so the benchmark can tell the system's own overhead from the floor the infrastructure sets.
/// </summary>
public static class RawBaselines
{
    /// <summary>
    /// Measures each baseline in turn, never together: running them side by side would make
    /// each one's figures include the others' load on the same cores.
    /// </summary>
    /// <param name="postgres">A database the baselines may use freely; each creates (and drops) its own schema in it.</param>
    /// <param name="rabbitMq">The broker; every exchange and queue is under a prefix of this run's own.</param>
    /// <param name="authority">An OIDC issuer URL (discovery and JWKS over http on loopback).</param>
    /// <param name="accessToken">A valid JWT from <paramref name="authority"/>.</param>
    public static async Task<RawCosts> MeasureAsync(
        string postgres, Uri rabbitMq, Uri authority, string accessToken, int callers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var quickAppend = await MartenAppendBaseline.MeasureAsync(
            "Marten append (quick)", EventAppendMode.Quick, postgres, callers, duration, cancellationToken).ConfigureAwait(false);
        var richAppend = await MartenAppendBaseline.MeasureAsync(
            "Marten append (rich)", EventAppendMode.Rich, postgres, callers, duration, cancellationToken).ConfigureAwait(false);
        var publishConsume = await PublishConsumeBaseline.MeasureAsync(
            "MassTransit publish → consume", rabbitMq, callers, duration, cancellationToken).ConfigureAwait(false);
        var grpcUnary = await GrpcUnaryBaseline.MeasureAsync(
            "gRPC unary with JWT", authority, accessToken, callers, duration, cancellationToken).ConfigureAwait(false);
        return new RawCosts(quickAppend, richAppend, publishConsume, grpcUnary);
    }
}
