using FluentValidation;
using Grpc.Core;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.Validation;
using CaseHistory = TipReferral.Contracts.Common.V1.CaseHistory;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed class GetCaseHistoryValidator : AbstractValidator<Proto.GetCaseHistoryRequest>
{
    public GetCaseHistoryValidator() => RuleFor(x => x.CaseId).MustBeId();
}

public sealed partial class VictimCasesService
{
    /// <summary>Every stored event of the case, in order, with who, role, agency, country, when and why.</summary>
    public override async Task<CaseHistory> GetCaseHistory(Proto.GetCaseHistoryRequest request, ServerCallContext context)
    {
        var caseId = Guid.Parse(request.CaseId);
        await keys.UnlockAsync(session, [caseId], context.CancellationToken);
        return await session.ReadCaseHistoryAsync(IdentificationModule.ServiceName, caseId, context.CancellationToken);
    }
}
