using FluentValidation;
using Grpc.Core;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed class GetCaseValidator : AbstractValidator<Proto.GetCaseRequest>
{
    public GetCaseValidator() => RuleFor(x => x.CaseId).MustBeId();
}

public sealed partial class VictimCasesService
{
    [Access(Roles.Screener, Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor, Roles.Prosecutor, Roles.LegalAidLawyer,
        Roles.WitnessProtectionAuthority, Roles.DataProtectionOfficer, ReadsPersonalData = true)]
    public override async Task<Proto.VictimCaseDetails> GetCase(Proto.GetCaseRequest request, ServerCallContext context)
    {
        var found = await LoadForReadingAsync(request.CaseId, context.CancellationToken);
        var (victimCase, personalData) = found.AsSeenBy(access, await IdentityMasks.LoadAsync(session, found.Id, context.CancellationToken));
        return victimCase.ToProto(personalData);
    }
}
