using Microsoft.Extensions.Localization;

namespace TipReferral.Portal.Localization;

/// <summary>
/// A rule a service names in a refusal ("guardian-only-for-children"), said in plain words in the
/// person's language. Each service's rules have a resource of their own under Rules/, keyed by
/// the rule's id; a test fails when a service declares a rule that one of them lacks.
/// </summary>
public sealed class RuleTexts(IStringLocalizerFactory factory)
{
    /// <summary>The marker types of the rule resources, one per service.</summary>
    public static readonly IReadOnlyList<Type> Resources =
        [typeof(Rules.IdentificationRules), typeof(Rules.ShelterRules), typeof(Rules.LegalRules), typeof(Rules.RepatriationRules), typeof(Rules.AccessRules)];

    public string? Explain(string? rule)
    {
        if (string.IsNullOrEmpty(rule))
        {
            return null;
        }

        foreach (var resource in Resources)
        {
            var text = factory.Create(resource)[rule];
            if (!text.ResourceNotFound)
            {
                return text.Value;
            }
        }

        return null;
    }
}
