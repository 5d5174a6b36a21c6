using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.Validation;
using CaseHistory = TipReferral.Contracts.Common.V1.CaseHistory;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.ShelterCases;

public sealed class GetShelterCaseHistoryValidator : AbstractValidator<Proto.GetShelterCaseHistoryRequest>
{
    public GetShelterCaseHistoryValidator() => RuleFor(x => x.CaseId).MustBeId();
}

public sealed partial class ShelterCasesService
{
    /// <summary>The shelter's part of the case's audit trail, in the format every service's history uses.</summary>
    [Access(Roles.ShelterStaff, Roles.Supervisor, Roles.DataProtectionOfficer, ReadsPersonalData = true)]
    public override async Task<CaseHistory> GetCaseHistory(Proto.GetShelterCaseHistoryRequest request, ServerCallContext context)
    {
        await LoadForReadingAsync(request.CaseId, context.CancellationToken);
        return await session.ReadCaseHistoryAsync(ShelterModule.ServiceName, Guid.Parse(request.CaseId), masked: false, context.CancellationToken);
    }
}
