using FluentValidation;
using Grpc.Core;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.ServiceDefaults.Validation;
using TipReferral.Contracts.Common.V1;
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
    [Access(Roles.Screener, Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor, Roles.WitnessProtectionAuthority,
        Roles.DataProtectionOfficer, ReadsPersonalData = true)]
    public override async Task<CaseHistory> GetCaseHistory(Proto.GetCaseHistoryRequest request, ServerCallContext context)
    {
        var found = await LoadForReadingAsync(request.CaseId, context.CancellationToken);
        var (_, personalData) = found.AsSeenBy(access, await IdentityMasks.LoadAsync(session, found.Id, context.CancellationToken));
        return await session.ReadCaseHistoryAsync(
            IdentificationModule.ServiceName, Guid.Parse(request.CaseId), masked: personalData == PersonalDataState.Masked, context.CancellationToken);
    }
}
