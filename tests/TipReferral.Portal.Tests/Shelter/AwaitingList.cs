using Grpc.Core;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Domain;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Shelter;

public static class AwaitingList
{
    /// <summary>
    /// How long an event may take to reach another service: CI runs every test project at once on
    /// two cores, where the outboxes and consumers queue up (a registration reaching the shelter
    /// service, an identity protection reaching identification).
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Waits until the portal's awaiting list shows the case. Other tests place their cases
    /// meanwhile, so the page the shelter service named may shift before the portal renders it:
    /// look again until <paramref name="portalShows"/> finds the case on the path it is given.
    /// </summary>
    public static Task UntilPortalListsAwaitingAsync(this PortalSystem system, string caseId, Func<string, Task<bool>> portalShows) =>
        Eventually.HoldsAsync(
            async () => await system.AwaitingPageOfAsync(caseId) is > 0 and var number
                && await portalShows($"/Shelter/AwaitingPlacement?page={number}"),
            "The case listed as awaiting placement",
            Patience);

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
