using Grpc.Core;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Portal.Calling;
using TipReferral.Portal.Refusing;

namespace TipReferral.Portal.Pages.Audit;

/// <summary>What one service's read audit answered: its records, or why it gave none.</summary>
public sealed record ServiceAnswer<T>(string Service, T? Answer, RefusalKind? Refused)
    where T : class;

/// <summary>
/// Every service keeps the read audit of what it revealed, so each is asked the same question;
/// one that refuses or does not answer is shown as such, the others' answers still count.
/// </summary>
public static class EveryService
{
    public static Task<ServiceAnswer<T>[]> AskAsync<T>(ReadAudits audits, Func<ReadAudit.ReadAuditClient, AsyncUnaryCall<T>> ask)
        where T : class =>
        Task.WhenAll(ServiceClients.Names.Select(async service =>
        {
            try
            {
                return new ServiceAnswer<T>(service, await ask(audits.Of(service)), null);
            }
            catch (RpcException refused)
            {
                return new ServiceAnswer<T>(service, null, Refusal.From(refused).Kind);
            }
        }));

    /// <summary>Every service's records, newest first, each still saying which service it comes from.</summary>
    public static IReadOnlyList<AccessRecord> Merged(IEnumerable<ServiceAnswer<AccessRecords>> answers) =>
        [.. answers.SelectMany(answer => answer.Answer?.Records ?? []).OrderByDescending(record => record.At?.ToDateTimeOffset())];

    /// <summary>One pager over the services' pages: page N of each, as many pages as the longest has.</summary>
    public static Contracts.Common.V1.PageInfo Paging(IEnumerable<ServiceAnswer<AccessRecords>> answers, int page, int size) =>
        new() { Page = page, PageSize = size, TotalItems = answers.Select(answer => answer.Answer?.Page?.TotalItems ?? 0).DefaultIfEmpty().Max() };
}
