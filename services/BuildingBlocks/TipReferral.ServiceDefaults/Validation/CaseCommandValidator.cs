using FluentValidation;
using TipReferral.Contracts.Common.V1;

namespace TipReferral.ServiceDefaults.Validation;

/// <summary>The rules every request that changes a case shares: a case id, and a version of zero or more if given.</summary>
public abstract class CaseCommandValidator<TRequest> : AbstractValidator<TRequest>
    where TRequest : ICaseCommandRequest
{
    protected CaseCommandValidator()
    {
        RuleFor(x => x.CaseId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeVersion();
    }
}
