namespace TipReferral.LoadTests.Baselines;

/// <summary>
/// p50, p95 and mean of one raw operation, in milliseconds, measured with `callers` concurrent
/// loops for `duration`, and operations/s.
/// </summary>
public sealed record RawCost(string Name, int Operations, double P50Ms, double P95Ms, double MeanMs, double PerSecond);

/// <summary>The raw work a workflow command does, each part measured on its own on the run's infrastructure.</summary>
public sealed record RawCosts(RawCost MartenQuickAppend, RawCost MartenRichAppend, RawCost PublishConsume, RawCost GrpcUnaryWithJwt);
