using TipReferral.Contracts.Identification.V1;

/// <summary>A demo case as the shelter service knows it: by id and reference, nothing about the person.</summary>
internal sealed record DemoCase(string CaseId, string Reference);

/// <summary>
/// The identification service's demo cases the shelter demo places: Amina (identified, consented to
/// a referral to the women's shelter of Lagos), Chinedu (identified, a protected witness), Blessing
/// (a child with a guardian, who consented for her to any shelter in Nigeria), and Amina again, in Italy;
/// <paramref name="JustRegistered"/> when this run registered them (else they were there already).
/// </summary>
internal sealed record DemoCases(DemoCase Amina, DemoCase Chinedu, DemoCase Blessing, DemoCase AminaInItaly, bool JustRegistered)
{
    /// <summary>The agency Amina consented to be referred to (see IdentificationDemo).</summary>
    public const string AminasShelterAgency = "Women's shelter Lagos";
}

/// <summary>The identification service's demo cases, registered once.</summary>
internal static class IdentificationDemo
{
    // Demo users of the development identity provider (services/Identity, appsettings.Development.json).
    private const string Screener = "screener.ng";
    private const string Authority = "supervisor.ng";
    private const string ScreenerItaly = "screener.it";
    private const string CaseWorker = "caseworker.ng";
    private const string WitnessProtection = "witnessprotectionauthority.ng";

    // How the screeners see the demo people; Chinedu's identity is protected behind his pseudonym.
    private const string AminaName = "Amina Bello", ChineduName = "Witness C-3", BlessingName = "Blessing", AminaInItalyName = "Amina Belo";

    /// <summary>Registers the demo cases unless they are there, and returns them either way.</summary>
    public static async Task<DemoCases> SeedAsync(Uri identification, IdentityProvider identityProvider)
    {
        var screener = await ClientAsync(identification, identityProvider, Screener);
        var italy = await ClientAsync(identification, identityProvider, ScreenerItaly);
        var present = await FindAsync(screener, "NG", AminaName) is not null;
        if (present)
        {
            Console.WriteLine("Demo data already present.");
        }
        else
        {
            await RegisterAsync(identification, identityProvider, screener, italy);
        }

        return new DemoCases(
            await FindRequiredAsync(screener, "NG", AminaName),
            await FindRequiredAsync(screener, "NG", ChineduName),
            await FindRequiredAsync(screener, "NG", BlessingName),
            await FindRequiredAsync(italy, "IT", AminaInItalyName),
            JustRegistered: !present);
    }

    private static async Task RegisterAsync(Uri identification, IdentityProvider identityProvider, VictimCases.VictimCasesClient screener, VictimCases.VictimCasesClient italy)
    {
        var authority = await ClientAsync(identification, identityProvider, Authority);
        var amina = await screener.RegisterPresumedVictimAsync(Person("Amina", "Bello", Gender.Female, new(1998, 3, 14), "NG", "Lagos, Ikeja", ExploitationType.Sexual));
        await authority.IdentifyFormallyAsync(Identified(amina, "Recruited with a false job offer; passport withheld; debt bondage confirmed in interview."));

        var chinedu = await screener.RegisterPresumedVictimAsync(Person("Chinedu", "Okeke", Gender.Male, new(1990, 11, 2), "NG", "Kano", ExploitationType.ForcedLabour));
        await authority.IdentifyFormallyAsync(Identified(chinedu, "Forced labour on a construction site; wages withheld for 14 months."));

        var childRequest = Person("Blessing", "", Gender.Female, null, "NG", "Benin City", ExploitationType.DomesticServitude);
        childRequest.Person.EstimatedAgeYears = 15;
        var blessing = await screener.RegisterPresumedVictimAsync(childRequest);
        var caseWorker = await ClientAsync(identification, identityProvider, CaseWorker);
        await caseWorker.AppointGuardianAsync(new AppointGuardianRequest
        {
            CaseId = blessing.CaseId,
            Guardian = new Guardian { FullName = "Ngozi Adeyemi", Organisation = "Edo State Social Welfare", Contact = "+234 800 000 0000" },
        });

        // Consent per purpose and recipient: Amina's own, Blessing's through her guardian; then a shelter referral on it.
        var shelter = new ConsentRecipient { Country = "NG", Agency = DemoCases.AminasShelterAgency };
        await caseWorker.RecordConsentAsync(new RecordConsentRequest { CaseId = amina.CaseId, Purpose = ConsentPurpose.ShelterReferral, Recipient = shelter, GivenBy = ConsentGiver.Person });
        await caseWorker.ShareCaseAsync(new ShareCaseRequest { CaseId = amina.CaseId, Purpose = ConsentPurpose.ShelterReferral, Recipient = shelter, Reason = "Needs a safe place tonight" });
        await caseWorker.RecordConsentAsync(new RecordConsentRequest
        {
            CaseId = blessing.CaseId,
            Purpose = ConsentPurpose.ShelterReferral,
            Recipient = new ConsentRecipient { Country = "NG" },
            GivenBy = ConsentGiver.Guardian,
        });

        // Chinedu testifies: his identity is protected, so everyone without the need to know sees the pseudonym.
        var witnessProtection = await ClientAsync(identification, identityProvider, WitnessProtection);
        await witnessProtection.ProtectIdentityAsync(new ProtectIdentityRequest
        {
            CaseId = chinedu.CaseId,
            Pseudonym = ChineduName,
            Reason = "Key witness against the recruitment network",
        });

        var migrant = await screener.RegisterPresumedVictimAsync(Person("Musa", "Ibrahim", Gender.Male, new(1995, 6, 30), "NG", "Seme border post", ExploitationType.Other));
        await authority.IdentifyFormallyAsync(new IdentifyFormallyRequest
        {
            CaseId = migrant.CaseId,
            Outcome = IdentificationOutcome.SmuggledMigrantNotTrafficked,
            DecidingOrganisation = new Organisation { Name = "NAPTIP", Kind = OrganisationKind.GovernmentAgency },
            Reason = "Paid a smuggler; no exploitation or control found. Referred to migrant protection.",
        });
        await caseWorker.RequestErasureAsync(new RequestErasureRequest { CaseId = migrant.CaseId, Reason = "The person asked for his data to be erased (NDPA 2023, s.34)" });

        // The same woman registered again in the destination country: surfaced as a possible duplicate.
        var again = await italy.RegisterPresumedVictimAsync(Person("Amina", "Belo", Gender.Female, new(1998, 3, 14), "IT", "Torino, Barriera di Milano", ExploitationType.Sexual));

        Console.WriteLine($"Demo cases: {amina.Reference} (identified, consented to and shared with a shelter), {chinedu.Reference} (identified, protected witness), " +
            $"{blessing.Reference} (child, guardian appointed and consenting), {migrant.Reference} (smuggled migrant, closed, erasure awaiting the DPO), {again.Reference} (Italy; possible duplicate of {amina.Reference}: {again.PossibleDuplicates.Count > 0}).");
    }

