using TipReferral.Portal.Tests.Hosting;

namespace TipReferral.Portal.Tests.Cases;

/// <summary>What the identification and shelter page tests do the way a person does it: open a case page (stating a purpose when asked) and register through the form.</summary>
public static class CasePages
{
    /// <summary>Opens <paramref name="url"/>; when the portal asks why, answers "case management" and lands back on it.</summary>
    public static async Task<PortalResponse> OpenAsync(this PortalClient client, string url)
    {
        var page = await client.GetAsync(url);
        return page.Url.AbsolutePath == "/Purpose"
            ? await client.SubmitAsync(page, "main form", ("Choice", "case-management"))
            : page;
    }

    /// <summary>Registers through the form; the page the portal shows after it (the case, once the purpose is stated).</summary>
    public static async Task<PortalResponse> RegisterAsync(this PortalClient client, params (string Name, string? Value)[] fields)
    {
        var form = await client.GetAsync("/Cases/Register");
        var registered = await client.SubmitAsync(form, "form#register", fields);
        return registered.Url.AbsolutePath == "/Purpose"
            ? await client.SubmitAsync(registered, "main form", ("Choice", "case-management"))
            : registered;
    }

    /// <summary>A woman's details, with a family name of her own so that tests never meet each other's cases as duplicates.</summary>
    public static (string Name, string? Value)[] AWoman(string familyName, params (string Name, string? Value)[] instead) =>
    [
        .. WomansDetails(familyName).Where(field => instead.All(other => other.Name != field.Name)),
        .. instead,
    ];

    private static (string Name, string? Value)[] WomansDetails(string familyName) =>
    [
        ("Input.Person.GivenName", "Grace"),
        ("Input.Person.FamilyName", familyName),
        ("Input.Person.Gender", "Female"),
        ("Input.Person.DateOfBirth", "1998-05-20"),
        ("Input.Person.Citizenships[0]", "NG"),
        ("Input.Person.Languages[0]", "en"),
        ("Input.IdentifiedAt.Place", "Torino"),
        ("Input.FormsOfExploitation", "Sexual"),
        ("Input.IndicatorsObserved", "DebtBondage"),
        ("Input.IndicatorsObserved", "WithholdsDocuments"),
    ];

    public static string UniqueName(string stem) => stem + Guid.NewGuid().ToString("N")[..6];

    /// <summary>The case id a case page shows (its URL's last segment).</summary>
    public static string CaseId(this PortalResponse page) => page.Url.AbsolutePath.Split('/')[^1];
}
