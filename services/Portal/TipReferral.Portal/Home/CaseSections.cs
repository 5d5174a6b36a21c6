using TipReferral.Portal.Calling;
using Identification = TipReferral.Contracts.Identification.V1;
using Legal = TipReferral.Contracts.Legal.V1;
using Repatriation = TipReferral.Contracts.Repatriation.V1;
using Shelter = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Portal.Home;

/// <summary>
/// The parts of one victim case, one per service plus the whole timeline and its read audit:
/// the tabs of every case page, each shown only to the roles that may open it.
/// </summary>
public static class CaseSections
{
    public static readonly IReadOnlyList<WorkspaceLink> All =
    [
        new("case.section.identification", "/Cases/Case", Workspace.Method(Identification.VictimCases.Descriptor, "GetCase")),
        new("case.section.shelter", "/Shelter/Case", Workspace.Method(Shelter.ShelterCases.Descriptor, "GetShelterCase")),
        new("case.section.return", "/Returns/Case", Workspace.Method(Repatriation.Travel.Descriptor, "GetReturnReadiness")),
        new("case.section.legal", "/Legal/Case", Workspace.Method(Legal.LegalCases.Descriptor, "GetLegalSituation")),
        new("case.section.timeline", "/Cases/Timeline", Workspace.Method(Identification.WholeCaseHistories.Descriptor, "GetWholeCaseHistory")),
        new("case.section.audit", "/Audit/Case", Workspace.Method(TipReferral.Contracts.Audit.V1.ReadAudit.Descriptor, "WhoViewedCase")),
    ];

    public static IEnumerable<WorkspaceLink> For(string role, RpcAccess access) => All.Where(section => access.Allows(role, section.Rpc));
}

/// <summary>The tabs of a case page: the case and the page being shown.</summary>
public sealed record CaseTabs(string CaseId, string CurrentPage);
