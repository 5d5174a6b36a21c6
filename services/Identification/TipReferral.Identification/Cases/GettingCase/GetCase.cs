using FluentValidation;
using Grpc.Core;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed class GetCaseValidator : AbstractValidator<Proto.GetCaseRequest>
{
    public GetCaseValidator() => RuleFor(x => x.CaseId).MustBeId();
}

public sealed partial class VictimCasesService
{
    public override async Task<Proto.VictimCaseDetails> GetCase(Proto.GetCaseRequest request, ServerCallContext context) =>
        (await LoadAsync(request.CaseId, context.CancellationToken)).ToProto();
}
