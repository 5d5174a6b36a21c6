using TipReferral.Domain;
using TipReferral.ServiceDefaults.Access;
using TipReferral.Shelter.ShelterCases;
using TipReferral.Shelter.Shelters;
using TipReferral.Testing;

namespace TipReferral.Shelter.Tests.Security;

/// <summary>
/// The committed access matrix (docs/access-matrix/shelter.md) is the one the code declares. To
/// regenerate it after changing a policy: TIPREFERRAL_WRITE_ACCESS_MATRIX=1 dotnet test --filter AccessMatrixDocumentTests
/// </summary>
public sealed class AccessMatrixDocumentTests
{
    public static readonly Type[] Services = [typeof(SheltersService), typeof(ShelterCasesService), typeof(ReadAuditService)];

    /// <summary>The services that reach a person's case; the registry of shelters (counts and beds) is not one.</summary>
    public static readonly Type[] CaseServices = [typeof(ShelterCasesService), typeof(ReadAuditService)];

    [Fact]
    public void The_committed_access_matrix_matches_the_declared_policies() =>
        AccessMatrix.ShouldMatchCommittedFile("shelter.md", "shelter service", Services);

    [Fact]
    public void Every_rpc_of_the_shelter_service_declares_a_policy()
    {
        foreach (var service in Services)
        {
            Should.NotThrow(() => AccessPolicies.EnsureDeclared(service));
            AccessPolicies.Of(service).ShouldAllBe(rpc => rpc.Policy != null);
        }
    }

    [Fact]
    public void Administrators_and_statisticians_reach_no_case_content()
    {
        var rpcs = CaseServices.SelectMany(AccessPolicies.Of).ToList();

        rpcs.ShouldNotBeEmpty();
        rpcs.ShouldAllBe(rpc => !rpc.Policy!.Allows(Roles.Administrator) && !rpc.Policy.Allows(Roles.Statistician));
    }

    [Fact]
    public void Of_the_registry_administrators_manage_shelters_and_statisticians_only_count_beds()
    {
        var registry = AccessPolicies.Of(typeof(SheltersService));

        registry.Where(rpc => rpc.Policy!.Allows(Roles.Statistician)).Select(rpc => rpc.Rpc).ShouldBe([nameof(SheltersService.GetOccupancy)]);
        registry.Where(rpc => rpc.Policy!.Allows(Roles.Administrator)).Select(rpc => rpc.Rpc).ShouldBe(
            [nameof(SheltersService.RegisterShelter), nameof(SheltersService.ChangeShelterCapacity), nameof(SheltersService.CloseShelter),
                nameof(SheltersService.ReopenShelter), nameof(SheltersService.GetOccupancy)],
            ignoreOrder: true);
        registry.ShouldAllBe(rpc => !rpc.Policy!.ReadsPersonalData);
    }
}
