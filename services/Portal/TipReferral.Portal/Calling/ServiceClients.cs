using TipReferral.ServiceDefaults.EventStore;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Authentication;
using TipReferral.Portal.SigningIn;
using Audit = TipReferral.Contracts.Audit.V1;
using Identification = TipReferral.Contracts.Identification.V1;
using Legal = TipReferral.Contracts.Legal.V1;
using Repatriation = TipReferral.Contracts.Repatriation.V1;
using Shelter = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Portal.Calling;

/// <summary>
/// The gRPC clients of the four services. Every call carries the signed-in person's own access
/// token, so each service applies its own access rules, masks and read audit to them exactly as
/// to any other caller: the portal decides nothing a service would decide.
/// </summary>
public static class ServiceClients
{
    /// <summary>The services by the names their history entries and read audits carry.</summary>
    public static readonly IReadOnlyList<string> Names = ["identification", "shelter", "legal-assistance", "repatriation"];

    /// <summary>How long a page waits for a service before it says the service did not answer.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    public static WebApplicationBuilder AddServiceClients(this WebApplicationBuilder builder)
    {
        var services = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>()?.Services ?? new ServiceAddresses();
        var identification = Required(services.Identification, nameof(services.Identification));
        var shelter = Required(services.Shelter, nameof(services.Shelter));
        var legal = Required(services.Legal, nameof(services.Legal));
        var repatriation = Required(services.Repatriation, nameof(services.Repatriation));

        Add<Identification.VictimCases.VictimCasesClient>(builder, identification);
        Add<Identification.WholeCaseHistories.WholeCaseHistoriesClient>(builder, identification);
        Add<Shelter.Shelters.SheltersClient>(builder, shelter);
        Add<Shelter.ShelterCases.ShelterCasesClient>(builder, shelter);
        Add<Legal.LegalCases.LegalCasesClient>(builder, legal);
        Add<Legal.Cooperation.CooperationClient>(builder, legal);
        Add<Legal.WitnessProtection.WitnessProtectionClient>(builder, legal);
        Add<Legal.LegalHolds.LegalHoldsClient>(builder, legal);
        Add<Legal.LegalAid.LegalAidClient>(builder, legal);
        Add<Legal.ResidencePermits.ResidencePermitsClient>(builder, legal);
        Add<Legal.Compensation.CompensationClient>(builder, legal);
        Add<Repatriation.Counterparts.CounterpartsClient>(builder, repatriation);
        Add<Repatriation.Referrals.ReferralsClient>(builder, repatriation);
        Add<Repatriation.SignedDocuments.SignedDocumentsClient>(builder, repatriation);
        Add<Repatriation.RiskAssessments.RiskAssessmentsClient>(builder, repatriation);
        Add<Repatriation.ChildSafeguards.ChildSafeguardsClient>(builder, repatriation);
        Add<Repatriation.Travel.TravelClient>(builder, repatriation);
        Add<Repatriation.Reintegration.ReintegrationClient>(builder, repatriation);
        Add<Repatriation.RepatriationCases.RepatriationCasesClient>(builder, repatriation);
        // Every service keeps the read audit of what it revealed: a DataProtectionOfficer asks each.
        foreach (var (name, address) in Names.Zip(new[] { identification, shelter, legal, repatriation }))
        {
            Add<Audit.ReadAudit.ReadAuditClient>(builder, address, name);
        }

        builder.Services.AddSingleton<ReadAudits>();
        return builder;
    }

    private static void Add<TClient>(WebApplicationBuilder builder, Uri address, string? name = null)
        where TClient : ClientBase
    {
        var client = name is null
            ? builder.Services.AddGrpcClient<TClient>(grpc => grpc.Address = address)
            : builder.Services.AddGrpcClient<TClient>(name, grpc => grpc.Address = address);
        client
            .AddInterceptor(() => new DefaultDeadline(CallTimeout))
            .AddCallCredentials(async (_, metadata, services) =>
            {
                var http = services.GetRequiredService<IHttpContextAccessor>().HttpContext;
                if (http is not null && await http.GetTokenAsync("access_token") is { } token)
                {
                    metadata.Add("Authorization", $"Bearer {token}");
                }
            })
            // Loopback development speaks cleartext HTTP/2; a deployment gives https addresses.
            .ConfigureChannel(channel =>
            {
                channel.UnsafeUseInsecureChannelCallCredentials = address.Scheme == Uri.UriSchemeHttp;
                channel.MaxReceiveMessageSize = CaseHistoryReader.MaxMessageBytes;
            });
    }

    private static Uri Required(Uri? address, string name) =>
        address ?? throw new InvalidOperationException($"{PortalOptions.Section}:Services:{name} must be the gRPC address of the {name} service.");
}

/// <summary>The read audit of each service, by service name.</summary>
public sealed class ReadAudits(GrpcClientFactory factory)
{
    public Audit.ReadAudit.ReadAuditClient Of(string service) => factory.CreateClient<Audit.ReadAudit.ReadAuditClient>(service);
}
