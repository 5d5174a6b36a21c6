using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.ShelterCases;

public sealed class GetShelterCaseValidator : AbstractValidator<Proto.GetShelterCaseRequest>
{
    public GetShelterCaseValidator() => RuleFor(x => x.CaseId).MustBeId();
}

public sealed partial class ShelterCasesService
{
    /// <summary>
    /// Placement, reflection period, needs, safety plans and services with their notes: for the
    /// shelter's own staff and supervisors, not for prosecutors, lawyers or case workers.
    /// </summary>
    [Access(Roles.ShelterStaff, Roles.Supervisor, ReadsPersonalData = true)]
    public override async Task<Proto.ShelterCaseDetails> GetShelterCase(Proto.GetShelterCaseRequest request, ServerCallContext context)
    {
        var shelterCase = await LoadForReadingAsync(request.CaseId, context.CancellationToken);
        var services = await DeliveredServicesProjection.OfCaseAsync(session, shelterCase.Id, context.CancellationToken);
        var details = shelterCase.ToProto(services, clock.GetUtcNow());
        if (!shelterCase.PersonalDataErased)
        {
            (details.PersonalData, details.Pseudonym) = AsSeenByCaller(await IdentityMasks.LoadAsync(session, shelterCase.Id, context.CancellationToken));
        }

        return details;
    }
}
