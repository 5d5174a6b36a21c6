using Grpc.Core;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Shelter;

public static class AwaitingList
{
    /// <summary>
    /// How long a registration may take to reach the shelter service: CI runs every test project
    /// at once on two cores, where the identification outbox and the shelter consumer queue up.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>The page of the awaiting list (oldest first, 20 a page) that holds the case, or 0 while the shelter service has not listed it.</summary>
    public static async Task<int> AwaitingPageOfAsync(this PortalSystem system, string caseId)
    {
        var shelterCases = system.ShelterClient<ShelterCases.ShelterCasesClient>(DemoUsers.For(Roles.ShelterStaff, "IT"));
        for (var number = 1; ; number++)
        {
            ListAwaitingPlacementResponse listed;
            try
            {
                listed = await shelterCases.ListAwaitingPlacementAsync(new ListAwaitingPlacementRequest { Country = "IT", Page = new() { Page = number, PageSize = 20 } });
            }
            catch (RpcException)
            {
                return 0;
            }

            if (listed.Cases.Any(row => row.CaseId == caseId))
            {
                return number;
            }

            if (listed.Cases.Count < 20)
            {
                return 0;
            }
        }
    }
}
