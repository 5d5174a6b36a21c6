using Grpc.Core;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.Testing;

namespace TipReferral.Legal.Tests.LegalFiles;

/// <summary>Every RPC of holds, legal aid, permits and compensation refuses bad input naming the field, and stores nothing.</summary>
public sealed class BadInputTests(LegalService service) : IClassFixture<LegalService>
{
    private static readonly DemoUser CaseWorker = DemoUsers.For(Roles.CaseWorker, "IT");

    private static readonly DemoUser Supervisor = DemoUsers.For(Roles.Supervisor, "IT");

    private static readonly Google.Type.Date Today = DateOnly.FromDateTime(DateTime.UtcNow).ToProto();

    private static readonly Google.Type.Date NextYear = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(365).ToProto();

    private async Task ShouldRefuseAsync(string caseId, string field, Func<Task> call)
    {
        var version = (await service.LoadAsync(caseId))!.Version;

        var invalid = await Should.ThrowAsync<RpcException>(call);

        invalid.StatusCode.ShouldBe(StatusCode.InvalidArgument, field);
        invalid.Status.Detail.ShouldContain(field);
        (await service.LoadAsync(caseId))!.Version.ShouldBe(version);
    }

    [Fact]
    public async Task Legal_holds()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();
        var holds = service.ClientFor<Contracts.Legal.V1.LegalHolds.LegalHoldsClient>(LegalService.ProsecutorInItaly);
        PlaceLegalHoldRequest Place() => new() { CaseId = caseId, LegalCaseId = legalCaseId, ReviewOn = NextYear, Reason = "Testimony needed" };