    private static async Task<VictimCases.VictimCasesClient> ClientAsync(Uri address, IdentityProvider identityProvider, string username) =>
        new(await DemoChannels.ForAsync(address, identityProvider, username));

    /// <summary>The case of <paramref name="country"/> shown as <paramref name="displayName"/>, looked up page by page.</summary>
    private static async Task<DemoCase?> FindAsync(VictimCases.VictimCasesClient client, string country, string displayName)
    {
        for (var page = 1; ; page++)
        {
            var found = await client.SearchCasesAsync(new SearchCasesRequest
            {
                Country = country,
                Page = new TipReferral.Contracts.Common.V1.PageRequest { Page = page, PageSize = 100 },
            });
            if (found.Cases.FirstOrDefault(c => c.DisplayName == displayName) is { } match)
            {
                return new DemoCase(match.CaseId, match.Reference);
            }

            if (found.Cases.Count == 0 || page * found.Page.PageSize >= found.Page.TotalItems)
            {
                return null;
            }
        }
    }

    private static async Task<DemoCase> FindRequiredAsync(VictimCases.VictimCasesClient client, string country, string displayName) =>
        await FindAsync(client, country, displayName)
        ?? throw new DemoDataException($"The identification service has no demo case shown as {displayName} in {country}; its demo data is incomplete.");

    private static RegisterPresumedVictimRequest Person(
        string given, string family, Gender gender, DateOnly? born, string country, string place, ExploitationType exploitation)
    {
        var request = new RegisterPresumedVictimRequest
        {
            Person = new PersonDetails { GivenName = given, FamilyName = family, Gender = gender, Citizenships = { "NG" }, Languages = { "en" } },
            IdentifiedAt = new IdentificationPlace { Place = place, Country = country, IdentifyingAgency = country == "NG" ? "NAPTIP" : "Associazione On the Road" },
            FormsOfExploitation = { exploitation },
            IndicatorsObserved = { ControlIndicator.WithholdsDocuments, ControlIndicator.FalsePromises },
        };
        if (born is { } date)
        {
            request.Person.DateOfBirth = new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day };
        }

        return request;
    }

    private static IdentifyFormallyRequest Identified(RegisterPresumedVictimResponse registered, string reason) => new()
    {
        CaseId = registered.CaseId,
        ExpectedVersion = registered.Version,
        Outcome = IdentificationOutcome.IdentifiedAsVictim,
        DecidingOrganisation = new Organisation { Name = "NAPTIP", Kind = OrganisationKind.GovernmentAgency },
        Reason = reason,
    };
}
