using TipReferral.Domain;
using TipReferral.Repatriation.Counterparts;
using TipReferral.Repatriation.ReturnCases;
using TipReferral.Repatriation.SignedDocuments;
using TipReferral.ServiceDefaults.Access;
using TipReferral.Testing;

namespace TipReferral.Repatriation.Tests.Security;

/// <summary>
/// The committed access matrix (docs/access-matrix/repatriation.md) is the one the code declares. To
/// regenerate it after changing a policy: TIPREFERRAL_WRITE_ACCESS_MATRIX=1 dotnet test --filter AccessMatrixDocumentTests
/// </summary>
public sealed class AccessMatrixDocumentTests
{
    public static readonly Type[] Services =
    [
        typeof(CounterpartsService), typeof(ReferralsService), typeof(SignedDocumentsService), typeof(RiskAssessmentsService),
        typeof(ChildSafeguardsService), typeof(TravelService), typeof(ReintegrationService), typeof(RepatriationCasesService), typeof(ReadAuditService),
    ];

    private static IReadOnlyList<RpcPolicy> Rpcs => [.. Services.SelectMany(AccessPolicies.Of)];

    [Fact]
    public void The_committed_access_matrix_matches_the_declared_policies() =>
        AccessMatrix.ShouldMatchCommittedFile("repatriation.md", "repatriation service", Services);

    [Fact]
    public void Every_rpc_of_the_repatriation_service_declares_a_policy()
    {
        foreach (var service in Services)
        {
            Should.NotThrow(() => AccessPolicies.EnsureDeclared(service));
            AccessPolicies.Of(service).ShouldAllBe(rpc => rpc.Policy != null);
        }
    }

    [Fact]
    public void Only_the_directory_of_counterparts_reaches_beyond_the_callers_country() =>
        Rpcs.Where(rpc => rpc.Policy!.Scope == AccessScope.AnyCountry).Select(rpc => rpc.Rpc)
            .ShouldBe([nameof(CounterpartsService.ListReceivingAgencies)]);

    [Fact]
    public void Administrators_and_statisticians_reach_no_return_case()
    {
        Rpcs.Where(rpc => rpc.Policy!.Allows(Roles.Administrator)).Select(rpc => rpc.Rpc)
            .ShouldBe([nameof(CounterpartsService.RegisterReceivingAgency), nameof(CounterpartsService.UpdateReceivingAgency), nameof(CounterpartsService.ListReceivingAgencies)]);
        Rpcs.ShouldAllBe(rpc => !rpc.Policy!.Allows(Roles.Statistician));
    }

    [Fact]
    public void The_receiving_agency_reads_the_package_and_its_part_never_the_case_history()
    {
        Rpcs.Where(rpc => rpc.Policy!.ReadsPersonalData && rpc.Policy.Allows(Roles.ReceivingAgency)).Select(rpc => rpc.Rpc)
            .ShouldBe([nameof(ReferralsService.GetReferral), nameof(ReferralsService.GetDisclosurePackage)], ignoreOrder: true);
        Rpcs.Single(rpc => rpc.Rpc == nameof(RepatriationCasesService.GetCaseHistory)).Policy!.Allows(Roles.ReceivingAgency).ShouldBeFalse();
    }
}
