using Grpc.Core;
using TipReferral.Contracts.Audit.V1;
using TipReferral.Domain;
using TipReferral.Identification.Cases;
using TipReferral.ServiceDefaults.Access;
using TipReferral.Testing;

namespace TipReferral.Identification.Tests.Security;

/// <summary>
/// The committed access matrix is the one the code declares. To regenerate it after changing
/// a policy: TIPREFERRAL_WRITE_ACCESS_MATRIX=1 dotnet test --filter AccessMatrixDocumentTests
/// </summary>
public sealed class AccessMatrixDocumentTests
{
    public static readonly Type[] Services = [typeof(VictimCasesService), typeof(ReadAuditService), typeof(WholeCaseHistoriesService)];

    [Fact]
    public void The_committed_access_matrix_matches_the_declared_policies() =>
        AccessMatrix.ShouldMatchCommittedFile("identification.md", "identification service", Services);

    [Fact]
    public void Every_rpc_of_the_identification_service_declares_a_policy()
    {
        foreach (var service in Services)
        {
            Should.NotThrow(() => AccessPolicies.EnsureDeclared(service));
            AccessPolicies.Of(service).ShouldAllBe(rpc => rpc.Policy != null);
        }
    }

    [Fact]
    public void A_service_with_an_rpc_lacking_a_policy_cannot_be_mapped()
    {
        var refusal = Should.Throw<InvalidOperationException>(() => AccessPolicies.EnsureDeclared(typeof(AuditWithAForgottenPolicy)));

        refusal.Message.ShouldContain(nameof(ReadAudit.ReadAuditBase.WhatDidUserView));
        refusal.Message.ShouldNotContain(nameof(ReadAudit.ReadAuditBase.WhoViewedCase));
    }

    [Fact]
    public void An_rpc_left_unimplemented_counts_as_lacking_a_policy()
    {
        AccessPolicies.Of(typeof(AuditWithAnUnimplementedRpc)).Single(rpc => rpc.Rpc == nameof(ReadAudit.ReadAuditBase.WhatDidUserView)).Policy.ShouldBeNull();
    }

    [Fact]
    public void Administrators_and_statisticians_reach_no_case_content()
    {
        var rpcs = Services.SelectMany(AccessPolicies.Of).ToList();

        rpcs.ShouldNotBeEmpty();
        rpcs.ShouldAllBe(rpc => !rpc.Policy!.Allows(Roles.Administrator) && !rpc.Policy.Allows(Roles.Statistician));
    }

    private sealed class AuditWithAForgottenPolicy : ReadAudit.ReadAuditBase
    {
        [Access(Roles.DataProtectionOfficer)]
        public override Task<AccessRecords> WhoViewedCase(WhoViewedCaseRequest request, ServerCallContext context) => Task.FromResult(new AccessRecords());

        public override Task<AccessRecords> WhatDidUserView(WhatDidUserViewRequest request, ServerCallContext context) => Task.FromResult(new AccessRecords());
    }

    private sealed class AuditWithAnUnimplementedRpc : ReadAudit.ReadAuditBase
    {
        [Access(Roles.DataProtectionOfficer)]
        public override Task<AccessRecords> WhoViewedCase(WhoViewedCaseRequest request, ServerCallContext context) => Task.FromResult(new AccessRecords());
    }
}
