using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.Testing;
using ShelterCaseRequest = TipReferral.Contracts.Shelter.V1.GetShelterCaseRequest;
using WitnessProtectionClient = TipReferral.Contracts.Legal.V1.WitnessProtection.WitnessProtectionClient;

namespace TipReferral.Legal.Tests.EndToEnd;

/// <summary>
/// Identity protection granted in the legal-assistance service reaches every service over
/// RabbitMQ: through the real gRPC APIs of all three, shelter staff see only the pseudonym, the
/// prosecutors of the legal case see the name, and lifting the protection restores it.
/// </summary>
public sealed class WitnessIdentityMaskingTests(ThreeServices world) : IClassFixture<ThreeServices>
{
    private const string Pseudonym = "Testimone T-17";

    private static readonly DemoUser Staff = DemoUsers.For(Roles.ShelterStaff, "IT");
    private static readonly DemoUser Prosecutor = LegalService.ProsecutorInItaly;
    private static readonly DemoUser OtherOffice = DemoUsers.Named("prosecutor.palermo.it");

    [Fact]
    public async Task Shelter_staff_see_the_pseudonym_never_the_name_the_prosecutor_of_the_legal_case_sees_the_name_and_lifting_restores_it()
    {
        var familyName = "Okoro" + Guid.NewGuid().ToString("N")[..6];
        var registered = await world.IdentificationFor(Staff).RegisterPresumedVictimAsync(new RegisterPresumedVictimRequest
        {
            Person = new PersonDetails
            {
                GivenName = "Joy",
                FamilyName = familyName,
                Gender = Gender.Female,
                DateOfBirth = new Google.Type.Date { Year = 1998, Month = 2, Day = 3 },
                Citizenships = { "NG" },
            },
            IdentifiedAt = new IdentificationPlace { Place = "Torino", Country = "IT", IdentifyingAgency = "Associazione On the Road" },
            FormsOfExploitation = { ExploitationType.Sexual },
        });
        var caseId = registered.CaseId;
        await world.UntilEveryServiceHasAsync(caseId);

        var legalCase = await world.Legal.LegalCasesFor(Prosecutor).OpenLegalCaseAsync(LegalService.OpenLegalCaseRequest(caseId));
        var request = new RequestWitnessProtectionRequest
        {
            CaseId = caseId,
            LegalCaseId = legalCase.LegalCaseId,
            Measures = { ProtectionMeasure.IdentityProtection, ProtectionMeasure.VideoLinkTestimony },
            ProposedPseudonym = Pseudonym,
            Reason = "She testifies against the network that brought her to Torino.",
        };
        var requested = await world.Legal.ClientFor<WitnessProtectionClient>(Prosecutor).RequestWitnessProtectionAsync(request);
        var authority = world.Legal.ClientFor<WitnessProtectionClient>(LegalService.AuthorityInItaly);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await authority.GrantWitnessProtectionAsync(new GrantWitnessProtectionRequest
        {
            CaseId = caseId,
            ProtectionId = requested.ProtectionId,
            Measures = { ProtectionMeasure.IdentityProtection, ProtectionMeasure.VideoLinkTestimony },
            Pseudonym = Pseudonym,
            ReviewOn = new Google.Type.Date { Year = today.AddDays(90).Year, Month = today.AddDays(90).Month, Day = today.AddDays(90).Day },
            Reason = "Credible threats against her and her family.",
        });

        await Eventually.HoldsAsync(async () => (await IdentificationSeesAsync(Staff, caseId)).Person.GivenName == Pseudonym, "The protection masking the identification service");
        await Eventually.HoldsAsync(async () => (await ShelterCaseAsync(caseId)).Pseudonym == Pseudonym, "The protection reaching the shelter service");

        var seenByStaff = await IdentificationSeesAsync(Staff, caseId);
        seenByStaff.PersonalDataState.ShouldBe(PersonalDataState.Masked);
        seenByStaff.ToString().ShouldNotContain(familyName);
        seenByStaff.ToString().ShouldNotContain("Joy");
        var shelterCase = await ShelterCaseAsync(caseId);
        shelterCase.PersonalData.ShouldBe(PersonalDataState.Masked);
        shelterCase.ToString().ShouldNotContain(familyName);

        var seenByProsecutor = await IdentificationSeesAsync(Prosecutor, caseId);
        (seenByProsecutor.Person.GivenName, seenByProsecutor.Person.FamilyName).ShouldBe(("Joy", familyName));
        (await IdentificationSeesAsync(OtherOffice, caseId)).Person.GivenName.ShouldBe(Pseudonym);

        await authority.LiftWitnessProtectionAsync(new LiftWitnessProtectionRequest
        {
            CaseId = caseId,
            ProtectionId = requested.ProtectionId,
            Reason = "The trial is over and the network convicted.",
        });

        await Eventually.HoldsAsync(async () => (await IdentificationSeesAsync(Staff, caseId)).Person.FamilyName == familyName, "Lifting restoring the names");
        await Eventually.HoldsAsync(async () => (await ShelterCaseAsync(caseId)).Pseudonym == "", "Lifting reaching the shelter service");
        (await IdentificationSeesAsync(Staff, caseId)).PersonalDataState.ShouldBe(PersonalDataState.Present);
        (await ShelterCaseAsync(caseId)).PersonalData.ShouldBe(PersonalDataState.Present);
    }

    private async Task<VictimCaseDetails> IdentificationSeesAsync(DemoUser user, string caseId) =>
        await world.IdentificationFor(user).GetCaseAsync(new GetCaseRequest { CaseId = caseId });

    private async Task<Contracts.Shelter.V1.ShelterCaseDetails> ShelterCaseAsync(string caseId) =>
        await world.ShelterFor(Staff).GetShelterCaseAsync(new ShelterCaseRequest { CaseId = caseId });
}
