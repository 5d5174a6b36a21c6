using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Identification.V1;

namespace TipReferral.Portal.Pages.Cases;

/// <summary>Registers a person screened as a presumed victim in the signed-in person's country, then opens the new case.</summary>
public sealed class RegisterModel(VictimCases.VictimCasesClient cases) : PortalPage
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public void OnGet() => Input.IdentifiedAt.IdentifyingAgency = Me.Agency;

    public Task<IActionResult> OnPostAsync() => AttemptAsync(async () =>
    {
        var registered = await cases.RegisterPresumedVictimAsync(Input.ToRequest(Me.Country));
        TempData[CaseFormPage.DoneKey] = registered.IsPresumedChild ? "done.registered-child" : "done.registered";
        return RedirectToPage("/Cases/Case", new { id = registered.CaseId });
    });
}

/// <summary>The registration form, field for field as <see cref="RegisterPresumedVictimRequest"/>.</summary>
public sealed class RegisterInput
{
    public PersonInput Person { get; set; } = new();

    public PlaceInput IdentifiedAt { get; set; } = new();

    public List<ExploitationType> FormsOfExploitation { get; set; } = [];

    public List<ControlIndicator> IndicatorsObserved { get; set; } = [];

    /// <summary>The case belongs to the country where the person was identified: the registering person's own.</summary>
    public RegisterPresumedVictimRequest ToRequest(string country) => new()
    {
        Person = Person.ToProto(),
        IdentifiedAt = new IdentificationPlace { Place = IdentifiedAt.Place?.Trim() ?? "", Country = country, IdentifyingAgency = IdentifiedAt.IdentifyingAgency?.Trim() ?? "" },
        FormsOfExploitation = { FormsOfExploitation.Distinct() },
        IndicatorsObserved = { IndicatorsObserved.Distinct() },
    };
}

public sealed class PlaceInput
{
    public string? Place { get; set; }

    public string? IdentifyingAgency { get; set; }
}
