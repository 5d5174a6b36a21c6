using System.Globalization;
using Grpc.Core;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Portal.Tests.Shelter;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Legal;

/// <summary>A woman registered in Italy, as the test arranged her through the identification service.</summary>
public sealed record RegisteredCase(string CaseId, string Reference, string GivenName, string FamilyName);

/// <summary>What the legal, audit and timeline tests arrange through the services' gRPC APIs, and how they open a page that asks a purpose.</summary>
public sealed class LegalSteps(PortalSystem system)
{
    public const string PurposeChoice = "case-management";

    /// <summary>How the purpose page words <see cref="PurposeChoice"/> in English: what the services record.</summary>
    public const string PurposeText = "Managing the case";

    public static readonly DemoUser Screener = DemoUsers.For(Roles.Screener, "IT");
    public static readonly DemoUser Staff = DemoUsers.For(Roles.ShelterStaff, "IT");
    public static readonly DemoUser Supervisor = DemoUsers.For(Roles.Supervisor, "IT");
    public static readonly DemoUser Prosecutor = DemoUsers.For(Roles.Prosecutor, "IT");
    public static readonly DemoUser Authority = DemoUsers.For(Roles.WitnessProtectionAuthority, "IT");
    public static readonly DemoUser Officer = DemoUsers.For(Roles.DataProtectionOfficer, "IT");

    /// <summary>Registered by a screener in Italy, once the legal-assistance service has heard of her.</summary>
    public async Task<RegisteredCase> ACaseInItalyAsync()
    {
        var familyName = "Okafor" + Guid.NewGuid().ToString("N")[..6];
        var registered = await system.IdentificationClient<VictimCases.VictimCasesClient>(Screener).RegisterPresumedVictimAsync(new RegisterPresumedVictimRequest
        {
            Person = new PersonDetails
            {
                GivenName = "Grace",
                FamilyName = familyName,
                Gender = Gender.Female,
                DateOfBirth = new Google.Type.Date { Year = 1996, Month = 5, Day = 21 },
                Citizenships = { "NG" },
                Languages = { "en" },
            },
            IdentifiedAt = new IdentificationPlace { Place = "Torino", Country = "IT", IdentifyingAgency = Screener.Agency },
            FormsOfExploitation = { ExploitationType.Sexual },
        });
        var details = await system.IdentificationClient<VictimCases.VictimCasesClient>(Screener).GetCaseAsync(new GetCaseRequest { CaseId = registered.CaseId });
        await Eventually.HoldsAsync(async () => await TrySituationAsync(registered.CaseId) is not null, "The case reaching the legal-assistance service", AwaitingList.Patience);
        return new RegisteredCase(registered.CaseId, details.Reference, "Grace", familyName);
    }

    public async Task<string> OpenLegalCaseAsync(string caseId, string number = "RG 100/2026")
    {
        var request = new OpenLegalCaseRequest
        {
            CaseId = caseId,
            Jurisdiction = new Jurisdiction { Country = "IT", AuthorityKind = AuthorityKind.ProsecutorsOffice, AuthorityName = "Procura di Torino" },
            AuthorityCaseNumber = number,
            Offences = { Offence.TraffickingInPersons },
            VictimRoles = { VictimRole.Witness },
        };
        return (await system.LegalClient<LegalCases.LegalCasesClient>(Prosecutor).OpenLegalCaseAsync(request)).LegalCaseId;
    }

    /// <summary>Admitted to a new Italian shelter: in Italy her reflection period starts then, and the legal-assistance service hears of it.</summary>
    public async Task AdmitToShelterAsync(string caseId)
    {
        var shelter = await system.ShelterClient<Shelters.SheltersClient>(Supervisor).RegisterShelterAsync(new RegisterShelterRequest
        {
            Name = $"Casa {Guid.NewGuid():N}"[..13],
            Country = "IT",
            Agency = Staff.Agency,
            Area = "Torino",
            Capacity = 4,
            Accepts = { ResidentGroup.Women },
        });
        var shelterCases = system.ShelterClient<ShelterCases.ShelterCasesClient>(Staff);
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                await shelterCases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId });
                return true;
            }
            catch (RpcException notYet) when (notYet.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
        }, "The case reaching the shelter service");
        await shelterCases.AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = caseId, ShelterId = shelter.ShelterId, Group = ResidentGroup.Women });
    }

    public Task<LegalSituation> SituationAsync(string caseId, DemoUser? user = null) =>
        system.LegalClient<LegalCases.LegalCasesClient>(user ?? Prosecutor).GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = caseId }).ResponseAsync;

    /// <summary>Opens a page, stating the common purpose "managing the case" when it asks for one.</summary>
    public static async Task<PortalResponse> OpenAsync(PortalClient client, string url)
    {
        var page = await client.GetAsync(url);
        return page.Url.AbsolutePath.StartsWith("/Purpose", StringComparison.OrdinalIgnoreCase)
            ? await client.SubmitAsync(page, "main form", ("Choice", PurposeChoice))
            : page;
    }

    /// <summary>A date input's value, <paramref name="days"/> from today.</summary>
    public static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<LegalSituation?> TrySituationAsync(string caseId)
    {
        try
        {
            return await SituationAsync(caseId);
        }
        catch (RpcException notYet) when (notYet.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