        await ShouldRefuseAsync(caseId, "legal_case_id", () => holds.PlaceLegalHoldAsync(new PlaceLegalHoldRequest(Place()) { LegalCaseId = "RG 1234" }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "review_on", () => holds.PlaceLegalHoldAsync(new PlaceLegalHoldRequest(Place()) { ReviewOn = null }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "reason", () => holds.PlaceLegalHoldAsync(new PlaceLegalHoldRequest(Place()) { Reason = " " }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "hold_id", () => holds.ReleaseLegalHoldAsync(new ReleaseLegalHoldRequest { CaseId = caseId, HoldId = "", Reason = "Done" }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "testimony_on", () => holds.ArrangeVideoLinkTestimonyAsync(new ArrangeVideoLinkTestimonyRequest
        {
            CaseId = caseId,
            LegalCaseId = legalCaseId,
            TestimonyOn = new Google.Type.Date { Year = 2026, Month = 13, Day = 1 },
            Reason = "Video link",
        }).ResponseAsync);
    }

    [Fact]
    public async Task Legal_aid()
    {
        var caseId = await service.AVictimCaseAsync();
        var legalAid = service.ClientFor<Contracts.Legal.V1.LegalAid.LegalAidClient>(CaseWorker);
        AssignLegalAidLawyerRequest Assign() => new() { CaseId = caseId, LawyerUserId = "legalaidlawyer.it", LawyerName = "Elena Greco", BarOrAgency = "ASGI" };

        await ShouldRefuseAsync(caseId, "lawyer_user_id", () => legalAid.AssignLegalAidLawyerAsync(new AssignLegalAidLawyerRequest(Assign()) { LawyerUserId = "" }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "legal_case_id", () => legalAid.AssignLegalAidLawyerAsync(new AssignLegalAidLawyerRequest(Assign()) { LegalCaseId = "x" }).ResponseAsync);
    }

    [Fact]
    public async Task Residence_permits()
    {
        var caseId = await service.AVictimCaseAsync();
        var permits = service.ClientFor<Contracts.Legal.V1.ResidencePermits.ResidencePermitsClient>(CaseWorker);
        RecordResidencePermitRequest Record() => new()
        {
            CaseId = caseId,
            Type = PermitType.Humanitarian,
            IssuingAuthority = "Questura di Torino",
            PermitNumber = "TO1",
            IssuedOn = Today,
            ExpiresOn = NextYear,
        };

        await ShouldRefuseAsync(caseId, "type", () => permits.RecordResidencePermitAsync(new RecordResidencePermitRequest(Record()) { Type = PermitType.Unspecified }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "permit_number", () => permits.RecordResidencePermitAsync(new RecordResidencePermitRequest(Record()) { PermitNumber = "" }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "expires_on", () => permits.RecordResidencePermitAsync(new RecordResidencePermitRequest(Record()) { ExpiresOn = null }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "expires_on", () => permits.RecordResidencePermitAsync(new RecordResidencePermitRequest(Record()) { ExpiresOn = Today }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "expires_on", () => permits.RecordResidencePermitAsync(
            new RecordResidencePermitRequest(Record()) { Type = PermitType.Permanent }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "expires_on", () => permits.RenewResidencePermitAsync(new RenewResidencePermitRequest
        {
            CaseId = caseId,
            PermitId = Guid.NewGuid().ToString(),
            RenewedOn = NextYear,
            ExpiresOn = Today,
        }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "reason", () => permits.RecordResidencePermitRefusalAsync(new RecordResidencePermitRefusalRequest
        {
            CaseId = caseId,
            Type = PermitType.Humanitarian,
            IssuingAuthority = "Questura di Torino",
            RefusedOn = Today,
        }).ResponseAsync);

        var list = await Should.ThrowAsync<RpcException>(() => permits.ListExpiringPermitsAsync(new ListExpiringPermitsRequest { Country = "IT", WithinDays = 367 }).ResponseAsync);
        list.Status.Detail.ShouldContain("within_days");
        var alerts = await Should.ThrowAsync<RpcException>(() => permits.ListPermitExpiryAlertsAsync(new ListPermitExpiryAlertsRequest { Country = "Italy" }).ResponseAsync);
        alerts.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        alerts.Status.Detail.ShouldContain("country");
    }

    [Fact]
    public async Task Compensation()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();
        var compensation = service.ClientFor<Contracts.Legal.V1.Compensation.CompensationClient>(Supervisor);
        FileCompensationClaimRequest File() => new()
        {
            CaseId = caseId,
            Source = CompensationSource.OffenderCriminalProceedings,
            LegalCaseId = legalCaseId,
            Claimed = new Money { AmountMinor = 5_000_000, Currency = "EUR" },
            FiledOn = Today,
        };

        await ShouldRefuseAsync(caseId, "legal_case_id", () => compensation.FileCompensationClaimAsync(new FileCompensationClaimRequest(File()) { LegalCaseId = "" }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "claimed.currency", () => compensation.FileCompensationClaimAsync(
            new FileCompensationClaimRequest(File()) { Claimed = new Money { AmountMinor = 100, Currency = "eur" } }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "claimed.amount_minor", () => compensation.FileCompensationClaimAsync(
            new FileCompensationClaimRequest(File()) { Claimed = new Money { AmountMinor = 0, Currency = "EUR" } }).ResponseAsync);
        var claim = await compensation.FileCompensationClaimAsync(File());

        await ShouldRefuseAsync(caseId, "awarded", () => compensation.RecordCompensationDecisionAsync(new RecordCompensationDecisionRequest
        {
            CaseId = caseId,
            ClaimId = claim.ClaimId,
            Decision = CompensationDecision.Awarded,
            DecidedOn = Today,
        }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "reason", () => compensation.RecordCompensationDecisionAsync(new RecordCompensationDecisionRequest
        {
            CaseId = caseId,
            ClaimId = claim.ClaimId,
            Decision = CompensationDecision.Rejected,
            DecidedOn = Today,
        }).ResponseAsync);
        await ShouldRefuseAsync(caseId, "paid", () => compensation.RecordCompensationPaymentAsync(new RecordCompensationPaymentRequest
        {
            CaseId = caseId,
            ClaimId = claim.ClaimId,
            ReceivedOn = Today,
        }).ResponseAsync);
    }
}
