using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.Validation;
using CaseHistory = TipReferral.Contracts.Common.V1.CaseHistory;
using Proto = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Legal.LegalFiles;

public sealed class GetLegalCaseHistoryValidator : AbstractValidator<Proto.GetLegalCaseHistoryRequest>
{
    public GetLegalCaseHistoryValidator() => RuleFor(x => x.CaseId).MustBeId();
}

public sealed partial class LegalCasesService
{
    /// <summary>
    /// The legal-assistance part of the case's audit trail, in the format every service's history
    /// uses. It tells of proceedings, so social-care roles do not read it.
    /// </summary>
    [Access(Roles.Prosecutor, Roles.LegalAidLawyer, Roles.WitnessProtectionAuthority, Roles.Supervisor, Roles.DataProtectionOfficer, ReadsPersonalData = true)]
    public override async Task<CaseHistory> GetCaseHistory(Proto.GetLegalCaseHistoryRequest request, ServerCallContext context)
    {
        var file = await files.LoadForReadingAsync(request.CaseId, context.CancellationToken);
        files.EnsureLawyerAssigned(file);
        return await session.ReadCaseHistoryAsync(LegalModule.ServiceName, file.Id, masked: false, context.CancellationToken);
    }
}
