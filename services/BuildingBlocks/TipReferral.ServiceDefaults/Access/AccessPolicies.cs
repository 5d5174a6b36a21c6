using System.Reflection;
using System.Text;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using TipReferral.Domain;

namespace TipReferral.ServiceDefaults.Access;

/// <summary>One RPC of a gRPC service and the policy declared on its handler (null: none).</summary>
public sealed record RpcPolicy(string Service, string Rpc, AccessAttribute? Policy);

/// <summary>
/// Reads the access policies declared on a gRPC service's handlers: to refuse to start a
/// service with an RPC nobody declared a policy for, and to generate the access matrix.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Every RPC of the contract <paramref name="serviceType"/> implements, in contract order.</summary>
    public static IReadOnlyList<RpcPolicy> Of(Type serviceType)
    {
        var binding = serviceType.BaseType?.GetCustomAttribute<BindServiceMethodAttribute>()
            ?? throw new ArgumentException($"{serviceType.Name} is not a generated gRPC service implementation.", nameof(serviceType));
        var descriptor = (Google.Protobuf.Reflection.ServiceDescriptor)binding.BindType
            .GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return
        [
            .. descriptor.Methods.Select(method => new RpcPolicy(
                descriptor.FullName,
                method.Name,
                serviceType.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance) is { } handler && handler.DeclaringType == serviceType
                    ? handler.GetCustomAttribute<AccessAttribute>()
                    : null)),
        ];
    }

    /// <summary>Throws, naming them, if any RPC of the service lacks a declared policy.</summary>
    public static void EnsureDeclared(Type serviceType)
    {
        var missing = Of(serviceType).Where(rpc => rpc.Policy is null).Select(rpc => rpc.Rpc).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{serviceType.Name} has RPCs without an implemented handler carrying an [Access] policy: {string.Join(", ", missing)}.");
        }
    }

    /// <summary>Maps a gRPC service after checking that every one of its RPCs declares its policy.</summary>
    public static GrpcServiceEndpointConventionBuilder MapTipReferralGrpcService<TService>(this IEndpointRouteBuilder app)
        where TService : class
    {
        EnsureDeclared(typeof(TService));
        return app.MapGrpcService<TService>();
    }

    /// <summary>
    /// The access matrix (role × RPC × own/other country) as Markdown, generated from the
    /// declared policies; docs/access-matrix/ holds it, and a test keeps the two equal.
    /// </summary>
    public static string Matrix(string title, params Type[] serviceTypes)
    {
        var text = new StringBuilder()
            .AppendLine($"# Access matrix: {title}")
            .AppendLine()
            .AppendLine("Generated from the `[Access]` policies declared on each RPC's handler; a test fails when")
            .AppendLine("this file and the code disagree, and another calls every cell against a real server.")
            .AppendLine()
            .AppendLine("`own` = allowed on cases of the caller's own country, `any` = also of other countries,")
            .AppendLine("`—` = denied (`PermissionDenied`). 📖 = reveals personal data: the caller states a purpose")
            .AppendLine("(`x-purpose` header) and the read is recorded in the read audit.")
            .AppendLine();
        foreach (var serviceType in serviceTypes)
        {
            var rpcs = Of(serviceType);
            text.AppendLine($"## {rpcs[0].Service}")
                .AppendLine()
                .AppendLine($"| RPC | {string.Join(" | ", Roles.All)} |")
                .AppendLine($"| --- |{string.Concat(Roles.All.Select(_ => " --- |"))}");
            foreach (var rpc in rpcs)
            {
                var cells = Roles.All.Select(role => rpc.Policy switch
                {
                    null => "—",
                    var policy when policy.Allows(role, ownCountry: false) => "any",
                    var policy when policy.Allows(role, ownCountry: true) => "own",
                    _ => "—",
                });
                var name = rpc.Policy?.ReadsPersonalData == true ? $"{rpc.Rpc} 📖" : rpc.Rpc;
                text.AppendLine($"| {name} | {string.Join(" | ", cells)} |");
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd() + "\n";
    }
}
