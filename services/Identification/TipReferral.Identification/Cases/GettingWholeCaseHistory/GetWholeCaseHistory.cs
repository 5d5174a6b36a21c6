using FluentValidation;
using Grpc.Core;
using Marten;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed class GetWholeCaseHistoryValidator : AbstractValidator<Proto.GetWholeCaseHistoryRequest>
{
    public GetWholeCaseHistoryValidator() => RuleFor(x => x.CaseId).MustBeId();
}

/// <summary>
/// The whole case's audit trail: this service owns the case, so it composes its own history
/// with every configured service's, each read with the caller's own rights.
/// </summary>
public sealed class WholeCaseHistoriesService(IDocumentSession session, CaseAccess access, ICaseKeys keys, CaseHistorySources sources)
    : Proto.WholeCaseHistories.WholeCaseHistoriesBase
{
    [Access(Roles.Screener, Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor, Roles.WitnessProtectionAuthority,
        Roles.DataProtectionOfficer, ReadsPersonalData = true)]
    public override async Task<Proto.WholeCaseHistory> GetWholeCaseHistory(Proto.GetWholeCaseHistoryRequest request, ServerCallContext context)
    {
        // This service's part first: a caller it refuses, or a case it does not know, never
        // reaches the other services with the caller's token.
        var own = await session.ReadCaseHistoryAsSeenByAsync(keys, access, request.CaseId, context.CancellationToken);
        var others = await sources.AskAllAsync(request.CaseId, OnBehalfOfCaller(context), context.CancellationToken);
        return CaseHistoryMerge.Merge(request.CaseId, [SourceAnswer.Included(IdentificationModule.ServiceName, own.Entries), .. others]);
    }

    /// <summary>
    /// The caller's own bearer token and purpose, never a service identity: each service then
    /// applies its own access and masking rules to this caller and records the read as theirs.
    /// </summary>
    private Metadata OnBehalfOfCaller(ServerCallContext context) => new()
    {
        { "authorization", context.GetHttpContext().Request.Headers.Authorization.ToString() },
        { AccessInterceptor.PurposeHeader, access.Purpose },
    };
}

public static class CaseHistoryMerge
{
    /// <summary>Every answered source's entries in time order (then service, then version), and how each source answered.</summary>
    public static Proto.WholeCaseHistory Merge(string caseId, IReadOnlyList<SourceAnswer> answers)
    {
        var history = new Proto.WholeCaseHistory
        {
            CaseId = caseId,
            Complete = answers.All(answer => answer.Source.State is Proto.HistorySourceState.Included or Proto.HistorySourceState.NotFound),
        };
        history.Sources.AddRange(answers.Select(answer => answer.Source));
        history.Entries.AddRange(answers
            .SelectMany(answer => answer.Entries)
            .OrderBy(entry => entry.OccurredAt)
            .ThenBy(entry => entry.Service, StringComparer.Ordinal)
            .ThenBy(entry => entry.Version));
        return history;
    }
}
