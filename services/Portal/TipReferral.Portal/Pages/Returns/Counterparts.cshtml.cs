using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Portal.Pages.Returns;

/// <summary>
/// The directory of counterparts: who in a country accepts referrals, what they provide and whom
/// to call. An Administrator lists and updates the agencies of their own country.
/// </summary>
public sealed class CounterpartsModel(Counterparts.CounterpartsClient counterparts) : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public AgencyService Provides { get; set; }

    /// <summary>The agency whose entry is being edited, one at a time.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    /// <summary>A new agency of the Administrator's country: names mirror <see cref="RegisterReceivingAgencyRequest"/>.</summary>
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    /// <summary>An agency's new entry: names mirror <see cref="UpdateReceivingAgencyRequest"/>.</summary>
    [BindProperty]
    public AgencyInput Update { get; set; } = new();

    public IReadOnlyList<ReceivingAgency> Agencies { get; private set; } = [];

    public bool MayRegister => May(Home.Workspace.Method(Counterparts.Descriptor, "RegisterReceivingAgency"));

    /// <summary>An Administrator updates only the agencies of their own country.</summary>
    public bool MayUpdate(ReceivingAgency agency) =>
        agency.Country == Me.Country && May(Home.Workspace.Method(Counterparts.Descriptor, "UpdateReceivingAgency"));

    public Task<IActionResult> OnGetAsync() => AttemptAsync(async () =>
    {
        await LoadAsync();
        return Page();
    });

    public Task<IActionResult> OnPostRegisterAsync() => WriteAsync(
        () => counterparts.RegisterReceivingAgencyAsync(Input.ToRegister()).ResponseAsync, InputPrefix);

    public Task<IActionResult> OnPostUpdateAsync() => WriteAsync(
        () => counterparts.UpdateReceivingAgencyAsync(Update.ToUpdate()).ResponseAsync, nameof(Update));

    private async Task<IActionResult> WriteAsync(Func<Task> call, string inputPrefix)
    {
        var result = await AttemptAsync(async () =>
        {
            await call();
            TempData["Done"] = "counterparts.saved";
            return RedirectToPage(new { country = Me.Country, edit = (string?)null });
        }, inputPrefix);
        if (result is PageResult)
        {
            Edit = Update.AgencyId;
            await AttemptAsync(async () =>
            {
                await LoadAsync();
                return result;
            });
        }

        return result;
    }

    private async Task LoadAsync()
    {
        Country = string.IsNullOrWhiteSpace(Country) ? Me.Country : Country.Trim().ToUpperInvariant();
        var listed = await counterparts.ListReceivingAgenciesAsync(new ListReceivingAgenciesRequest { Country = Country, Provides = Provides });
        Agencies = [.. listed.Agencies];
        if (Agencies.FirstOrDefault(agency => agency.AgencyId == Edit) is { } edited && MayUpdate(edited) && Update.AgencyId is null)
        {
            Update = AgencyInput.From(edited);
        }
    }
}

/// <summary>A directory entry as typed: languages as one comma-separated line, one contact point.</summary>
public sealed class AgencyInput
{
    public string? AgencyId { get; set; }

    public long? ExpectedVersion { get; set; }

    public string? Name { get; set; }

    public AgencyKind Kind { get; set; }

    public string? Languages { get; set; }

    public List<AgencyService> Services { get; set; } = [];

    public List<ContactPointInput> ContactPoints { get; set; } = [new()];

    public bool AcceptsReferrals { get; set; } = true;

    public static AgencyInput From(ReceivingAgency agency) => new()
    {
        AgencyId = agency.AgencyId,
        ExpectedVersion = agency.Version,
        Name = agency.Name,
        Kind = agency.Kind,
        Languages = CodeLists.Join(agency.Languages),
        Services = [.. agency.Services],
        ContactPoints = agency.ContactPoints.Count > 0
            ? [.. agency.ContactPoints.Select(c => new ContactPointInput { Name = c.Name, Function = c.Function, Phone = c.Phone, Email = c.Email })]
            : [new()],
        AcceptsReferrals = agency.AcceptsReferrals,
    };

    public RegisterReceivingAgencyRequest ToRegister()
    {
        var request = new RegisterReceivingAgencyRequest { Name = Name?.Trim() ?? "", Kind = Kind };
        request.Languages.AddRange(CodeLists.Split(Languages));
        request.Services.AddRange(Services);
        request.ContactPoints.AddRange(Contacts());
        return request;
    }

    public UpdateReceivingAgencyRequest ToUpdate()
    {
        var request = Versions.At(new UpdateReceivingAgencyRequest { AgencyId = AgencyId ?? "", Kind = Kind, AcceptsReferrals = AcceptsReferrals }, ExpectedVersion);
        request.Languages.AddRange(CodeLists.Split(Languages));
        request.Services.AddRange(Services);
        request.ContactPoints.AddRange(Contacts());
        return request;
    }

    /// <summary>The contact points filled in; an empty row is left out.</summary>
    private IEnumerable<ContactPoint> Contacts() =>
        ContactPoints
            .Where(c => !string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Phone) || !string.IsNullOrWhiteSpace(c.Email))
            .Select(c => new ContactPoint { Name = c.Name?.Trim() ?? "", Function = c.Function?.Trim() ?? "", Phone = c.Phone?.Trim() ?? "", Email = c.Email?.Trim() ?? "" });
}

public sealed class ContactPointInput
{
    public string? Name { get; set; }

    public string? Function { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}
