using TipReferral.Shelter.ShelterCases;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;

namespace TipReferral.Shelter.Tests.ShelterCases.ErasingPersonalData;

public sealed class ErasureDeciderTests
{
    private static readonly DateTimeOffset ErasedAt = DaysLater(30);
    private static readonly DateTimeOffset After = DaysLater(31);
    private static readonly DateOnly Today = DateOnly.FromDateTime(After.UtcDateTime);

    private static NotePersonalDataErased Erase => new(CaseId, ErasedAt);

    [Fact]
    public void The_identification_services_erasure_is_noted()
    {
        Given(AdultAwaiting).When(Erase).ShouldBe([new PersonalDataErased(CaseId, ErasedAt)]);
    }

    [Fact]
    public void An_erasure_taken_in_twice_is_noted_once()
    {
        Given(AdultAwaiting, new PersonalDataErased(CaseId, ErasedAt)).When(Erase).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(nameof(RecordNeedsAssessment))]
    [InlineData(nameof(RecordSafetyPlan))]
    [InlineData(nameof(RecordServiceDelivered))]
    [InlineData(nameof(ReferToShelter))]
    public void Recording_anything_about_the_person_after_the_erasure_breaks_personal_data_erased(string command)
    {
        var shelter = WomensShelter();
        ShelterCaseCommand issued = command switch
        {
            nameof(RecordNeedsAssessment) => new RecordNeedsAssessment(CaseId, Today, [NeedArea.Medical], "Untreated injury", ShelterStaff, After),
            nameof(RecordSafetyPlan) => new RecordSafetyPlan(CaseId, Today, Today.AddDays(30), "Escort to court", ShelterStaff, After),
            nameof(RecordServiceDelivered) => new RecordServiceDelivered(CaseId, ServiceKind.Medical, Today, "General Hospital", "Check-up", ShelterStaff, After),
            nameof(ReferToShelter) => ReferTo(shelter),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };

        // Each command would be accepted were the data not erased.
        Given(AdultAwaiting).When(issued, shelter).ShouldNotBeEmpty();
        Given(AdultAwaiting, new PersonalDataErased(CaseId, ErasedAt)).RuleBrokenBy(issued, shelter).ShouldBe("personal-data-erased");
    }

    [Fact]
    public void A_person_in_a_shelter_can_still_be_discharged_after_the_erasure()
    {
        var shelter = WomensShelter().Housing(CaseId);

        Given(AdultAwaiting, Admitted(shelter), new PersonalDataErased(CaseId, ErasedAt))
            .When(Discharge(), shelter)
            .OfType<VictimDischargedFromShelter>()
            .ShouldHaveSingleItem();
    }

    [Fact]
    public void The_erasure_marks_the_case_erased()
    {
        Given(AdultAwaiting, new PersonalDataErased(CaseId, ErasedAt)).ShouldNotBeNull().PersonalDataErased.ShouldBeTrue();
    }
}
