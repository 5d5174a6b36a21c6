using TipReferral.Contracts.Common.V1;

namespace TipReferral.ServiceDefaults.Validation;

/// <summary>How every list RPC reads a <see cref="PageRequest"/>: 1-based pages, 20 by default, at most 100.</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static (int Page, int PageSize) Of(PageRequest? request) =>
        (Math.Max(request?.Page ?? 0, 1), request?.PageSize is > 0 and var size ? Math.Min(size, MaxPageSize) : DefaultPageSize);
}
