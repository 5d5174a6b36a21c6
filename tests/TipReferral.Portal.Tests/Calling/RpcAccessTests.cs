using System.Reflection;
using Grpc.Core;
using TipReferral.Contracts.Identification.V1;

using TipReferral.Domain;
using TipReferral.Portal.Calling;
using TipReferral.Portal.Home;
using TipReferral.ServiceDefaults.Access;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace TipReferral.Portal.Tests.Calling;

/// <summary>The portal shows an action to exactly the roles the service's own policy admits, for every RPC of every service.</summary>
public sealed class RpcAccessTests
{
    private static readonly RpcAccess Access = new();

    /// <summary>Every gRPC service implementation of the four services (the read audit, which each hosts, once).</summary>
    private static readonly IReadOnlyList<(ServiceDescriptor Descriptor, Type Implementation)> Services =
    [
        .. new[]
        {
            typeof(TipReferral.Identification.IdentificationModule).Assembly, typeof(TipReferral.Shelter.ShelterModule).Assembly,
            typeof(TipReferral.Legal.LegalModule).Assembly, typeof(TipReferral.Repatriation.RepatriationModule).Assembly,
            typeof(TipReferral.ServiceDefaults.HostingExtensions).Assembly,
        }
        .SelectMany(assembly => assembly.GetTypes())
        .Where(type => !type.IsAbstract && type.BaseType?.GetCustomAttribute<BindServiceMethodAttribute>() is not null)
        .Select(type => (Descriptor(type), type))
        .DistinctBy(service => service.Item1.FullName),
    ];

    public static TheoryData<string> EveryRpc() =>
        [.. Services.SelectMany(service => service.Descriptor.Methods.Select(method => $"{service.Descriptor.FullName}/{method.Name}"))];

    [Theory]
    [MemberData(nameof(EveryRpc))]
    public void The_portal_agrees_with_the_policy_declared_on_the_handler_for_every_role(string rpc)
    {
        var (service, name) = (rpc.Split('/')[0], rpc.Split('/')[1]);
        var (descriptor, implementation) = Services.Single(s => s.Descriptor.FullName == service);
        var policy = AccessPolicies.Of(implementation).Single(p => p.Rpc == name).Policy.ShouldNotBeNull();
        var method = descriptor.FindMethodByName(name);

        foreach (var role in Roles.All)
        {
            Access.Allows(role, method).ShouldBe(policy.Allows(role), role);
            Access.AllowsAnyCountry(role, method).ShouldBe(policy.Allows(role, ownCountry: false), role);
        }
    }

    [Fact]
    public void A_screener_may_register_but_not_decide_formal_identification()
    {
        Services.Count.ShouldBeGreaterThanOrEqualTo(20);
        Access.Allows(Roles.Screener, Workspace.Method(VictimCases.Descriptor, "RegisterPresumedVictim")).ShouldBeTrue();
        Access.Allows(Roles.Screener, Workspace.Method(VictimCases.Descriptor, "IdentifyFormally")).ShouldBeFalse();
        Access.Allows(Roles.ReceivingAgency, Workspace.Method(TipReferral.Contracts.Repatriation.V1.Referrals.Descriptor, "AcceptReferral")).ShouldBeTrue();
    }

    private static ServiceDescriptor Descriptor(Type implementation) =>
        (ServiceDescriptor)implementation.BaseType!.GetCustomAttribute<BindServiceMethodAttribute>()!.BindType
            .GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
