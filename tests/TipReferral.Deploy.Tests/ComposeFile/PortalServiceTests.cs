namespace TipReferral.Deploy.Tests.ComposeFile;

/// <summary>
/// What the web portal needs of docker-compose.yml and its Dockerfile beyond every service's
/// checks (<see cref="ComposeFileTests"/>): the services' gRPC ports by compose name, browsers
/// sent to the provider's published port, and Node.js in the build for the csproj's npm ci.
/// </summary>
public sealed class PortalServiceTests
{
    private const string Portal = "portal";
    private const string ServicesPrefix = "Portal__Services__";

    private static readonly ComposeStack Stack = ComposeStack.Load(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));

    [Fact]
    public void The_portal_calls_each_service_at_its_grpc_port_by_compose_name()
    {
        var portal = Stack.Service(Portal);
        var addresses = portal.Environment.Where(variable => variable.Name.StartsWith(ServicesPrefix, StringComparison.Ordinal)).ToList();
        addresses.Select(variable => variable.Name[ServicesPrefix.Length..]).Order().ToArray()
            .ShouldBe(["Identification", "Legal", "Repatriation", "Shelter"], "the portal calls all four services");
        foreach (var variable in addresses)
        {
            var address = new Uri(variable.Value!);
            Stack.HasService(address.Host).ShouldBeTrue($"{variable.Name}={variable.Value}: no compose service {address.Host}.");
            var grpc = Stack.Service(address.Host).Environment.First(setting => setting.Name == "Kestrel__Endpoints__Grpc__Url").Value!;
            address.Port.ShouldBe(new Uri(grpc.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port, $"{variable.Name} should name {address.Host}'s gRPC (HTTP/2) port.");
            Stack.Service(Portal).DependsOn.ShouldContain(dependency => dependency.Service == address.Host);
        }
    }

    [Fact]
    public void Browsers_are_sent_to_the_identity_providers_published_port_and_the_portal_to_its_compose_name()
    {
        var environment = Stack.Service(Portal).Environment.ToDictionary(variable => variable.Name, variable => variable.Value);
        new Uri(environment["Portal__Authority"]!).Host.ShouldBe("identity");
        var browser = new Uri(environment["Portal__BrowserAuthority"]!);
        var published = Stack.Service("identity").Ports.OfType<string>().Select(port => port.Split(':')).Single(parts => parts.Length == 3);
        (browser.Host, browser.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).ShouldBe((published[0], published[1]),
            "a browser on the host reaches the provider only at its published port");
        // The provider's Development clients register the portal's redirect URI on this port.
        Stack.Service(Portal).Ports.OfType<string>().ShouldContain(port => port.StartsWith("127.0.0.1:5500:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_portals_build_stage_has_npm_before_it_restores_the_front_end_packages()
    {
        var build = Stack.Service(Portal).Build!;
        var dockerfile = Dockerfile.Load(build.Dockerfile);
        var npmCi = dockerfile.Instructions.FirstOrDefault(instruction => instruction.Keyword == "RUN" && instruction.Arguments.Contains("npm ci", StringComparison.Ordinal));
        var publish = dockerfile.Instructions.First(instruction => instruction.Keyword == "RUN" && instruction.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        npmCi.ShouldNotBeNull("the portal's csproj runs npm ci; the image's build should too, in a layer of its own");
        npmCi.Line.ShouldBeLessThan(publish.Line);
        var stageStart = dockerfile.Instructions.Last(instruction => instruction.Keyword == "FROM" && instruction.Line < publish.Line).Line;
        dockerfile.Instructions.ShouldContain(
            instruction => instruction.Line > stageStart && instruction.Line < npmCi.Line && instruction.Arguments.Contains("npm", StringComparison.Ordinal) && instruction != npmCi,
            "the SDK stage must get Node.js and npm (from a node stage, or apt-get install nodejs npm) before npm ci");
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "services/Portal/TipReferral.Portal/TipReferral.Portal.csproj")).ShouldContain("npm ci");
    }
}
