using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Mvc;
using TipReferral.Contracts.Shelter.V1;
using TipReferral.Portal.Calling;
using TipReferral.Portal.Home;
using TipReferral.Portal.Localization;

namespace TipReferral.Portal.Pages.Shelter;

/// <summary>
/// The shelter's part of a case: placement (refer, admit, transfer, discharge), needs, safety
/// plans, services, the reflection period's clock and the placement history. Shelters to choose
/// from are those FindSuitableShelters gives for the group the person is placed as.
/// </summary>
public sealed class CaseModel(ShelterCases.ShelterCasesClient cases, Shelters.SheltersClient shelters, TimeProvider clock) : CaseFormPage
{
    /// <summary>The group to find shelters for (a child is always placed as a child).</summary>
    [BindProperty(SupportsGet = true, Name = "group")]
    public ResidentGroup Group { get; set; }

    [BindProperty(SupportsGet = true, Name = "wheelchair")]
    public bool Wheelchair { get; set; }

    public ShelterCaseDetails? Case { get; private set; }

    public PlacementHistory? History { get; private set; }

    /// <summary>Open shelters with a free bed suited to <see cref="Group"/>; empty until a group is chosen.</summary>
    public IReadOnlyList<ShelterOccupancy> Suitable { get; private set; } = [];

    /// <summary>The country's shelters by id, to name the one a case was referred to.</summary>
    public IReadOnlyDictionary<string, ShelterOccupancy> Known { get; private set; } = new Dictionary<string, ShelterOccupancy>();

    [BindProperty]
    public ReferInput Refer { get; set; } = new();

    [BindProperty]
    public AdmitInput Admit { get; set; } = new();

    [BindProperty]
    public TransferInput Transfer { get; set; } = new();

    [BindProperty]
    public DischargeInput Discharge { get; set; } = new();

    [BindProperty]
    public NeedsInput Needs { get; set; } = new();

    [BindProperty]
    public SafetyPlanInput Plan { get; set; } = new();

    [BindProperty]
    public ServiceInput Service { get; set; } = new();

    [BindProperty]
    public ExtendInput Extend { get; set; } = new();

    [BindProperty]
    public EndEarlyInput EndEarly { get; set; } = new();

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Whole days until the reflection period ends (0 on its last day), if it runs.</summary>
    public int? ReflectionDaysLeft => Case?.ReflectionPeriod is { State: ReflectionPeriodState.Running, EndsAt: { } endsAt }
        ? Math.Max(0, (int)Math.Ceiling((endsAt.ToDateTimeOffset() - clock.GetUtcNow()).TotalDays))
        : null;

    public static MethodDescriptor Rpc(string name) => Workspace.Method(ShelterCases.Descriptor, name);

    public Task<IActionResult> OnGetAsync() => ReadAsync(() =>
    {
        Admit.ShelterId = Case!.ReferredToShelterId;
        Admit.Group = Group;
        Admit.NeedsWheelchairAccess = Wheelchair;
        Needs.AssessedOn = Plan.AgreedOn = Service.DeliveredOn = EndEarly.RequestedOn = Today;
    });

    public Task<IActionResult> OnPostReferAsync() => WriteAsync(nameof(Refer), "done.referred", () => cases.ReferToShelterAsync(new ReferToShelterRequest
    {
        CaseId = Id,
        ExpectedVersion = Refer.ExpectedVersion,
        ShelterId = Refer.ShelterId ?? "",
        Reason = Refer.Reason?.Trim() ?? "",
    }).ResponseAsync);

    public Task<IActionResult> OnPostAdmitAsync() => WriteAsync(nameof(Admit), "done.admitted", () => cases.AdmitToShelterAsync(new AdmitToShelterRequest
    {
        CaseId = Id,
        ExpectedVersion = Admit.ExpectedVersion,
        ShelterId = Admit.ShelterId ?? "",
        Group = Admit.Group,
        NeedsWheelchairAccess = Admit.NeedsWheelchairAccess,
        EmergencyException = Admit.EmergencyException.ToProto(),
    }).ResponseAsync);

    public Task<IActionResult> OnPostTransferAsync() => WriteAsync(nameof(Transfer), "done.transferred", () => cases.TransferToShelterAsync(new TransferToShelterRequest
    {
        CaseId = Id,
        ExpectedVersion = Transfer.ExpectedVersion,
        ToShelterId = Transfer.ToShelterId ?? "",
        Reason = Transfer.Reason?.Trim() ?? "",
        EmergencyException = Transfer.EmergencyException.ToProto(),
    }).ResponseAsync);

