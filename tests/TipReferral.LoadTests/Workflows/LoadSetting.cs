using Grpc.Core;
using TipReferral.Contracts.Repatriation.V1;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.LoadTests.Hosting;
using TipReferral.Testing;

namespace TipReferral.LoadTests.Workflows;

/// <summary>The directory the workflows need, listed by the administrators whose job it is.</summary>
public static class LoadSetting
{
    /// <summary>Admissions to one shelter queue on its bed count, as they must; the load spreads over several, as a country's would.</summary>
    private const int Shelters = 8;

    public static async Task<WorkflowSetting> ArrangeAsync(SystemUnderLoad system)
    {
        var shelters = system.Client<Shelters.SheltersClient>(system.Shelter, DemoUsers.For(Roles.Administrator, "IT"));
        var shelterIds = new List<string>();
        for (var i = 0; i < Shelters; i++)
        {
            shelterIds.Add((await shelters.RegisterShelterAsync(new RegisterShelterRequest
            {
                Name = $"Casa di accoglienza {i + 1}",
                Country = "IT",
                Agency = ReferralWorkflow.ShelterStaff.Agency,
                Area = "Torino",
                Capacity = 10_000,
                Accepts = { ResidentGroup.Women },
            })).ShelterId);
        }

        var administrator = DemoUsers.For(Roles.Administrator, ReferralWorkflow.Agency.Country);
        var agency = await system.Client<Counterparts.CounterpartsClient>(system.Repatriation, administrator).RegisterReceivingAgencyAsync(new RegisterReceivingAgencyRequest
        {
            Name = ReferralWorkflow.Agency.Agency,
            Kind = AgencyKind.GovernmentAgency,
            Languages = { "en" },
            Services = { AgencyService.Reintegration, AgencyService.FamilyTracing },
        });
        return new WorkflowSetting(shelterIds, agency.AgencyId);
    }
}
