using TipReferral.ServiceDefaults.Grpc;
using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Marten;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

public sealed class SearchCasesValidator : AbstractValidator<Proto.SearchCasesRequest>
{
    public SearchCasesValidator()
    {
        RuleFor(x => x.Reference).MaximumLength(40);
        RuleFor(x => x.Name).MaximumLength(RuleBuilderExtensions.MaxTextLength);
        RuleFor(x => x.TraffickingStatus).IsInEnum();
        RuleFor(x => x.Country).MustBeCountry().When(x => x.Country.Length > 0);
        When(x => x.Page is not null, () =>
        {
            RuleFor(x => x.Page.Page).GreaterThanOrEqualTo(0);
            RuleFor(x => x.Page.PageSize).InclusiveBetween(0, Paging.MaxPageSize);
        });
    }
}

public static class CaseSearch
{
    /// <summary>Name searches look at this many best candidates from the name index, then score them.</summary>
    public const int NameCandidateLimit = 500;

    public const double MinimumNameScore = 0.3;
}

public sealed partial class VictimCasesService
{
    [Access(Roles.Screener, Roles.ShelterStaff, Roles.CaseWorker, Roles.Supervisor, Roles.DataProtectionOfficer, ReadsPersonalData = true)]
    public override async Task<Proto.SearchCasesResponse> SearchCases(Proto.SearchCasesRequest request, ServerCallContext context)
    {
        // Searches reach the caller's own country only; naming another country is refused, not silently narrowed.
        if (request.Country.Length > 0)
        {
            access.EnsureMayReach(request.Country);
        }

        var cancellationToken = context.CancellationToken;
        var (page, pageSize) = Paging.Of(request.Page);

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            // Counted apart: a paged query's own total reads 0 on a page past the end.
            var filtered = Filtered(session.Query<VictimCase>(), request, access.Caller.Country);
            var total = await filtered.CountAsync(cancellationToken);
            var ids = await filtered
                .OrderByDescending(c => c.RegisteredAt)
                .Skip((page - 1) * pageSize)
                .Take(pageSize)
                .Select(c => c.Id)
                .ToListAsync(cancellationToken);
            var cases = await keys.LoadInOrderAsync(session, ids, cancellationToken);
            var masks = await IdentityMasks.LoadAsync(session, ids, cancellationToken);
            return Response([.. cases.Select(c => Summary(c, masks, nameScore: 0))], page, pageSize, total);
        }

        // Fuzzy: the name index narrows to the cases sharing most trigrams, then every
        // candidate is scored on its actual names and filtered like the plain search.
        var names = new[] { request.Name };
        var candidates = await duplicates.CandidatesByNameAsync(session, names, CaseSearch.MinimumNameScore, CaseSearch.NameCandidateLimit, cancellationToken);
        var candidateMasks = await IdentityMasks.LoadAsync(session, [.. candidates.Select(c => c.Id)], cancellationToken);
        // Scored on the names as the caller may see them: a protected person is not found by their real name.
        var matches = Filtered(candidates.AsQueryable(), request, access.Caller.Country)
            .AsEnumerable()
            .Select(c => (Case: c, Score: NameIndex.Similarity(names, c.AsSeenBy(access, candidateMasks.GetValueOrDefault(c.Id)).Case.Person.AllNames)))
            .Where(match => match.Score >= CaseSearch.MinimumNameScore)
            .OrderByDescending(match => match.Score)
            .ThenByDescending(match => match.Case.RegisteredAt)
            .ToList();
        return Response(
            [.. matches.Skip((page - 1) * pageSize).Take(pageSize).Select(match => Summary(match.Case, candidateMasks, match.Score))],
            page, pageSize, matches.Count);
    }

    private static IQueryable<VictimCase> Filtered(IQueryable<VictimCase> cases, Proto.SearchCasesRequest request, string callerCountry)
    {
        cases = cases.Where(c => c.IdentifiedAt.Country == callerCountry);
        if (!string.IsNullOrWhiteSpace(request.Reference))
        {
            var reference = request.Reference.Trim().ToUpperInvariant();
            cases = cases.Where(c => c.Reference == reference);
        }

        if (request.TraffickingStatus != Proto.TraffickingStatus.Unspecified)
        {
            var status = ProtoValues.ToDomain<TraffickingStatus>(request.TraffickingStatus);
            cases = cases.Where(c => c.Status == status);
        }

        return cases;
    }

    /// <summary>A search hit shows a name: it is a read of that case, recorded as one.</summary>
    private Proto.CaseSummary Summary(VictimCase found, IReadOnlyDictionary<Guid, IdentityMask> masks, double nameScore)
    {
        access.RecordRead(found.Id, found.Country);
        var (c, personalData) = found.AsSeenBy(access, masks.GetValueOrDefault(found.Id));
        return new Proto.CaseSummary
        {
            CaseId = c.Id.ToString(),
            Reference = c.Reference,
            DisplayName = personalData == PersonalDataState.Erased ? PersonalDataValues.Erased : c.Person.AllNames.FirstOrDefault() ?? "",
            TraffickingStatus = ProtoValues.ToProto<Proto.TraffickingStatus>(c.Status),
            IsPresumedChild = c.IsPresumedChild,
            IsClosed = c.IsClosed,
            Country = c.Country,
            NameScore = Math.Round(nameScore, 3),
            RegisteredAt = Timestamp.FromDateTimeOffset(c.RegisteredAt),
            PersonalDataState = personalData,
        };
    }

    private static Proto.SearchCasesResponse Response(IEnumerable<Proto.CaseSummary> cases, int page, int pageSize, long total) => new()
    {
        Cases = { cases },
        Page = new PageInfo { Page = page, PageSize = pageSize, TotalItems = total },
    };
}