    public Task<IActionResult> OnPostDischargeAsync() => WriteAsync(nameof(Discharge), "done.discharged", () => cases.DischargeFromShelterAsync(new DischargeFromShelterRequest
    {
        CaseId = Id,
        ExpectedVersion = Discharge.ExpectedVersion,
        DischargeReason = Discharge.DischargeReason,
        Reason = Discharge.Reason?.Trim() ?? "",
    }).ResponseAsync);

    public Task<IActionResult> OnPostNeedsAsync() => WriteAsync(nameof(Needs), "done.needs-recorded", () => cases.RecordNeedsAssessmentAsync(new RecordNeedsAssessmentRequest
    {
        CaseId = Id,
        ExpectedVersion = Needs.ExpectedVersion,
        AssessedOn = Formats.ToProto(Needs.AssessedOn),
        Needs = { Needs.Needs.Distinct() },
        Notes = Needs.Notes?.Trim() ?? "",
    }).ResponseAsync);

    public Task<IActionResult> OnPostPlanAsync() => WriteAsync(nameof(Plan), "done.plan-recorded", () => cases.RecordSafetyPlanAsync(new RecordSafetyPlanRequest
    {
        CaseId = Id,
        ExpectedVersion = Plan.ExpectedVersion,
        AgreedOn = Formats.ToProto(Plan.AgreedOn),
        ReviewBy = Formats.ToProto(Plan.ReviewBy),
        Measures = Plan.Measures?.Trim() ?? "",
    }).ResponseAsync);

    public Task<IActionResult> OnPostServiceAsync() => WriteAsync(nameof(Service), "done.service-recorded", () => cases.RecordServiceDeliveredAsync(new RecordServiceDeliveredRequest
    {
        CaseId = Id,
        ExpectedVersion = Service.ExpectedVersion,
        Kind = Service.Kind,
        DeliveredOn = Formats.ToProto(Service.DeliveredOn),
        Provider = Service.Provider?.Trim() ?? "",
        Notes = Service.Notes?.Trim() ?? "",
    }).ResponseAsync);

    public Task<IActionResult> OnPostExtendAsync() => WriteAsync(nameof(Extend), "done.reflection-extended", () => cases.ExtendReflectionPeriodAsync(new ExtendReflectionPeriodRequest
    {
        CaseId = Id,
        ExpectedVersion = Extend.ExpectedVersion,
        AdditionalDays = Extend.AdditionalDays,
        Reason = Extend.Reason?.Trim() ?? "",
    }).ResponseAsync);

    public Task<IActionResult> OnPostEndEarlyAsync() => WriteAsync(nameof(EndEarly), "done.reflection-ended", () => cases.EndReflectionPeriodEarlyAsync(new EndReflectionPeriodEarlyRequest
    {
        CaseId = Id,
        ExpectedVersion = EndEarly.ExpectedVersion,
        RequestedByPerson = EndEarly.RequestedByPerson,
        RequestedOn = Formats.ToProto(EndEarly.RequestedOn),
        RequestStatement = EndEarly.RequestStatement?.Trim() ?? "",
    }).ResponseAsync);

    protected override async Task LoadAsync(string purpose)
    {
        var headers = StatedPurposes.Header(purpose);
        Case = await cases.GetShelterCaseAsync(new GetShelterCaseRequest { CaseId = Id }, headers);
        if (May(Rpc("GetPlacementHistory")))
        {
            History = await cases.GetPlacementHistoryAsync(new GetPlacementHistoryRequest { CaseId = Id }, headers);
        }

        if (May(Workspace.Method(Shelters.Descriptor, "GetOccupancy")))
        {
            var occupancy = await shelters.GetOccupancyAsync(new GetOccupancyRequest { Country = Case.Country });
            Known = occupancy.Shelters.ToDictionary(shelter => shelter.ShelterId);
        }

        // A child is placed as a child whatever group is asked for: the service decides so too.
        if (Case.IsPresumedChild)
        {
            Group = ResidentGroup.Children;
        }

        if (Group != ResidentGroup.Unspecified && May(Workspace.Method(Shelters.Descriptor, "FindSuitableShelters")))
        {
            Suitable = (await shelters.FindSuitableSheltersAsync(new FindSuitableSheltersRequest
            {
                Country = Case.Country,
                Group = Group,
                NeedsWheelchairAccess = Wheelchair,
            })).Shelters;
        }
    }

    public string ShelterName(string shelterId) => Known.TryGetValue(shelterId, out var shelter) ? shelter.Name : shelterId;
}

/// <summary>The shelter select of the refer, admit and transfer forms; it carries the group and access the choice was made for.</summary>
public sealed record ShelterChoice(string Id, string Name, IReadOnlyList<ShelterOccupancy> Shelters, string? Selected, ResidentGroup Group, bool Wheelchair);
