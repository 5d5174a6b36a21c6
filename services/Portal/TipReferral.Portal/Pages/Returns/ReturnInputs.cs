using Google.Protobuf;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Portal.Localization;

namespace TipReferral.Portal.Pages.Returns;

/// <summary>The version a form was read at, sent as the request's expected_version (absent: the form was read before the case had one).</summary>
public static class Versions
{
    public static T At<T>(T request, long? version)
        where T : IMessage
    {
        if (version is { } expected)
        {
            request.Descriptor.FindFieldByName("expected_version").Accessor.SetValue(request, expected);
        }

        return request;
    }
}

/// <summary>ISO codes typed as one comma-separated line ("en, pcm") and shown back the same way.</summary>
public static class CodeLists
{
    public static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> codes) => string.Join(", ", codes);
}

/// <summary>The disclosure package form (request and amendment): names mirror <see cref="DisclosurePackage"/>.</summary>
public sealed class PackageInput
{
    public TravelIdentityInput Identity { get; set; } = new();

    public string? Languages { get; set; }

    public string? HealthNeeds { get; set; }

    public string? ProtectionNeeds { get; set; }

    public string? Risks { get; set; }

    public GuardianInput Guardian { get; set; } = new();

    /// <summary>A guardian is sent only when one is named: an adult's package carries none.</summary>
    public DisclosurePackage ToProto()
    {
        var package = new DisclosurePackage
        {
            Identity = new TravelIdentity
            {
                GivenName = Identity.GivenName?.Trim() ?? "",
                FamilyName = Identity.FamilyName?.Trim() ?? "",
                DateOfBirth = Formats.ToProto(Identity.DateOfBirth),
                Nationality = Identity.Nationality?.Trim().ToUpperInvariant() ?? "",
                PlaceOfOrigin = Identity.PlaceOfOrigin?.Trim() ?? "",
            },
            HealthNeeds = HealthNeeds?.Trim() ?? "",
            ProtectionNeeds = ProtectionNeeds?.Trim() ?? "",
            Risks = Risks?.Trim() ?? "",
        };
        package.Languages.AddRange(CodeLists.Split(Languages));
        if (!string.IsNullOrWhiteSpace(Guardian.Name) || !string.IsNullOrWhiteSpace(Guardian.Contact))
        {
            package.Guardian = new GuardianContact { Name = Guardian.Name?.Trim() ?? "", Relationship = Guardian.Relationship?.Trim() ?? "", Contact = Guardian.Contact?.Trim() ?? "" };
        }

        return package;
    }

    public static PackageInput From(DisclosurePackage package) => new()
    {
        Identity = new TravelIdentityInput
        {
            GivenName = package.Identity?.GivenName,
            FamilyName = package.Identity?.FamilyName,
            DateOfBirth = package.Identity?.DateOfBirth is { Year: > 0 } born ? new DateOnly(born.Year, born.Month, born.Day) : null,
            Nationality = package.Identity?.Nationality,
            PlaceOfOrigin = package.Identity?.PlaceOfOrigin,
        },
        Languages = CodeLists.Join(package.Languages),
        HealthNeeds = package.HealthNeeds,
        ProtectionNeeds = package.ProtectionNeeds,
        Risks = package.Risks,
        Guardian = new GuardianInput { Name = package.Guardian?.Name, Relationship = package.Guardian?.Relationship, Contact = package.Guardian?.Contact },
    };
}

public sealed class TravelIdentityInput
{
    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Nationality { get; set; }

    public string? PlaceOfOrigin { get; set; }
}

public sealed class GuardianInput
{
    public string? Name { get; set; }

    public string? Relationship { get; set; }

    public string? Contact { get; set; }
}

/// <summary>One side's contribution to the joint risk assessment: the destination's and the agency's forms alike.</summary>
public sealed class RiskInput
{
    public long? ExpectedVersion { get; set; }

    public RiskLevel RiskToPersonAndFamily { get; set; }

    public RiskLevel RiskOfReTrafficking { get; set; }

    public string? NeedsOnArrival { get; set; }

    public RiskLevel Level { get; set; }

    public string? Reasons { get; set; }

    public ContributeRiskAssessmentRequest ToRequest(string caseId) =>
        Versions.At(new ContributeRiskAssessmentRequest
        {
            CaseId = caseId,
            RiskToPersonAndFamily = RiskToPersonAndFamily,
            RiskOfReTrafficking = RiskOfReTrafficking,
            NeedsOnArrival = NeedsOnArrival?.Trim() ?? "",
            Level = Level,
            Reasons = Reasons?.Trim() ?? "",
        }, ExpectedVersion);
}

/// <summary>A form that only carries the version it was read at and a reason or note.</summary>
public sealed class ReasonInput
{
    public long? ExpectedVersion { get; set; }

    public string? Reason { get; set; }
}
