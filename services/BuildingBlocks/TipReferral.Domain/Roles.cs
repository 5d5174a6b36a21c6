namespace TipReferral.Domain;

/// <summary>
/// The roles a token's "role" claim may carry (DOMAIN.md). Every user belongs to one agency
/// in one country; what a role may do is declared per RPC, next to each slice.
/// </summary>
public static class Roles
{
    public const string Screener = nameof(Screener);
    public const string ShelterStaff = nameof(ShelterStaff);
    public const string CaseWorker = nameof(CaseWorker);
    public const string ReceivingAgency = nameof(ReceivingAgency);
    public const string Prosecutor = nameof(Prosecutor);
    public const string LegalAidLawyer = nameof(LegalAidLawyer);
    public const string WitnessProtectionAuthority = nameof(WitnessProtectionAuthority);
    public const string Supervisor = nameof(Supervisor);
    public const string DataProtectionOfficer = nameof(DataProtectionOfficer);
    public const string Statistician = nameof(Statistician);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All =
    [
        Screener, ShelterStaff, CaseWorker, ReceivingAgency, Prosecutor, LegalAidLawyer,
        WitnessProtectionAuthority, Supervisor, DataProtectionOfficer, Statistician, Administrator,
    ];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
