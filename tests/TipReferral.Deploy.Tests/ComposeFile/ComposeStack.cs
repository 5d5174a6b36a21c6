using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace TipReferral.Deploy.Tests.ComposeFile;

/// <summary>
/// docker-compose.yml read as plain YAML, with merge keys (<c>&lt;&lt;: *anchor</c>) resolved
/// by <see cref="MergingParser"/> as compose resolves them.
/// </summary>
internal sealed class ComposeStack
{
    private ComposeStack(string filePath, IReadOnlyList<ComposeService> services)
    {
        FilePath = filePath;
        Services = services;
    }

    public string FilePath { get; }

    public string Directory => Path.GetDirectoryName(FilePath)!;

    public IReadOnlyList<ComposeService> Services { get; }

    /// <summary>Services built from this repository (they have <c>build</c>), as opposed to stock images.</summary>
    public IReadOnlyList<ComposeService> ApplicationServices => [.. Services.Where(service => service.Build is not null)];

    public bool HasService(string name) => Services.Any(service => service.Name == name);

    public ComposeService Service(string name) => Services.Single(service => service.Name == name);

    public static ComposeStack Load(string filePath)
    {
        using var reader = new StreamReader(filePath);
        var document = new DeserializerBuilder().Build()
            .Deserialize<Dictionary<object, object?>>(new MergingParser(new Parser(reader)))
            ?? throw new InvalidOperationException($"{filePath} is empty.");

        var stack = new List<ComposeService>();
        var composeStack = new ComposeStack(filePath, stack);
        if (document.GetValueOrDefault("services") is Dictionary<object, object?> services)
        {
            stack.AddRange(services.Select(entry => new ComposeService(
                composeStack,
                Scalar(entry.Key)!,
                entry.Value as Dictionary<object, object?> ?? [])));
        }

        return composeStack;
    }

    internal static string? Scalar(object? value) => value switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

internal sealed record BuildSpec(string Context, string Dockerfile);

internal sealed record EnvironmentVariable(string Name, string? RawValue)
{
    /// <summary>The value compose passes, defaults applied; null when the file leaves it to the host's environment.</summary>
    public string? Value => RawValue is null ? null : ComposeInterpolation.Resolve(RawValue);
}

internal sealed record Dependency(string Service, string Condition);

internal sealed class ComposeService(ComposeStack stack, string name, Dictionary<object, object?> definition)
{
    public string Name { get; } = name;

    /// <summary>Absolute context directory and Dockerfile path (relative to the context, as compose resolves it).</summary>
    public BuildSpec? Build => definition.GetValueOrDefault("build") switch
    {
        null => null,
        string context => Resolve(context, null),
        Dictionary<object, object?> build => Resolve(
            ComposeStack.Scalar(build.GetValueOrDefault("context")) ?? ".",
            ComposeStack.Scalar(build.GetValueOrDefault("dockerfile"))),
        var other => throw new InvalidOperationException($"Service '{Name}': unreadable build: {other}"),
    };

    public IReadOnlyList<EnvironmentVariable> Environment => definition.GetValueOrDefault("environment") switch
    {
        null => [],
        Dictionary<object, object?> map => [.. map.Select(entry => new EnvironmentVariable(ComposeStack.Scalar(entry.Key)!, ComposeStack.Scalar(entry.Value)))],
        List<object?> list => [.. list.Select(ComposeStack.Scalar).OfType<string>().Select(item => item.Split('=', 2) switch
        {
            [var key, var value] => new EnvironmentVariable(key, value),
            [var key] => new EnvironmentVariable(key, null),
            _ => throw new InvalidOperationException(item),
        })],
        var other => throw new InvalidOperationException($"Service '{Name}': unreadable environment: {other}"),
    };

    /// <summary>The raw <c>ports</c> entries: strings (short syntax) or mappings (long syntax).</summary>
    public IReadOnlyList<object> Ports => definition.GetValueOrDefault("ports") is List<object?> ports ? [.. ports.OfType<object>()] : [];

    /// <summary>The <c>volumes</c> entries in short syntax (<c>source:target[:mode]</c>).</summary>
    public IReadOnlyList<string> Volumes => definition.GetValueOrDefault("volumes") is List<object?> volumes ? [.. volumes.Select(ComposeStack.Scalar).OfType<string>()] : [];

    public string? NetworkMode => ComposeStack.Scalar(definition.GetValueOrDefault("network_mode"));

    public IReadOnlyList<Dependency> DependsOn => definition.GetValueOrDefault("depends_on") switch
    {
        null => [],
        List<object?> names => [.. names.Select(ComposeStack.Scalar).OfType<string>().Select(service => new Dependency(service, "service_started"))],
        Dictionary<object, object?> map => [.. map.Select(entry => new Dependency(
            ComposeStack.Scalar(entry.Key)!,
            (entry.Value as Dictionary<object, object?>)?.GetValueOrDefault("condition") is { } condition
                ? ComposeStack.Scalar(condition)!
                : "service_started"))],
        var other => throw new InvalidOperationException($"Service '{Name}': unreadable depends_on: {other}"),
    };

    public bool HasHealthcheck => definition.GetValueOrDefault("healthcheck") is Dictionary<object, object?> healthcheck
        && !string.Equals(ComposeStack.Scalar(healthcheck.GetValueOrDefault("disable")), "true", StringComparison.OrdinalIgnoreCase);

    private BuildSpec Resolve(string context, string? dockerfile)
    {
        var contextPath = Path.GetFullPath(Path.Combine(stack.Directory, ComposeInterpolation.Resolve(context)));
        var dockerfilePath = Path.GetFullPath(Path.Combine(contextPath, ComposeInterpolation.Resolve(dockerfile ?? "Dockerfile")));
        return new BuildSpec(contextPath, dockerfilePath);
    }
}
