using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Marten;
using Marten.Pagination;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.Legal.FamilyProtection;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Legal.V1;

namespace TipReferral.Legal.LegalFiles;

public sealed class ListFamilyProtectionRequestsValidator : AbstractValidator<Proto.ListFamilyProtectionRequestsRequest>
{
    public ListFamilyProtectionRequestsValidator()
    {
        RuleFor(x => x.Country).MustBeCountry();
        RuleFor(x => x.Page).MustBePage();
    }
}

public sealed class DecideFamilyProtectionValidator : AbstractValidator<Proto.DecideFamilyProtectionRequest>
{
    public DecideFamilyProtectionValidator()
    {
        RuleFor(x => x.RequestId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeVersion();
        When(x => x.Grant, () => RuleFor(x => x.Measures).NotEmpty().WithMessage("What the family gets is required when granted."))
            .Otherwise(() => RuleFor(x => x.Measures).Empty().WithMessage("A refusal grants no measures."));
        RuleForEach(x => x.Measures).MustBeChosen();
        RuleFor(x => x.Reason).MustBeReason();
    }
}

public sealed partial class WitnessProtectionService
{
    /// <summary>The requests to protect families in the caller's country, newest first: who, asked by whom, decided how.</summary>
    [Access(Roles.WitnessProtectionAuthority, ReadsPersonalData = true)]
    public override async Task<Proto.ListFamilyProtectionRequestsResponse> ListFamilyProtectionRequests(
        Proto.ListFamilyProtectionRequestsRequest request, ServerCallContext context)
    {
        access.EnsureMayReach(request.Country);
        var (page, pageSize) = Paging.Of(request.Page);

        // The members are encrypted under each victim case's key: find the page's cases first, unlock them, then read.
        var heads = await session.Query<FamilyProtectionCase>()
            .Where(r => r.Country == request.Country)
            .OrderByDescending(r => r.RequestedAt)
            .Select(r => new FamilyProtectionHead(r.Id, r.CaseId, r.Country))
            .ToPagedListAsync(page, pageSize, context.CancellationToken);
        await keys.UnlockAsync(session, heads.Select(h => h.CaseId), context.CancellationToken);
        var requests = (await session.LoadManyAsync<FamilyProtectionCase>(context.CancellationToken, heads.Select(h => h.Id))).ToDictionary(r => r.Id);

        var response = new Proto.ListFamilyProtectionRequestsResponse
        {
            Page = new PageInfo { Page = page, PageSize = pageSize, TotalItems = heads.TotalItemCount },
        };
        foreach (var head in heads)
        {
            access.RecordRead(head.CaseId, head.Country);
            response.Requests.Add(ToProto(requests[head.Id]));
        }

        return response;
    }

    /// <summary>The authority of the family's country decides; nothing of the witness's own protection changes with it.</summary>
    [Access(Roles.WitnessProtectionAuthority)]
    public override async Task<Proto.FamilyProtectionVersion> DecideFamilyProtection(Proto.DecideFamilyProtectionRequest request, ServerCallContext context)
    {
        var requestId = Guid.Parse(request.RequestId);
        var head = await session.Query<FamilyProtectionCase>()
            .Where(r => r.Id == requestId)
            .Select(r => new FamilyProtectionHead(r.Id, r.CaseId, r.Country))
            .SingleOrDefaultAsync(context.CancellationToken)
            ?? throw new NotFoundException("family protection request", request.RequestId);
        access.EnsureMayReach(head.Country);
        if (!await keys.UnlockForWritingAsync(session, head.CaseId, context.CancellationToken))
        {
            throw new NotFoundException("family protection request", request.RequestId);
        }

        var stream = await session.Events.FetchForWriting<FamilyProtectionCase>(requestId, context.CancellationToken);
        ExpectedVersion.Ensure(request.HasExpectedVersion ? request.ExpectedVersion : null, stream.CurrentVersion, requestId);
        var events = FamilyProtectionDecider.Decide(
            new DecideFamilyProtection(requestId, request.Grant, Measures(request.Measures), request.Reason.Trim(), clock.GetUtcNow()),
            stream.Aggregate ?? throw new NotFoundException("family protection request", request.RequestId));
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            await session.SaveChangesAsync(context.CancellationToken);
        }

        return new Proto.FamilyProtectionVersion { RequestId = request.RequestId, Version = stream.CurrentVersion ?? 0 };
    }

    private static Proto.FamilyProtectionRequest ToProto(FamilyProtectionCase request)
    {
        var details = new Proto.FamilyProtectionRequest
        {
            RequestId = request.Id.ToString(),
            Country = request.Country,
            Members = request.Members,
            RequestingCountry = request.RequestingCountry,
            RequestingAuthority = request.RequestingAuthority,
            RequestedAt = Timestamp.FromDateTimeOffset(request.RequestedAt),
            Status = ProtoValues.ToProto<Proto.FamilyProtectionStatus>(request.Status),
            DecisionReason = request.DecisionReason ?? "",
            Version = request.Version,
        };
        details.MeasuresGranted.AddRange(request.MeasuresGranted.Select(m => ProtoValues.ToProto<Proto.ProtectionMeasure>(m)));
        return details;
    }

    /// <summary>What locates a request and its key, selected in the query so no personal field is read before its key is unlocked.</summary>
    public sealed record FamilyProtectionHead(Guid Id, Guid CaseId, string Country);
}
