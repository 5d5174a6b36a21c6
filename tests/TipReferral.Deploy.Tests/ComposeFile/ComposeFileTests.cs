using System.Globalization;

namespace TipReferral.Deploy.Tests.ComposeFile;

/// <summary>
/// Static checks of docker-compose.yml against the repository: the Dockerfiles it builds, what
/// they copy, and the configuration each service actually reads. No Docker engine is needed,
/// so a broken deployment file fails here rather than at "docker compose up".
/// </summary>
public sealed class ComposeFileTests
{
    private const string LoopbackAddress = "127.0.0.1";

    /// <summary>Variables the runtime and host read themselves, not the service's appsettings.json.</summary>
    private static readonly string[] PlatformPrefixes = ["ASPNETCORE_", "DOTNET_", "OTEL_"];

    private static readonly string[] DependencyConditions = ["service_started", "service_healthy", "service_completed_successfully"];

    private static ComposeStack Stack() => ComposeStack.Load(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));

    [Fact]
    public void Services_that_build_have_an_existing_context_and_dockerfile()
    {
        var stack = Stack();
        var failures = new List<string>();
        foreach (var service in stack.ApplicationServices)
        {
            var build = service.Build!;
            if (!Directory.Exists(build.Context))
            {
                failures.Add($"{service.Name}: build context {build.Context} does not exist.");
            }
            else if (!File.Exists(build.Dockerfile))
            {
                failures.Add($"{service.Name}: Dockerfile {build.Dockerfile} does not exist (compose resolves it relative to the context {RepositoryRoot.Relative(build.Context)}/).");
            }
        }

        ShouldHaveNo(failures, "services whose build cannot start");
        stack.ApplicationServices.ShouldNotBeEmpty("docker-compose.yml builds no service from this repository, so nothing here was checked.");
    }

    [Fact]
    public void Dockerfile_copy_sources_exist_in_the_build_context()
    {
        var failures = new List<string>();
        var checkedSources = 0;
        foreach (var (service, build, dockerfile) in Dockerfiles(Stack()))
        {
            var context = new BuildContext(build);
            foreach (var (source, instruction) in dockerfile.ContextSources())
            {
                checkedSources++;
                var at = $"{service.Name}: {RepositoryRoot.Relative(dockerfile.FilePath)}:{instruction.Line} {instruction.Keyword} {source}";
                var matches = context.Expand(source);
                if (matches.Count == 0)
                {
                    failures.Add($"{at} — no such path under the context {RepositoryRoot.Relative(context.Directory)}/.");
                    continue;
                }

                var excluded = matches.Select(match => (match, pattern: context.Ignore.ExcludedBy(match))).Where(m => m.pattern is not null).ToList();
                if (excluded.Count == matches.Count)
                {
                    failures.Add($"{at} — exists, but {RepositoryRoot.Relative(context.Ignore.FilePath!)} pattern \"{excluded[0].pattern}\" keeps it out of the build context.");
                }
            }
        }

        ShouldHaveNo(failures, "COPY/ADD sources the build will not find");
        checkedSources.ShouldBePositive("No COPY/ADD from the build context was found in any Dockerfile, so nothing was checked.");
    }

    [Fact]
    public void The_restore_step_has_every_project_the_restored_project_references()
    {
        var failures = new List<string>();
        var checkedProjects = 0;
        foreach (var (service, build, dockerfile) in Dockerfiles(Stack()))
        {
            if (dockerfile.Restore is not var (project, restore))
            {
                continue;
            }

            var copiedBefore = dockerfile.ContextCopies().Where(copy => copy.Instruction.Line < restore.Line).ToList();
            foreach (var referenced in ProjectReferences.Closure(Path.Combine(build.Context, project)))
            {
                checkedProjects++;
                var relative = Path.GetRelativePath(build.Context, referenced).Replace('\\', '/');
                if (!copiedBefore.Any(copy => copy.Sources.Any(source => BringsInPlace(source, copy.Destination, relative))))
                {
                    failures.Add($"{service.Name}: {RepositoryRoot.Relative(dockerfile.FilePath)}:{restore.Line} restores {project}, which needs {relative}, " +
                        "but no COPY before it puts that project file at the same path: restore skips it, and `dotnet publish --no-restore` then fails (NETSDK1004).");
                }
            }
        }

        ShouldHaveNo(failures, "Dockerfiles whose restore step misses a referenced project");
        checkedProjects.ShouldBePositive("No Dockerfile restores a project on its own, so nothing was checked.");
    }

    [Fact]
    public void Environment_variables_name_keys_the_service_reads()
    {
        var failures = new List<string>();
        foreach (var app in Applications(Stack(), failures))
        {
            var settingsFile = RepositoryRoot.Relative(app.Settings.FilePath);
            foreach (var (name, source) in app.Variables)
            {
                if (PlatformPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var key = ConfigurationKey(name);
                if (!app.Settings.Values.ContainsKey(key))
                {
                    failures.Add($"{app.Service.Name}: {source} sets {name}, but \"{key}\" is not a key in {settingsFile} — a typo, or a setting the service no longer reads?");
                }
            }
        }

        ShouldHaveNo(failures, "environment variables that configure nothing");
    }

    [Fact]
    public void Settings_the_service_requires_are_supplied()
    {
        var failures = new List<string>();
        foreach (var app in Applications(Stack(), failures))
        {
            var required = app.Settings.RequiredInContainer();
            if (required.Count == 0)
            {
                failures.Add($"{app.Service.Name}: no required key could be derived from {RepositoryRoot.Relative(app.Settings.FilePath)} (nothing empty, nothing on loopback), so nothing was checked.");
            }

            var environment = app.EffectiveEnvironment;
            foreach (var (key, reason) in required)
            {
                var variable = key.Replace(":", "__", StringComparison.Ordinal);
                if (!environment.TryGetValue(key, out var supplied))
                {
                    failures.Add($"{app.Service.Name}: {key} is required ({reason}) but neither docker-compose.yml nor the Dockerfile sets {variable}.");
                }
                else if (string.IsNullOrWhiteSpace(supplied.Value))
                {
                    failures.Add($"{app.Service.Name}: {key} is required ({reason}) but {supplied.Source} leaves {variable} empty or to the host's environment (\"{supplied.Raw}\"); give it a value or a ${{VAR:-default}} / ${{VAR:?message}}.");
                }
                else if (AppSettings.NamesLoopback(supplied.Value))
                {
                    failures.Add($"{app.Service.Name}: {supplied.Source} sets {variable}=\"{supplied.Value}\", the loopback address, which inside a container is the container itself.");
                }
            }
        }

        ShouldHaveNo(failures, "required settings the containers would not get");
    }

    [Fact]
    public void Published_ports_bind_to_loopback_only()
    {
        var failures = new List<string>();
        foreach (var service in Stack().Services)
        {
            if (string.Equals(service.NetworkMode, "host", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{service.Name}: network_mode: host exposes every port the container opens on every interface of the host.");
            }

            foreach (var port in service.Ports)
            {
                var hostIp = port switch
                {
                    string text => ShortSyntaxHostIp(ComposeInterpolation.Resolve(text)),
                    Dictionary<object, object?> map => ComposeStack.Scalar(map.GetValueOrDefault("host_ip")) is { } ip ? ComposeInterpolation.Resolve(ip) : null,
                    _ => null,
                };
                if (hostIp != LoopbackAddress)
                {
                    failures.Add($"{service.Name}: port {Describe(port)} binds to {hostIp ?? "all interfaces"}; publish it as \"{LoopbackAddress}:<host port>:<container port>\" (this stack holds data about people in danger).");
                }
            }
        }

        ShouldHaveNo(failures, "ports reachable from other machines");
    }

    [Fact]
    public void Dependencies_name_existing_services()
    {
        var stack = Stack();
        var failures = new List<string>();
        foreach (var service in stack.Services)
        {
            foreach (var dependency in service.DependsOn)
            {
                if (!stack.HasService(dependency.Service))
                {
                    failures.Add($"{service.Name}: depends_on \"{dependency.Service}\", which is not a service in docker-compose.yml (services: {string.Join(", ", stack.Services.Select(s => s.Name))}).");
                }
                else if (!DependencyConditions.Contains(dependency.Condition))
                {
                    failures.Add($"{service.Name}: depends_on {dependency.Service} with unknown condition \"{dependency.Condition}\" (one of {string.Join(", ", DependencyConditions)}).");
                }
                else if (dependency.Condition == "service_healthy" && !HasHealthcheck(stack.Service(dependency.Service)))
                {
                    failures.Add($"{service.Name}: waits for {dependency.Service} to be service_healthy, but {dependency.Service} has no healthcheck (in docker-compose.yml or its Dockerfile), so it never becomes healthy.");
                }
            }
        }

        ShouldHaveNo(failures, "dependencies compose cannot satisfy");
    }

    [Fact]
    public void Published_ports_target_ports_the_service_listens_on()
    {
        var failures = new List<string>();
        foreach (var app in Applications(Stack(), failures))
        {
            var listening = app.ListeningPorts;
            foreach (var port in app.Service.Ports)
            {
                foreach (var target in TargetPorts(port).Where(target => !listening.Contains(target)))
                {
                    failures.Add($"{app.Service.Name}: port {Describe(port)} forwards to container port {target}, but the service listens on {(listening.Count == 0 ? "no port (no Kestrel:Endpoints:*:Url)" : string.Join(", ", listening))}.");
                }
            }
        }

        ShouldHaveNo(failures, "published ports nothing answers on");
    }

    private static void ShouldHaveNo(List<string> failures, string what) =>
        failures.ShouldBeEmpty($"docker-compose.yml has {what}:{Environment.NewLine}  - {string.Join($"{Environment.NewLine}  - ", failures)}{Environment.NewLine}");

    /// <summary>Whether COPY <paramref name="source"/> <paramref name="destination"/> puts the context file <paramref name="file"/> at its own path under WORKDIR.</summary>
    private static bool BringsInPlace(string source, string destination, string file)
    {
        static string Clean(string path) => path.Replace('\\', '/').TrimStart('.').Trim('/');
        var (from, to) = (Clean(source), Clean(destination));
        return from == file
            ? to == Clean(Path.GetDirectoryName(file) ?? string.Empty) || to == file
            : file.StartsWith(from + "/", StringComparison.Ordinal) && to == from;
    }

    /// <summary>The .NET configuration key an environment variable sets ("Auth__SigningKey" → "Auth:SigningKey").</summary>
    private static string ConfigurationKey(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);

    private static IEnumerable<(ComposeService Service, BuildSpec Build, Dockerfile Dockerfile)> Dockerfiles(ComposeStack stack) =>
        stack.ApplicationServices
            .Where(service => File.Exists(service.Build!.Dockerfile))
            .Select(service => (service, service.Build!, Dockerfile.Load(service.Build!.Dockerfile)));

    /// <summary>The services built here, each with the appsettings.json of the project its Dockerfile publishes.</summary>
    private static List<Application> Applications(ComposeStack stack, List<string> failures)
    {
        var applications = new List<Application>();
        foreach (var (service, build, dockerfile) in Dockerfiles(stack))
        {
            var dockerfilePath = RepositoryRoot.Relative(dockerfile.FilePath);
            if (dockerfile.PublishedProject is not { } project)
            {
                failures.Add($"{service.Name}: {dockerfilePath} has no \"RUN dotnet publish <project>\", so its appsettings.json cannot be found.");
                continue;
            }

            var projectFile = Path.GetFullPath(Path.Combine(build.Context, project));
            if (!File.Exists(projectFile))
            {
                failures.Add($"{service.Name}: {dockerfilePath} publishes {project}, which does not exist relative to the build context.");
                continue;
            }

            if (!File.Exists(Path.Combine(Path.GetDirectoryName(projectFile)!, "appsettings.json")))
            {
                failures.Add($"{service.Name}: {RepositoryRoot.Relative(projectFile)} has no appsettings.json beside it.");
                continue;
            }

            applications.Add(new Application(service, dockerfile, AppSettings.ForProject(projectFile)));
        }

        stack.ApplicationServices.ShouldNotBeEmpty("docker-compose.yml builds no service from this repository, so nothing here was checked.");
        return applications;
    }

    private static bool HasHealthcheck(ComposeService service) =>
        service.HasHealthcheck
        || (service.Build is { } build && File.Exists(build.Dockerfile) && Dockerfile.Load(build.Dockerfile).FinalStage.Any(instruction =>
            instruction.Keyword == "HEALTHCHECK" && !instruction.Arguments.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase)));

    /// <summary>"127.0.0.1:5100:8080/tcp" → 127.0.0.1; "5100:8080" or "8080" → null (all interfaces).</summary>
    private static string? ShortSyntaxHostIp(string port)
    {
        if (port.StartsWith('['))
        {
            return port[1..port.IndexOf(']', StringComparison.Ordinal)];
        }

        var parts = port.Split('/')[0].Split(':');
        return parts.Length == 3 ? parts[0] : null;
    }

    private static IEnumerable<int> TargetPorts(object port)
    {
        var target = port switch
        {
            string text => ComposeInterpolation.Resolve(text).Split('/')[0].Split(':')[^1],
            Dictionary<object, object?> map => ComposeStack.Scalar(map.GetValueOrDefault("target")) ?? string.Empty,
            _ => string.Empty,
        };
        var range = target.Split('-').Select(bound => int.Parse(bound, CultureInfo.InvariantCulture)).ToArray();
        return Enumerable.Range(range[0], range[^1] - range[0] + 1);
    }

    private static string Describe(object port) => port switch
    {
        string text => $"\"{text}\"",
        Dictionary<object, object?> map => "{ " + string.Join(", ", map.Select(entry => $"{entry.Key}: {entry.Value}")) + " }",
        _ => port.ToString() ?? string.Empty,
    };

    private sealed record Supplied(string? Value, string? Raw, string Source);

    private sealed record Application(ComposeService Service, Dockerfile Dockerfile, AppSettings Settings)
    {
        /// <summary>Every variable the container gets from the image (ENV) and from compose, with where it comes from.</summary>
        public IEnumerable<(string Name, string Source)> Variables =>
            Dockerfile.FinalEnvironment().Select(env => (env.Name, $"{RepositoryRoot.Relative(Dockerfile.FilePath)}:{env.Instruction.Line} ENV"))
                .Concat(Service.Environment.Select(env => (env.Name, "docker-compose.yml")));

        /// <summary>Configuration keys the environment sets, compose overriding the image's ENV.</summary>
        public Dictionary<string, Supplied> EffectiveEnvironment
        {
            get
            {
                var environment = new Dictionary<string, Supplied>(StringComparer.OrdinalIgnoreCase);
                foreach (var (name, value, instruction) in Dockerfile.FinalEnvironment())
                {
                    environment[ConfigurationKey(name)] = new Supplied(value, value, $"{RepositoryRoot.Relative(Dockerfile.FilePath)}:{instruction.Line} ENV");
                }

                foreach (var variable in Service.Environment)
                {
                    environment[ConfigurationKey(variable.Name)] = new Supplied(variable.Value, variable.RawValue, "docker-compose.yml");
                }

                return environment;
            }
        }

        /// <summary>The ports of Kestrel's endpoints once appsettings.json, the image's ENV and compose are layered.</summary>
        public IReadOnlyList<int> ListeningPorts
        {
            get
            {
                var urls = Settings.Values.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.OrdinalIgnoreCase);
                foreach (var (key, supplied) in EffectiveEnvironment)
                {
                    urls[key] = supplied.Value;
                }

                return [.. urls
                    .Where(entry => entry.Key.StartsWith("Kestrel:Endpoints:", StringComparison.OrdinalIgnoreCase)
                        && entry.Key.EndsWith(":Url", StringComparison.OrdinalIgnoreCase)
                        && entry.Value is not null)
                    .Select(entry => new Uri(entry.Value!.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal)).Port)
                    .Distinct()];
            }
        }
    }
}
