using TipReferral.Testing;
using TipReferral.ServiceDefaults.Grpc;
using System.Reflection;
using System.Runtime.ExceptionServices;
using TipReferral.Identification.Cases;
using static TipReferral.Identification.Tests.Cases.VictimCaseFixtures;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Tests.Cases;

/// <summary>
/// Enums cross the wire by name (GENDER_FEMALE is Gender.Female on both sides): renaming or
/// adding a value on one side only must fail here, not in production.
/// </summary>
public sealed class ProtoMappingTests
{
    private const string DomainNamespace = "TipReferral.Identification.Cases";

    public static TheoryData<Type, Type> EnumPairs => new()
    {
        { typeof(Gender), typeof(Proto.Gender) },
        { typeof(ExploitationType), typeof(Proto.ExploitationType) },
        { typeof(ControlIndicator), typeof(Proto.ControlIndicator) },
        { typeof(TraffickingStatus), typeof(Proto.TraffickingStatus) },
        { typeof(IdentificationOutcome), typeof(Proto.IdentificationOutcome) },
        { typeof(OrganisationKind), typeof(Proto.OrganisationKind) },
        { typeof(CaseClosureReason), typeof(Proto.CaseClosureReason) },
        { typeof(DuplicateResolution), typeof(Proto.DuplicateResolution) },
        { typeof(PossibleDuplicateState), typeof(Proto.PossibleDuplicateState) },
        { typeof(TipReferral.Domain.ConsentPurpose), typeof(Proto.ConsentPurpose) },
        { typeof(TipReferral.Domain.ConsentGiver), typeof(Proto.ConsentGiver) },
    };

    [Fact]
    public void Every_domain_enum_is_checked_against_its_proto_enum()
    {
        var domainEnums = typeof(VictimCaseDecider).Assembly.GetTypes()
            .Where(type => type.IsEnum && type.IsPublic && type.Namespace == DomainNamespace)
            .Select(type => type.Name);

        domainEnums.ShouldBe(EnumPairs.Select(pair => ((Type)pair[0]).Name).Where(name => !name.StartsWith("Consent", StringComparison.Ordinal)), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(EnumPairs))]
    public void Every_domain_value_maps_to_the_proto_value_of_the_same_name_and_back(Type domain, Type proto) =>
        EnumMappings.EveryDomainValueMapsToTheProtoValueOfTheSameNameAndBack(domain, proto);

    [Theory]
    [MemberData(nameof(EnumPairs))]
    public void Every_proto_value_but_unspecified_maps_to_a_domain_value_and_back(Type domain, Type proto) =>
        EnumMappings.EveryProtoValueButUnspecifiedMapsToADomainValueAndBack(domain, proto);

    [Theory]
    [MemberData(nameof(EnumPairs))]
    public void Unspecified_has_no_domain_value(Type domain, Type proto) =>
        EnumMappings.UnspecifiedHasNoDomainValue(domain, proto);

    [Fact]
    public void Person_details_survive_a_round_trip_through_the_wire()
    {
        var person = AnAdult with { Aliases = ["Mina", "Ami"], Citizenships = ["NG", "XX"] };

        var back = person.ToProto().ToDomain();

        back.SameAs(person).ShouldBeTrue();
        back.ShouldBe(person with { Aliases = back.Aliases, Citizenships = back.Citizenships, Languages = back.Languages });
    }

    [Fact]
    public void Person_details_with_an_estimated_age_and_no_names_survive_a_round_trip()
    {
        var person = new PersonDetails(null, null, ["Mama Bisi"], Gender.Unknown, null, 0, [], []);

        var back = person.ToProto().ToDomain();

        back.SameAs(person).ShouldBeTrue();
        back.GivenName.ShouldBeNull();
        back.DateOfBirth.ShouldBeNull();
        back.EstimatedAgeYears.ShouldBe(0);
    }

    [Fact]
    public void Person_details_go_on_the_wire_field_by_field()
    {
        var proto = AnAdult.ToProto();

        proto.GivenName.ShouldBe("Amina");
        proto.FamilyName.ShouldBe("Okafor");
        proto.Aliases.ShouldBe(["Mina"]);
        proto.Gender.ShouldBe(Proto.Gender.Female);
        (proto.DateOfBirth.Year, proto.DateOfBirth.Month, proto.DateOfBirth.Day).ShouldBe((1999, 4, 12));
        proto.HasEstimatedAgeYears.ShouldBeFalse();
        proto.Citizenships.ShouldBe(["NG"]);
        proto.Languages.ShouldBe(["en", "ha"]);
    }

