using System.Reflection;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using TipReferral.Domain;
using TipReferral.Portal.Home;
using TipReferral.Portal.Pages;

namespace TipReferral.Portal.Tests.Localization;

/// <summary>Every text of the portal exists in English, French, Arabic and Portuguese; a missing one fails here, not in front of a person.</summary>
public sealed partial class ResourceCompletenessTests
{
    public static TheoryData<string> Resources() => [.. PortalResources.Neutral];

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_key_of_a_resource_is_translated_into_every_language(string resource)
    {
        var english = PortalResources.Entries(resource);
        english.ShouldNotBeEmpty($"{resource}.resx holds no text");
        foreach (var language in PortalResources.OtherLanguages)
        {
            var translated = PortalResources.Entries(resource, language);
            english.Keys.Except(translated.Keys).ShouldBeEmpty($"{resource}.{language}.resx lacks these keys");
            translated.Keys.Except(english.Keys).ShouldBeEmpty($"{resource}.{language}.resx has keys English lacks");
            foreach (var (key, text) in translated)
            {
                text.ShouldNotBeNullOrWhiteSpace($"{resource}.{language}.resx: {key} is empty");
                Placeholders(text).ShouldBe(Placeholders(english[key]), $"{resource}.{language}.resx: {key} has other placeholders than English");
            }
        }
    }

    [Fact]
    public void Every_literal_key_a_page_asks_for_exists_in_the_resource_it_asks()
    {
        var missing = new List<string>();
        foreach (var view in Directory.EnumerateFiles(Path.Combine(PortalResources.ProjectDirectory, "Pages"), "*.cshtml", SearchOption.AllDirectories))
        {
            var source = File.ReadAllText(view);
            // Every view has the shared words as T (_ViewImports); a view may inject its area's words under another name.
            var localizers = new Dictionary<string, string> { ["T"] = "Localization/PortalText" };
            foreach (Match injection in Injection().Matches(source))
            {
                localizers[injection.Groups["name"].Value] = ResourceOf(injection.Groups["type"].Value);
            }

            foreach (var (name, resource) in localizers)
            {
                var keys = PortalResources.Entries(resource).Keys.ToHashSet(StringComparer.Ordinal);
                foreach (Match use in new Regex($@"(?<![\w.]){Regex.Escape(name)}\[""(?<key>[^""]+)""(?=[\],])").Matches(source))
                {
                    if (!keys.Contains(use.Groups["key"].Value))
                    {
                        missing.Add($"{Path.GetRelativePath(PortalResources.ProjectDirectory, view)}: {name}[\"{use.Groups["key"].Value}\"] not in {resource}.resx");
                    }
                }
            }
        }

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_menu_entry_case_section_role_and_common_purpose_has_its_words()
    {
        var keys = PortalResources.Entries("Localization/PortalText").Keys.ToHashSet(StringComparer.Ordinal);
        var wanted = Workspace.Links.SelectMany(link => new[] { link.TextKey, link.TextKey + ".about" })
            .Concat(CaseSections.All.Select(section => section.TextKey))
            .Concat(Roles.All.Select(role => "role." + role))
            .Concat(PurposeModel.CommonPurposes.Select(purpose => "purpose.common." + purpose));
        wanted.Where(key => !keys.Contains(key)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_rule_a_service_can_refuse_with_is_said_in_plain_words()
    {
        var explained = PortalResources.KeysUnder("Localization/Rules");
        var rules = RuleConstants().ToList();
        rules.ShouldNotBeEmpty();
        rules.Where(rule => !explained.Contains(rule.Value)).Select(rule => $"{rule.Declaring}: {rule.Value}").ShouldBeEmpty();
    }

    [Fact]
    public void Every_value_of_every_code_list_has_words()
    {
        var worded = PortalResources.KeysUnder("Localization/Codes");
        var missing = typeof(TipReferral.Contracts.Identification.V1.Gender).Assembly.GetTypes()
            .Where(type => type.IsEnum && type.Namespace is { } ns && ns.StartsWith("TipReferral.Contracts.", StringComparison.Ordinal) && !type.IsNested)
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(field => field.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? field.Name)
                .Where(name => !name.EndsWith("_UNSPECIFIED", StringComparison.Ordinal))
                .Select(name => (type.Name, name)))
            .Where(value => !worded.Contains(value.name))
            .Select(value => $"{value.Item1}.{value.name}")
            .ToList();
        missing.ShouldBeEmpty();
    }

    /// <summary>The rule ids the services declare: every public const string named ...Rule in the services and building blocks.</summary>
    private static IEnumerable<(string Declaring, string Value)> RuleConstants() =>
        new[]
        {
            typeof(TipReferral.Identification.IdentificationModule).Assembly, typeof(TipReferral.Shelter.ShelterModule).Assembly,
            typeof(TipReferral.Legal.LegalModule).Assembly, typeof(TipReferral.Repatriation.RepatriationModule).Assembly,
            typeof(TipReferral.ServiceDefaults.HostingExtensions).Assembly, typeof(Roles).Assembly,
        }
        .SelectMany(assembly => assembly.GetTypes())
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string) && field.Name.EndsWith("Rule", StringComparison.Ordinal))
            .Select(field => ($"{type.Name}.{field.Name}", (string)field.GetRawConstantValue()!)))
        .DistinctBy(rule => rule.Item2);

    private static string ResourceOf(string type)
    {
        var name = type.Split('.').Last();
        return PortalResources.Neutral.SingleOrDefault(resource => resource.EndsWith("/" + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No resource {name}.resx for IStringLocalizer<{type}>.");
    }

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(match => match.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"@inject\s+IStringLocalizer<(?<type>[\w.]+)>\s+(?<name>\w+)")]
    private static partial Regex Injection();
}
