using Grpc.Core;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Shelter.ShelterCases;
using static TipReferral.Shelter.Tests.ShelterService;

namespace TipReferral.Shelter.Tests.ShelterCases.Admitting;

public sealed class ConcurrentAdmissionTests(ShelterService service) : IClassFixture<ShelterService>
{
    [Fact]
    public async Task Twenty_concurrent_admissions_into_a_five_bed_shelter_admit_exactly_five_and_refuse_fifteen_naming_capacity()
    {
        var shelterId = await service.RegisterShelterAsync(capacity: 5);
        var cases = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => service.ACaseAwaitingPlacementAsync()));
        var client = service.CasesFor(StaffInNigeria);

        var outcomes = await Task.WhenAll(cases.Select(async caseId =>
        {
            try
            {
                await client.AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = caseId, ShelterId = shelterId, Group = ResidentGroup.Women });
                return (Admitted: true, Refusal: (RpcException?)null);
            }
            catch (RpcException refusal)
            {
                return (Admitted: false, Refusal: refusal);
            }
        }));

        outcomes.Count(o => o.Admitted).ShouldBe(5);
        var refusals = outcomes.Where(o => !o.Admitted).Select(o => o.Refusal!).ToList();
        refusals.Count.ShouldBe(15);
        refusals.ShouldAllBe(r => r.StatusCode == StatusCode.FailedPrecondition);
        refusals.ShouldAllBe(r => r.Status.Detail.Contains($"'{Admission.AtCapacityRule}'"));
        refusals.ShouldAllBe(r => r.Status.Detail.Contains("capacity"));

        var occupancy = await service.SheltersFor(SupervisorInNigeria).GetOccupancyAsync(new GetOccupancyRequest { Country = "NG" });
        var shelter = occupancy.Shelters.Single(s => s.ShelterId == shelterId);
        shelter.Occupied.ShouldBe(5);
        shelter.FreeBeds.ShouldBe(0);
    }
}