    [Fact]
    public void Blank_names_and_aliases_from_the_wire_are_trimmed_or_dropped_and_repeated_codes_kept_once()
    {
        var proto = new Proto.PersonDetails
        {
            GivenName = "  Amina ",
            FamilyName = "   ",
            Aliases = { " Mina ", "  ", "" },
            Gender = Proto.Gender.Female,
            Citizenships = { "NG", "NG", "GH" },
            Languages = { "ha", "ha" },
        };

        var person = proto.ToDomain();

        person.GivenName.ShouldBe("Amina");
        person.FamilyName.ShouldBeNull();
        person.Aliases.ShouldBe(["Mina"]);
        person.DateOfBirth.ShouldBeNull();
        person.EstimatedAgeYears.ShouldBeNull();
        person.Citizenships.ShouldBe(["NG", "GH"]);
        person.Languages.ShouldBe(["ha"]);
    }

    [Theory]
    [InlineData(2024, 2, 29, true)]
    [InlineData(2023, 2, 29, false)]
    [InlineData(2026, 2, 30, false)]
    [InlineData(2026, 4, 31, false)]
    [InlineData(2026, 13, 1, false)]
    [InlineData(2026, 1, 0, false)]
    [InlineData(0, 3, 10, false)]
    [InlineData(1999, 0, 0, false)]
    public void Only_a_real_calendar_date_becomes_a_date_of_birth(int year, int month, int day, bool real)
    {
        var date = new Google.Type.Date { Year = year, Month = month, Day = day };

        ProtoValues.TryToDateOnly(date, out var value).ShouldBe(real);
        value.ShouldBe(real ? new DateOnly(year, month, day) : default);
    }

    [Fact]
    public void A_case_goes_on_the_wire_with_its_status_guardian_duplicates_and_closure()
    {
        var state = Given(
                ChildRegistered,
                DuplicateDetected(OtherCaseId, OtherReference),
                new GuardianAppointed(CaseId, OtherSocialWorker, "", DaysLater(1)),
                Decided(IdentificationOutcome.IdentifiedAsVictim),
                Closed(CaseClosureReason.PersonDeclinedAssistance))
            .ShouldNotBeNull();

        var details = state.ToProto(TipReferral.Contracts.Common.V1.PersonalDataState.Present);

        details.CaseId.ShouldBe(CaseId.ToString());
        details.Reference.ShouldBe(Reference);
        details.TraffickingStatus.ShouldBe(Proto.TraffickingStatus.IdentifiedVictim);
        details.IsPresumedChild.ShouldBeTrue();
        details.IsClosed.ShouldBeTrue();
        details.ClosureReason.ShouldBe(Proto.CaseClosureReason.PersonDeclinedAssistance);
        details.Person.DateOfBirth.Year.ShouldBe(2012);
        details.IdentifiedAt.Country.ShouldBe("NG");
        details.FormsOfExploitation.ShouldBe([Proto.ExploitationType.Sexual]);
        details.IndicatorsObserved.ShouldBe([Proto.ControlIndicator.DebtBondage, Proto.ControlIndicator.WithholdsDocuments]);
        details.DecidingOrganisation.Name.ShouldBe(Naptip.Name);
        details.DecidingOrganisation.Kind.ShouldBe(Proto.OrganisationKind.GovernmentAgency);
        details.Guardian.FullName.ShouldBe(OtherSocialWorker.FullName);
        details.Guardian.Contact.ShouldBe("");
        var duplicate = details.PossibleDuplicates.ShouldHaveSingleItem();
        duplicate.OtherCaseId.ShouldBe(OtherCaseId.ToString());
        duplicate.OtherCaseReference.ShouldBe(OtherReference);
        duplicate.Score.ShouldBe(0.85);
        duplicate.MatchedOn.ShouldBe(NameAndBirthDate);
        duplicate.State.ShouldBe(Proto.PossibleDuplicateState.Pending);
        details.RegisteredAt.ToDateTimeOffset().ShouldBe(RegisteredAt);
        details.UpdatedAt.ToDateTimeOffset().ShouldBe(DaysLater(30));
    }

    [Fact]
    public void An_open_undecided_case_goes_on_the_wire_without_organisation_guardian_or_closure()
    {
        var details = Given(AdultRegistered).ShouldNotBeNull().ToProto(TipReferral.Contracts.Common.V1.PersonalDataState.Present);

        details.TraffickingStatus.ShouldBe(Proto.TraffickingStatus.PresumedVictim);
        details.DecidingOrganisation.ShouldBeNull();
        details.Guardian.ShouldBeNull();
        details.ClosureReason.ShouldBe(Proto.CaseClosureReason.Unspecified);
    }

    /// <summary>Calls ProtoValues.ToProto&lt;T&gt; or ToDomain&lt;T&gt; for an enum type known only at run time.</summary>

}
