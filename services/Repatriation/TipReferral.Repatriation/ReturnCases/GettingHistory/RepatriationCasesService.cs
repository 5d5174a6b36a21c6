using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.ServiceDefaults.Validation;
using CaseHistory = TipReferral.Contracts.Common.V1.CaseHistory;
using Proto = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Repatriation.ReturnCases;

public sealed class GetRepatriationCaseHistoryValidator : AbstractValidator<Proto.GetRepatriationCaseHistoryRequest>
{
    public GetRepatriationCaseHistoryValidator() => RuleFor(x => x.CaseId).MustBeId();
}

public sealed class RepatriationCasesService(ReturnCaseCommands cases, CaseAccess access) : Proto.RepatriationCases.RepatriationCasesBase
{
    /// <summary>
    /// The repatriation part of the case's audit trail, in the format every service uses, for the
    /// destination country. The receiving agency reads its package and its part, not the trail; a
    /// protected witness's personal fields are masked for whoever lacks the need to know.
    /// </summary>
    [Access(Roles.CaseWorker, Roles.Supervisor, Roles.DataProtectionOfficer, ReadsPersonalData = true)]
    public override async Task<CaseHistory> GetCaseHistory(Proto.GetRepatriationCaseHistoryRequest request, ServerCallContext context)
    {
        var returnCase = await cases.LoadForReadingAsync(request.CaseId, context.CancellationToken);
        cases.EnsureSendingSide(returnCase);
        var masked = access.IsHiddenBy(await IdentityMasks.LoadAsync(cases.Session, returnCase.Id, context.CancellationToken));
        return await cases.Session.ReadCaseHistoryAsync(RepatriationModule.ServiceName, returnCase.Id, masked, context.CancellationToken);
    }
}
