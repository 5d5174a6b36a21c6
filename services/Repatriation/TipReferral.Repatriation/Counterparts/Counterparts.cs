using FluentValidation;
using Grpc.Core;
using Marten;
using JasperFx;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.ServiceDefaults.Validation;
using Proto = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Repatriation.Counterparts;

public enum AgencyKind
{
    GovernmentAgency,
    NonGovernmentalOrganisation,
    InternationalOrganisation,
    Consulate,
}

public enum AgencyService
{
    Shelter,
    FamilyTracing,
    Reintegration,
    Medical,
    Psychosocial,
    Legal,
    AlternativeCare,
}

public sealed record ContactPoint(string Name, string Function, string Phone, string Email);

/// <summary>
/// A receiving agency of the directory: who in a country accepts referrals, and what it
/// provides. Its name is the agency its users' tokens carry, so a referral reaches those users.
/// Managed by the country's Administrators; the revision guards against lost updates.
/// </summary>
public sealed class ReceivingAgencyEntry : IRevisioned
{
    public Guid Id { get; set; }
    public string Country { get; set; } = "";
    public string Name { get; set; } = "";
    public AgencyKind Kind { get; set; }
    public List<string> Languages { get; set; } = [];
    public List<AgencyService> Services { get; set; } = [];
    public List<ContactPoint> ContactPoints { get; set; } = [];
    public bool AcceptsReferrals { get; set; } = true;
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public static void Register(StoreOptions opts) =>
        opts.Schema.For<ReceivingAgencyEntry>().UseNumericRevisions(true).Index(x => x.Country).UniqueIndex(x => x.Country, x => x.Name);
}

internal static class AgencyRules
{
    public static void ContactPointsValid<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IEnumerable<Proto.ContactPoint>>> contactPoints) =>
        validator.RuleForEach(contactPoints).ChildRules(contact =>
        {
            contact.RuleFor(c => c.Name).MustBeShortText();
            contact.RuleFor(c => c.Function).MaximumLength(RuleBuilderExtensions.MaxTextLength);
            contact.RuleFor(c => c.Phone).MaximumLength(RuleBuilderExtensions.MaxTextLength);
            contact.RuleFor(c => c.Email).MaximumLength(RuleBuilderExtensions.MaxTextLength);
        });
}

public sealed class RegisterReceivingAgencyValidator : AbstractValidator<Proto.RegisterReceivingAgencyRequest>
{
    public RegisterReceivingAgencyValidator()
    {
        RuleFor(x => x.Name).MustBeShortText();
        RuleFor(x => x.Kind).MustBeChosen();
        RuleForEach(x => x.Languages).MustBeLanguage();
        RuleForEach(x => x.Services).MustBeChosen();
        AgencyRules.ContactPointsValid(this, x => x.ContactPoints);
    }
}

public sealed class UpdateReceivingAgencyValidator : AbstractValidator<Proto.UpdateReceivingAgencyRequest>
{
    public UpdateReceivingAgencyValidator()
    {
        RuleFor(x => x.AgencyId).MustBeId();
        RuleFor(x => x.Kind).MustBeChosen();
        RuleForEach(x => x.Languages).MustBeLanguage();
        RuleForEach(x => x.Services).MustBeChosen();
        AgencyRules.ContactPointsValid(this, x => x.ContactPoints);
        RuleFor(x => x.ExpectedVersion).MustBeVersion();
    }
}

public sealed class ListReceivingAgenciesValidator : AbstractValidator<Proto.ListReceivingAgenciesRequest>
{
    public ListReceivingAgenciesValidator()
    {
        RuleFor(x => x.Country).MustBeCountry();
        RuleFor(x => x.Provides).Must(p => Enum.IsDefined(p)).WithMessage("must be one of the listed values");
    }
}

public sealed class CounterpartsService(IDocumentSession session, CaseAccess access, TimeProvider clock) : Proto.Counterparts.CounterpartsBase
{
    public const string AgencyAlreadyListedRule = "agency-already-listed";

