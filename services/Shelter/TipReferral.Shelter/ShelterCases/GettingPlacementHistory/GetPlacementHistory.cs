using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.Contracts.Common.V1;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.ShelterCases;

public sealed class GetPlacementHistoryValidator : AbstractValidator<Proto.GetPlacementHistoryRequest>
{
    public GetPlacementHistoryValidator() => RuleFor(x => x.CaseId).MustBeId();
}

public sealed partial class ShelterCasesService
{
    /// <summary>Where the person has been housed: as dangerous in the wrong hands as a name, so a stated purpose and an audited read.</summary>
    [Access(Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor, ReadsPersonalData = true)]
    public override async Task<Proto.PlacementHistory> GetPlacementHistory(Proto.GetPlacementHistoryRequest request, ServerCallContext context)
    {
        var shelterCase = await LoadForReadingAsync(request.CaseId, context.CancellationToken);
        var history = new Proto.PlacementHistory { CaseId = request.CaseId };
        (history.PersonalDataState, history.Pseudonym) = shelterCase.PersonalDataErased
            ? (PersonalDataState.Erased, "")
            : AsSeenByCaller(await IdentityMasks.LoadAsync(session, shelterCase.Id, context.CancellationToken));
        history.Placements.AddRange(shelterCase.Placements.Select(p => p.ToProto()));
        return history;
    }
}
