using Google.Protobuf.Reflection;
using TipReferral.Portal.Calling;
using Identification = TipReferral.Contracts.Identification.V1;
using Legal = TipReferral.Contracts.Legal.V1;
using Repatriation = TipReferral.Contracts.Repatriation.V1;
using Shelter = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Portal.Home;

/// <summary>A place of the portal a role reaches from the menu: its text key, its page, and the RPC that opens it.</summary>
public sealed record WorkspaceLink(string TextKey, string Page, MethodDescriptor Rpc);

/// <summary>
/// The menu: each entry is shown only to the roles whose access policy admits the RPC behind
/// it, so a screener never sees the prosecutor's lists and an administrator sees no case.
/// </summary>
public static class Workspace
{
    public static readonly IReadOnlyList<WorkspaceLink> Links =
    [
        new("nav.search-cases", "/Cases/Index", Method(Identification.VictimCases.Descriptor, "SearchCases")),
        new("nav.register", "/Cases/Register", Method(Identification.VictimCases.Descriptor, "RegisterPresumedVictim")),
        new("nav.awaiting-placement", "/Shelter/AwaitingPlacement", Method(Shelter.ShelterCases.Descriptor, "ListAwaitingPlacement")),
        new("nav.occupancy", "/Shelter/Occupancy", Method(Shelter.Shelters.Descriptor, "GetOccupancy")),
        new("nav.incoming-referrals", "/Referrals/Incoming", Method(Repatriation.Referrals.Descriptor, "ListIncomingReferrals")),
        new("nav.notices", "/Referrals/Notices", Method(Repatriation.Referrals.Descriptor, "ListNotices")),
        new("nav.overdue-visits", "/Referrals/OverdueVisits", Method(Repatriation.Reintegration.Descriptor, "ListOverdueFollowUpVisits")),
        new("nav.counterparts", "/Returns/Counterparts", Method(Repatriation.Counterparts.Descriptor, "ListReceivingAgencies")),
        new("nav.expiring-permits", "/Legal/ExpiringPermits", Method(Legal.ResidencePermits.Descriptor, "ListExpiringPermits")),
        new("nav.family-protection", "/Legal/FamilyProtection", Method(Legal.WitnessProtection.Descriptor, "ListFamilyProtectionRequests")),
        new("nav.audit", "/Audit/Index", Method(TipReferral.Contracts.Audit.V1.ReadAudit.Descriptor, "WhatDidUserView")),
    ];

    public static IEnumerable<WorkspaceLink> For(string role, RpcAccess access) => Links.Where(link => access.Allows(role, link.Rpc));

    public static MethodDescriptor Method(Google.Protobuf.Reflection.ServiceDescriptor service, string name) =>
        service.FindMethodByName(name) ?? throw new ArgumentException($"{service.FullName} has no RPC {name}.", nameof(name));
}
