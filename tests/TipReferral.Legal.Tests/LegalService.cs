using Grpc.Core;
using Grpc.Core.Interceptors;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using LegalFile = TipReferral.Legal.LegalFiles.LegalFile;
using TipReferral.ServiceDefaults.Access;
using TipReferral.Testing;

namespace TipReferral.Legal.Tests;

/// <summary>The legal-assistance service on a real server (PostgreSQL, RabbitMQ, daemon, timers), shared by a test class.</summary>
public class LegalService : ServiceWithTestBus<Program>
{
    public LegalService()
        : this(null)
    {
    }

    protected LegalService(TimeProvider? clock)
        : base(LegalModule.ServiceName, clock)
    {
    }

    public const string DefaultPurpose = "Legal assistance (test)";

    /// <summary>The demo prosecutor of Italy; DemoUsers gives each role of a country one agency.</summary>
    public static DemoUser ProsecutorInItaly => DemoUsers.For(Roles.Prosecutor, "IT");

    public static DemoUser AuthorityInItaly => DemoUsers.For(Roles.WitnessProtectionAuthority, "IT");

    public LegalCases.LegalCasesClient LegalCasesFor(DemoUser user, string? purpose = DefaultPurpose) => ClientFor<LegalCases.LegalCasesClient>(user, purpose);

    /// <summary>A client of any of the service's gRPC services (one per capability) for <paramref name="user"/>, stating the default purpose.</summary>
    public TClient ClientFor<TClient>(DemoUser user)
        where TClient : ClientBase<TClient> =>
        ClientFor<TClient>(user, DefaultPurpose);

    public TipReferral.Contracts.Audit.V1.ReadAudit.ReadAuditClient AuditClientFor(DemoUser user) => new(InvokerFor(user, DefaultPurpose));


    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>A victim case as if the identification service had registered it, taken in through the service's own consumer.</summary>
    public async Task<string> AVictimCaseAsync(string country = "IT", bool child = false)
    {
        var caseId = Guid.CreateVersion7();
        await PublishAsync(new Contracts.Identification.V1.VictimCaseRegisteredIntegrationEvent(caseId, $"{country}-T-{caseId:N}"[..20], country, child, Clock.GetUtcNow()));
        await Eventually.HoldsAsync(async () => await LoadAsync(caseId.ToString()) is not null);
        return caseId.ToString();
    }

    /// <summary>A victim case with a proceeding of <paramref name="prosecutor"/>'s office linked to it.</summary>
    public async Task<(string CaseId, string LegalCaseId)> AVictimCaseWithLegalCaseAsync(DemoUser? prosecutor = null)
    {
        prosecutor ??= ProsecutorInItaly;
        var caseId = await AVictimCaseAsync(prosecutor.Country);
        var opened = await LegalCasesFor(prosecutor).OpenLegalCaseAsync(OpenLegalCaseRequest(caseId, prosecutor.Country));
        return (caseId, opened.LegalCaseId);
    }

    public static OpenLegalCaseRequest OpenLegalCaseRequest(string caseId, string country = "IT", string caseNumber = "RG 1234/2026")
    {
        var request = new OpenLegalCaseRequest
        {
            CaseId = caseId,
            Jurisdiction = new Jurisdiction { Country = country, AuthorityKind = AuthorityKind.ProsecutorsOffice, AuthorityName = "Procura di Torino" },
            AuthorityCaseNumber = caseNumber,
        };
        request.Offences.Add(Offence.TraffickingInPersons);
        request.VictimRoles.Add(VictimRole.Witness);
        return request;
    }

    public async Task<LegalFile?> LoadAsync(string caseId)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<LegalFile>(Guid.Parse(caseId));
    }

}
