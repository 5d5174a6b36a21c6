using FluentValidation;
using Grpc.Core;
using Marten;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.Domain;
using TipReferral.PersonalData;
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
    public override Task<CaseHistory> GetCaseHistory(Proto.GetCaseHistoryRequest request, ServerCallContext context) =>
        session.ReadCaseHistoryAsSeenByAsync(keys, access, request.CaseId, context.CancellationToken);
}

internal static class CaseHistoryReads
{
    /// <summary>
    /// The case's history as the caller may see it: only within reach, recorded as a read, and
    /// without personal fields while the identity is hidden from the caller.
    /// </summary>
    public static async Task<CaseHistory> ReadCaseHistoryAsSeenByAsync(
        this IDocumentSession session, ICaseKeys keys, CaseAccess access, string caseId, CancellationToken cancellationToken)
    {
        var found = await session.LoadForReadingAsync(keys, access, caseId, cancellationToken);
        var (_, personalData) = found.AsSeenBy(access, await IdentityMasks.LoadAsync(session, found.Id, cancellationToken));
        return await session.ReadCaseHistoryAsync(
            IdentificationModule.ServiceName, found.Id, masked: personalData == PersonalDataState.Masked, cancellationToken);
    }
}
