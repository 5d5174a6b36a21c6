using TipReferral.Domain;
using TipReferral.Legal.LegalFiles;
using TipReferral.ServiceDefaults.Access;
using TipReferral.Testing;

namespace TipReferral.Legal.Tests.Security;

/// <summary>
/// The committed access matrix (docs/access-matrix/legal-assistance.md) is the one the code declares. To
/// regenerate it after changing a policy: TIPREFERRAL_WRITE_ACCESS_MATRIX=1 dotnet test --filter AccessMatrixDocumentTests
/// </summary>
public sealed class AccessMatrixDocumentTests
{
    public static readonly Type[] Services =
    [
        typeof(LegalCasesService), typeof(CooperationService), typeof(WitnessProtectionService), typeof(LegalHoldsService),
        typeof(LegalAidService), typeof(ResidencePermitsService), typeof(CompensationService), typeof(ReadAuditService),
    ];

    /// <summary>The roles that support the person day to day: they need to know a hold's effects, never the proceedings.</summary>
    public static readonly string[] SocialCareRoles = [Roles.ShelterStaff, Roles.CaseWorker, Roles.ReceivingAgency];

    private static IReadOnlyList<RpcPolicy> Rpcs => [.. Services.SelectMany(AccessPolicies.Of)];

    [Fact]
    public void The_committed_access_matrix_matches_the_declared_policies() =>
        AccessMatrix.ShouldMatchCommittedFile("legal-assistance.md", "legal-assistance service", Services);

    [Fact]
    public void Every_rpc_of_the_legal_assistance_service_declares_a_policy()
    {
        foreach (var service in Services)
        {
            Should.NotThrow(() => AccessPolicies.EnsureDeclared(service));
            AccessPolicies.Of(service).ShouldAllBe(rpc => rpc.Policy != null);
        }
    }

    [Fact]
    public void Administrators_and_statisticians_reach_no_legal_file()
    {
        Rpcs.ShouldNotBeEmpty();
        Rpcs.ShouldAllBe(rpc => !rpc.Policy!.Allows(Roles.Administrator) && !rpc.Policy.Allows(Roles.Statistician));
    }

    [Theory]
    [MemberData(nameof(SocialCare))]
    public void Of_what_tells_of_proceedings_a_social_care_role_reads_only_the_legal_situation_and_there_only_effects(string role)
    {
        Rpcs.Where(rpc => rpc.Policy!.ReadsPersonalData && rpc.Policy.Allows(role)).Select(rpc => rpc.Rpc)
            .ShouldBe([nameof(LegalCasesService.GetLegalSituation)]);
        LegalSituationView.SeeProceedings.ShouldNotContain(role);
    }

    [Theory]
    [MemberData(nameof(SocialCare))]
    public void The_legal_history_is_not_open_to_a_social_care_role(string role) =>
        Rpcs.Single(rpc => rpc.Rpc == nameof(LegalCasesService.GetCaseHistory)).Policy!.Allows(role).ShouldBeFalse();

    public static TheoryData<string> SocialCare => [.. SocialCareRoles];
}
