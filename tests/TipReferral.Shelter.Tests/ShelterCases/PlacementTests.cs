using System.Text.Json;
using Grpc.Core;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Shelter.ShelterCases;
using static TipReferral.Shelter.Tests.ShelterService;
using DischargeReason = TipReferral.Contracts.Shelter.V1.DischargeReason;
using ResidentGroup = TipReferral.Contracts.Shelter.V1.ResidentGroup;
using PlacementStatus = TipReferral.Contracts.Shelter.V1.PlacementStatus;
using EmergencyException = TipReferral.Contracts.Shelter.V1.EmergencyException;

namespace TipReferral.Shelter.Tests.ShelterCases;

/// <summary>A stay from referral to discharge through the real API: beds follow the person, the history tells who did what.</summary>
public sealed class PlacementTests(ShelterService service) : IClassFixture<ShelterService>
{
    private readonly Contracts.Shelter.V1.ShelterCases.ShelterCasesClient cases = service.CasesFor(StaffInNigeria);

    [Fact]
    public async Task Referral_admission_transfer_and_discharge_move_the_bed_and_leave_a_placement_history()
    {
        var first = await service.RegisterShelterAsync(capacity: 2, name: "Hope House");
        var second = await service.RegisterShelterAsync(capacity: 2, name: "Safe Haven");
        var caseId = await service.ACaseAwaitingPlacementAsync();

        await cases.ReferToShelterAsync(new ReferToShelterRequest { CaseId = caseId, ShelterId = first, Reason = "Safe accommodation needed tonight" });
        await cases.AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = caseId, ShelterId = first, Group = ResidentGroup.Men });
        (await OccupiedAsync(first)).ShouldBe(1);

        await cases.TransferToShelterAsync(new TransferToShelterRequest { CaseId = caseId, ToShelterId = second, Reason = "Closer to the clinic" });
        (await OccupiedAsync(first)).ShouldBe(0);
        (await OccupiedAsync(second)).ShouldBe(1);

        await cases.DischargeFromShelterAsync(new DischargeFromShelterRequest { CaseId = caseId, DischargeReason = DischargeReason.IndependentLiving });
        (await OccupiedAsync(second)).ShouldBe(0);

        var history = await cases.GetPlacementHistoryAsync(new GetPlacementHistoryRequest { CaseId = caseId });
        history.Placements.Select(p => (p.ShelterName, p.LeftBecause)).ShouldBe(
            [("Hope House", DischargeReason.Transferred), ("Safe Haven", DischargeReason.IndependentLiving)]);
        history.Placements.ShouldAllBe(p => p.Group == ResidentGroup.Men && p.LeftAt != null);

        var details = await cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = caseId });
        details.Status.ShouldBe(PlacementStatus.Discharged);
        details.CurrentPlacement.ShouldBeNull();
    }

    [Fact]
    public async Task The_case_history_has_the_shared_format_with_actor_role_agency_country_and_reason()
    {
        var shelter = await service.RegisterShelterAsync(capacity: 1);
        var caseId = await service.ACaseAwaitingPlacementAsync();
        await cases.ReferToShelterAsync(new ReferToShelterRequest { CaseId = caseId, ShelterId = shelter, Reason = "Referred by the outreach team" });

        var history = await service.CasesFor(SupervisorInNigeria).GetCaseHistoryAsync(new GetShelterCaseHistoryRequest { CaseId = caseId });

        history.Entries.Select(e => e.EventType).ShouldBe([nameof(VictimAwaitingPlacement), nameof(ReflectionPeriodStarted), nameof(ShelterReferralMade)]);
        history.Entries.ShouldAllBe(e => e.Service == "shelter");
        var referral = history.Entries[^1];
        referral.Actor.UserId.ShouldBe(StaffInNigeria.Username);
        referral.Actor.Role.ShouldBe(StaffInNigeria.Role);
        referral.Actor.Agency.ShouldBe(StaffInNigeria.Agency);
        referral.Actor.Country.ShouldBe("NG");
        referral.Reason.ShouldBe("Referred by the outreach team");
        JsonDocument.Parse(referral.DataJson).RootElement.GetProperty("shelterId").GetString().ShouldBe(shelter);
    }

    [Fact]
    public async Task A_child_is_placed_only_in_a_shelter_for_children_and_before_a_guardian_only_with_an_emergency_exception()
    {
        var adultsOnly = await service.RegisterShelterAsync(capacity: 3);
        var forChildren = await service.RegisterShelterAsync(capacity: 3, accepts: [ResidentGroup.Children]);
        var child = await service.ACaseAwaitingPlacementAsync(child: true);

        (await RefusedAsync(() => cases.AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = child, ShelterId = adultsOnly, Group = ResidentGroup.Children })))
            .ShouldContain(Admission.ChildNeedsChildShelterRule);
        (await RefusedAsync(() => cases.AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = child, ShelterId = forChildren, Group = ResidentGroup.Children })))
            .ShouldContain(Admission.ChildNeedsGuardianRule);

        await cases.AdmitToShelterAsync(new AdmitToShelterRequest
        {
            CaseId = child,
            ShelterId = forChildren,
            Group = ResidentGroup.Children,
            EmergencyException = new EmergencyException { Reason = "Found alone at night; the guardianship court sits on Monday" },
        });
        (await cases.GetPlacementHistoryAsync(new GetPlacementHistoryRequest { CaseId = child })).Placements.Single().EmergencyException.ShouldBeTrue();
    }

    [Fact]
    public async Task Suitable_shelters_are_open_take_the_group_and_have_a_free_bed()
    {
        var full = await service.RegisterShelterAsync(capacity: 1, country: "IT", agency: "On the Road", accepts: [ResidentGroup.Families]);
        var free = await service.RegisterShelterAsync(capacity: 4, country: "IT", agency: "On the Road", accepts: [ResidentGroup.Families], wheelchairAccessible: true);
        var stairs = await service.RegisterShelterAsync(capacity: 4, country: "IT", agency: "On the Road", accepts: [ResidentGroup.Families]);
        var women = await service.RegisterShelterAsync(capacity: 4, country: "IT", agency: "On the Road", accepts: [ResidentGroup.Women]);
        var italianStaff = TipReferral.Testing.DemoUsers.For(TipReferral.Domain.Roles.ShelterStaff, "IT");
        var occupant = await service.ACaseAwaitingPlacementAsync(country: "IT");
        await service.CasesFor(italianStaff).AdmitToShelterAsync(new AdmitToShelterRequest { CaseId = occupant, ShelterId = full, Group = ResidentGroup.Families });

        var found = await service.SheltersFor(italianStaff).FindSuitableSheltersAsync(new FindSuitableSheltersRequest
        {
            Country = "IT",
            Group = ResidentGroup.Families,
            NeedsWheelchairAccess = true,
        });

        found.Shelters.Select(s => s.ShelterId).ShouldContain(free);
        found.Shelters.Select(s => s.ShelterId).ShouldNotContain(full);
        found.Shelters.Select(s => s.ShelterId).ShouldNotContain(stairs);
        found.Shelters.Select(s => s.ShelterId).ShouldNotContain(women);
    }

    private async Task<int> OccupiedAsync(string shelterId) =>
        (await service.SheltersFor(SupervisorInNigeria).GetOccupancyAsync(new GetOccupancyRequest { Country = "NG" })).Shelters.Single(s => s.ShelterId == shelterId).Occupied;

    private static async Task<string> RefusedAsync(Func<AsyncUnaryCall<Contracts.Common.V1.CaseVersion>> call)
    {
        var refusal = await Should.ThrowAsync<RpcException>(() => call().ResponseAsync);
        refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        return refusal.Status.Detail;
    }
}
