using TipReferral.Shelter.Shelters;

namespace TipReferral.Shelter.Tests.Shelters;

/// <summary>
/// Shelters for the deciders' tests, built as the event store builds them: a registration and
/// then bed, capacity and closure events folded through <see cref="ShelterEvolution.Evolve"/>.
/// The lists of groups are shared fields, so events built from them compare equal.
/// </summary>
internal static class ShelterFixtures
{
    public const string Nigeria = "NG";
    public const string Ghana = "GH";
    public const string Naptip = "NAPTIP Lagos";
    public const string WomenAffairs = "Lagos State Ministry of Women Affairs";
    public const string Reason = "Annual review of the premises";

    public static readonly DateTimeOffset ShelterRegisteredAt = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static readonly Guid WomensShelterId = Guid.Parse("019571a2-3c4d-7e5f-8a6b-000000000101");
    public static readonly Guid MixedShelterId = Guid.Parse("019571a2-3c4d-7e5f-8a6b-000000000102");
    public static readonly Guid ChildrensShelterId = Guid.Parse("019571a2-3c4d-7e5f-8a6b-000000000103");
    public static readonly Guid GhanaShelterId = Guid.Parse("019571a2-3c4d-7e5f-8a6b-000000000104");
    public static readonly Guid ChildrensAnnexId = Guid.Parse("019571a2-3c4d-7e5f-8a6b-000000000105");

    public static readonly IReadOnlyList<ResidentGroup> WomenOnly = [ResidentGroup.Women];
    public static readonly IReadOnlyList<ResidentGroup> WomenAndMen = [ResidentGroup.Women, ResidentGroup.Men];
    public static readonly IReadOnlyList<ResidentGroup> ChildrenAndFamilies = [ResidentGroup.Children, ResidentGroup.Families];
    public static readonly IReadOnlyList<ResidentGroup> Everyone = [ResidentGroup.Women, ResidentGroup.Men, ResidentGroup.Children, ResidentGroup.Families];

    /// <summary>Women only, NAPTIP's, not wheelchair accessible.</summary>
    public static ShelterRegistered WomensShelterRegistered(int beds = 3) =>
        new(WomensShelterId, "Hope House", Nigeria, Naptip, "Ikeja", beds, WomenOnly, WheelchairAccessible: false, ShelterRegisteredAt);

    public static RegisteredShelter WomensShelter(int beds = 3) => GivenShelter(WomensShelterRegistered(beds));

    /// <summary>Women and men, another agency's, wheelchair accessible.</summary>
    public static RegisteredShelter MixedShelter(int beds = 3) =>
        GivenShelter(new ShelterRegistered(MixedShelterId, "Safe Harbour", Nigeria, WomenAffairs, "Yaba", beds, WomenAndMen, WheelchairAccessible: true, ShelterRegisteredAt));

    /// <summary>Children and families, NAPTIP's, wheelchair accessible.</summary>
    public static RegisteredShelter ChildrensShelter(int beds = 3) =>
        GivenShelter(new ShelterRegistered(
            ChildrensShelterId, "Little Stars", Nigeria, Naptip, "Surulere", beds, ChildrenAndFamilies, WheelchairAccessible: true, ShelterRegisteredAt));

    /// <summary>Children and families too, a second house for a child's transfer.</summary>
    public static RegisteredShelter ChildrensAnnex(int beds = 3) =>
        GivenShelter(new ShelterRegistered(
            ChildrensAnnexId, "Little Stars Annex", Nigeria, Naptip, "Ikoyi", beds, ChildrenAndFamilies, WheelchairAccessible: false, ShelterRegisteredAt));

    /// <summary>Takes everyone, but it is across the border.</summary>
    public static RegisteredShelter ShelterInGhana(int beds = 3) =>
        GivenShelter(new ShelterRegistered(GhanaShelterId, "Accra Refuge", Ghana, "Ghana Police Service AHTU", "Accra", beds, Everyone, WheelchairAccessible: true, ShelterRegisteredAt));

    /// <summary>The shelter the events leave behind; the first must register it.</summary>
    public static RegisteredShelter GivenShelter(params object[] events) =>
        events.Aggregate((RegisteredShelter?)null, ShelterEvolution.Evolve) ?? throw new ArgumentException("The events register no shelter.", nameof(events));

    /// <summary>The shelter after more of its own events.</summary>
    public static RegisteredShelter Then(this RegisteredShelter shelter, params object[] events) =>
        events.Aggregate((RegisteredShelter?)shelter, ShelterEvolution.Evolve)!;

    /// <summary>The shelter with this case in one of its beds.</summary>
    public static RegisteredShelter Housing(this RegisteredShelter shelter, Guid caseId) =>
        shelter.Then(new ShelterBedTaken(shelter.Id, caseId, ShelterRegisteredAt.AddDays(1)));

    /// <summary>The shelter with this many other people in its beds.</summary>
    public static RegisteredShelter HousingOthers(this RegisteredShelter shelter, int people) =>
        shelter.Then([.. Enumerable.Range(1, people).Select(i => new ShelterBedTaken(shelter.Id, SomeoneElse(i), ShelterRegisteredAt.AddDays(1)))]);

    /// <summary>The shelter full to its last bed with other people.</summary>
    public static RegisteredShelter Full(this RegisteredShelter shelter) => shelter.HousingOthers(shelter.Capacity - shelter.Occupied);

    public static RegisteredShelter Closed(this RegisteredShelter shelter) =>
        shelter.Then(new ShelterClosed(shelter.Id, "Water damage", ShelterRegisteredAt.AddDays(2)));

    /// <summary>The case of the n-th other resident; never the case under test.</summary>
    public static Guid SomeoneElse(int n) => Guid.Parse($"019571a2-3c4d-7e5f-8a6b-{n + 1000:D12}");
}