    /// <summary>An Administrator lists agencies of their own country only.</summary>
    [Access(Roles.Administrator)]
    public override async Task<Proto.ReceivingAgency> RegisterReceivingAgency(Proto.RegisterReceivingAgencyRequest request, ServerCallContext context)
    {
        var country = access.Caller.Country;
        var name = request.Name.Trim();
        if (await session.Query<ReceivingAgencyEntry>().AnyAsync(a => a.Country == country && a.Name == name, context.CancellationToken))
        {
            throw new RuleViolationException(AgencyAlreadyListedRule, $"{name} is already listed for {country}.");
        }

        var entry = new ReceivingAgencyEntry { Id = Guid.NewGuid(), Country = country, Name = name, AcceptsReferrals = true };
        Apply(entry, request.Kind, request.Languages, request.Services, request.ContactPoints);
        session.Insert(entry);
        await session.SaveChangesAsync(context.CancellationToken);
        return ToProto(entry);
    }

    [Access(Roles.Administrator)]
    public override async Task<Proto.ReceivingAgency> UpdateReceivingAgency(Proto.UpdateReceivingAgencyRequest request, ServerCallContext context)
    {
        var entry = await session.LoadAsync<ReceivingAgencyEntry>(Guid.Parse(request.AgencyId), context.CancellationToken)
            ?? throw new NotFoundException("receiving agency", request.AgencyId);
        access.EnsureMayReach(entry.Country);
        var expected = request.HasExpectedVersion ? (int)request.ExpectedVersion : entry.Version;
        Apply(entry, request.Kind, request.Languages, request.Services, request.ContactPoints);
        entry.AcceptsReferrals = request.AcceptsReferrals;
        session.UpdateRevision(entry, expected + 1);
        await session.SaveChangesAsync(context.CancellationToken);
        return ToProto(entry);
    }

    /// <summary>The directory is no case's content: case workers and agencies read any country's.</summary>
    [Access(Roles.CaseWorker, Roles.Supervisor, Roles.ReceivingAgency, Roles.Administrator, Scope = AccessScope.AnyCountry)]
    public override async Task<Proto.ReceivingAgencyList> ListReceivingAgencies(Proto.ListReceivingAgenciesRequest request, ServerCallContext context)
    {
        access.EnsureMayReach(request.Country);
        var agencies = await session.Query<ReceivingAgencyEntry>().Where(a => a.Country == request.Country).OrderBy(a => a.Name).ToListAsync(context.CancellationToken);
        var provides = request.Provides == Proto.AgencyService.Unspecified ? (AgencyService?)null : ProtoValues.ToDomain<AgencyService>(request.Provides);
        var list = new Proto.ReceivingAgencyList();
        list.Agencies.AddRange(agencies.Where(a => provides is null || a.Services.Contains(provides.Value)).Select(ToProto));
        return list;
    }

    private void Apply(
        ReceivingAgencyEntry entry, Proto.AgencyKind kind, IEnumerable<string> languages, IEnumerable<Proto.AgencyService> services, IEnumerable<Proto.ContactPoint> contacts)
    {
        entry.Kind = ProtoValues.ToDomain<AgencyKind>(kind);
        entry.Languages = [.. languages.Distinct()];
        entry.Services = [.. services.Select(s => ProtoValues.ToDomain<AgencyService>(s)).Distinct()];
        entry.ContactPoints = [.. contacts.Select(c => new ContactPoint(c.Name.Trim(), c.Function.Trim(), c.Phone.Trim(), c.Email.Trim()))];
        entry.UpdatedBy = access.Caller.UserId;
        entry.UpdatedAt = clock.GetUtcNow();
    }

    internal static Proto.ReceivingAgency ToProto(ReceivingAgencyEntry entry)
    {
        var agency = new Proto.ReceivingAgency
        {
            AgencyId = entry.Id.ToString(),
            Country = entry.Country,
            Name = entry.Name,
            Kind = ProtoValues.ToProto<Proto.AgencyKind>(entry.Kind),
            AcceptsReferrals = entry.AcceptsReferrals,
            Version = entry.Version,
        };
        agency.Languages.AddRange(entry.Languages);
        agency.Services.AddRange(entry.Services.Select(s => ProtoValues.ToProto<Proto.AgencyService>(s)));
        agency.ContactPoints.AddRange(entry.ContactPoints.Select(c => new Proto.ContactPoint { Name = c.Name, Function = c.Function, Phone = c.Phone, Email = c.Email }));
        return agency;
    }
}
