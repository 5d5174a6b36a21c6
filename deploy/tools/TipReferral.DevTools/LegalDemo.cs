using Grpc.Core;
using TipReferral.Contracts.Legal.V1;

/// <summary>
/// The legal-assistance service's demo data, once the identification demo's cases have arrived
/// over RabbitMQ: Chinedu testifies in a Nigerian trafficking prosecution as a protected witness
/// (identity protection, video link, closed hearing) with a hold on his return and a legal-aid
/// lawyer; Amina, in Italy, is a witness and civil party in a Torino proceeding, has a
/// humanitarian residence permit that expires in 25 days, and a claim on the state fund.
/// </summary>
internal static class LegalDemo
{
    // Demo users of the development identity provider (services/Identity, appsettings.Development.json).
    private const string ProsecutorNigeria = "prosecutor.ng", AuthorityNigeria = "witnessprotectionauthority.ng", CaseWorkerNigeria = "caseworker.ng";
    private const string LawyerNigeria = "legalaidlawyer.ng", SupervisorNigeria = "supervisor.ng";
    private const string ProsecutorItaly = "prosecutor.it", CaseWorkerItaly = "caseworker.it", SupervisorItaly = "supervisor.it";

    /// <summary>The pseudonym the identification demo already shows for Chinedu.</summary>
    private const string ChinedusPseudonym = "Witness C-3";

    public static async Task<int> SeedAsync(Uri address, IdentityProvider identityProvider, DemoCases cases)
    {
        async Task<T> As<T>(string username, Func<CallInvoker, T> client) => client((await DemoChannels.ForAsync(address, identityProvider, username)).CreateCallInvoker());

        var supervisorNigeria = await As(SupervisorNigeria, i => new LegalCases.LegalCasesClient(i));
        var chinedu = await ArrivedAsync(supervisorNigeria, cases.Chinedu);
        await ArrivedAsync(await As(SupervisorItaly, i => new LegalCases.LegalCasesClient(i)), cases.AminaInItaly);
        if (chinedu.LegalCases.Count > 0)
        {
            Console.WriteLine("Legal-assistance demo data already present.");
            return 0;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var nigerianCase = await (await As(ProsecutorNigeria, i => new LegalCases.LegalCasesClient(i))).OpenLegalCaseAsync(new OpenLegalCaseRequest
        {
            CaseId = cases.Chinedu.CaseId,
            Jurisdiction = new Jurisdiction { Country = "NG", AuthorityKind = AuthorityKind.ProsecutorsOffice, AuthorityName = "NAPTIP Abuja – Legal and Prosecution" },
            AuthorityCaseNumber = "FHC/KN/CR/113/2026",
            Offences = { Offence.TraffickingInPersons, Offence.ForcedLabour },
            Stage = LegalCaseStage.Prosecution,
            VictimRoles = { VictimRole.Witness, VictimRole.InjuredParty },
        });
        var protection = await (await As(ProsecutorNigeria, i => new WitnessProtection.WitnessProtectionClient(i))).RequestWitnessProtectionAsync(new RequestWitnessProtectionRequest
        {
            CaseId = cases.Chinedu.CaseId,
            LegalCaseId = nigerianCase.LegalCaseId,
            Measures = { ProtectionMeasure.IdentityProtection, ProtectionMeasure.VideoLinkTestimony, ProtectionMeasure.ClosedHearing },
            ProposedPseudonym = ChinedusPseudonym,
            Reason = "Key witness against the Kano recruitment ring; its members have threatened him.",
        });
        await (await As(AuthorityNigeria, i => new WitnessProtection.WitnessProtectionClient(i))).GrantWitnessProtectionAsync(new GrantWitnessProtectionRequest
        {
            CaseId = cases.Chinedu.CaseId,
            ProtectionId = protection.ProtectionId,
            Measures = { ProtectionMeasure.IdentityProtection, ProtectionMeasure.VideoLinkTestimony, ProtectionMeasure.ClosedHearing },
            Pseudonym = ChinedusPseudonym,
            ReviewOn = DemoDates.Of(today.AddDays(90)),
            Reason = "Threats confirmed by the police; testimony essential to the prosecution.",
        });
        await (await As(ProsecutorNigeria, i => new LegalHolds.LegalHoldsClient(i))).PlaceLegalHoldAsync(new PlaceLegalHoldRequest
        {
            CaseId = cases.Chinedu.CaseId,
            LegalCaseId = nigerianCase.LegalCaseId,
            ReviewOn = DemoDates.Of(today.AddDays(60)),
            Reason = "His testimony is needed at the trial hearing; no removal or relocation abroad until then.",
        });
        await (await As(CaseWorkerNigeria, i => new LegalAid.LegalAidClient(i))).AssignLegalAidLawyerAsync(new AssignLegalAidLawyerRequest
        {
            CaseId = cases.Chinedu.CaseId,
            LawyerUserId = LawyerNigeria,
            LawyerName = "Barr. Ngozi Eze",
            BarOrAgency = "Legal Aid Council of Nigeria, Kano",
            LegalCaseId = nigerianCase.LegalCaseId,
        });

        var italianCase = await (await As(ProsecutorItaly, i => new LegalCases.LegalCasesClient(i))).OpenLegalCaseAsync(new OpenLegalCaseRequest
        {
            CaseId = cases.AminaInItaly.CaseId,
            Jurisdiction = new Jurisdiction { Country = "IT", AuthorityKind = AuthorityKind.ProsecutorsOffice, AuthorityName = "Procura di Torino" },
            AuthorityCaseNumber = "RGNR 4417/2026",
            Offences = { Offence.TraffickingInPersons, Offence.SexualExploitation },
            VictimRoles = { VictimRole.Witness, VictimRole.CivilParty },
        });
        await (await As(CaseWorkerItaly, i => new ResidencePermits.ResidencePermitsClient(i))).RecordResidencePermitAsync(new RecordResidencePermitRequest
        {
            CaseId = cases.AminaInItaly.CaseId,
            Type = PermitType.Humanitarian,
            IssuingAuthority = "Questura di Torino",
            PermitNumber = "TO-2025-118843",
            IssuedOn = DemoDates.Of(today.AddDays(-320)),
            ExpiresOn = DemoDates.Of(today.AddDays(25)),
        });
        await (await As(SupervisorItaly, i => new Compensation.CompensationClient(i))).FileCompensationClaimAsync(new FileCompensationClaimRequest
        {
            CaseId = cases.AminaInItaly.CaseId,
            Source = CompensationSource.StateFund,
            Claimed = new Money { AmountMinor = 1_500_000, Currency = "EUR" },
            FiledOn = DemoDates.Of(today),
        });

        Console.WriteLine($"Legal demo: {cases.Chinedu.Reference} is a protected witness (as {ChinedusPseudonym}) in FHC/KN/CR/113/2026 with a legal hold and a legal-aid lawyer; " +
            $"{cases.AminaInItaly.Reference} is a witness and civil party in RGNR 4417/2026 (legal case {italianCase.LegalCaseId}), her humanitarian permit expires in 25 days (its 30-day alert raised), and she claims compensation from the state fund.");
        return 0;
    }

    /// <summary>Waits until the legal-assistance service has opened the case's file.</summary>
    private static Task<LegalSituation> ArrivedAsync(LegalCases.LegalCasesClient client, DemoCase demoCase) =>
        DemoArrival.WaitAsync("legal-assistance", demoCase, () => client.GetLegalSituationAsync(new GetLegalSituationRequest { CaseId = demoCase.CaseId }).ResponseAsync);
}
