using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Marten;
using Marten.Pagination;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.ShelterCases;

public sealed class ListAwaitingPlacementValidator : AbstractValidator<Proto.ListAwaitingPlacementRequest>
{
    public ListAwaitingPlacementValidator()
    {
        RuleFor(x => x.Country).MustBeCountry();
        RuleFor(x => x.Page).MustBePage();
    }
}

public sealed partial class ShelterCasesService
{
    /// <summary>Open cases of a country not (yet) in a shelter, oldest first: references and flags, nothing about the person.</summary>
    [Access(Roles.Screener, Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor)]
    public override async Task<Proto.ListAwaitingPlacementResponse> ListAwaitingPlacement(Proto.ListAwaitingPlacementRequest request, ServerCallContext context)
    {
        access.EnsureMayReach(request.Country);
        var (page, pageSize) = Paging.Of(request.Page);
        var awaiting = await session.Query<ShelterCase>()
            .Where(c => c.Country == request.Country && !c.ClosedInIdentification
                && (c.Status == PlacementStatus.AwaitingPlacement || c.Status == PlacementStatus.Referred))
            .OrderBy(c => c.AwaitingSince)
            .Select(c => new AwaitingPlacementRow(c.Id, c.Reference, c.IsPresumedChild, c.GuardianAppointed, c.FormallyIdentified, c.AwaitingSince, c.ReferredTo))
            .ToPagedListAsync(page, pageSize, context.CancellationToken);

        var masks = await IdentityMasks.LoadAsync(session, [.. awaiting.Select(c => c.Id)], context.CancellationToken);
        var response = new Proto.ListAwaitingPlacementResponse
        {
            Page = new PageInfo { Page = page, PageSize = pageSize, TotalItems = awaiting.TotalItemCount },
        };
        response.Cases.AddRange(awaiting.Select(c =>
        {
            var (personalData, pseudonym) = AsSeenByCaller(masks.GetValueOrDefault(c.Id));
            return new Proto.AwaitingPlacement
            {
                CaseId = c.Id.ToString(),
                CaseReference = c.Reference,
                IsPresumedChild = c.IsPresumedChild,
                GuardianAppointed = c.GuardianAppointed,
                FormallyIdentified = c.FormallyIdentified,
                AwaitingSince = Timestamp.FromDateTimeOffset(c.AwaitingSince),
                ReferredToShelterId = c.ReferredTo?.ToString() ?? "",
                PersonalDataState = personalData,
                Pseudonym = pseudonym,
            };
        }));
        return response;
    }

    /// <summary>The columns the list shows, selected in the query so no personal field is ever read.</summary>
    public sealed record AwaitingPlacementRow(
        Guid Id, string Reference, bool IsPresumedChild, bool GuardianAppointed, bool FormallyIdentified, DateTimeOffset AwaitingSince, Guid? ReferredTo);
}
