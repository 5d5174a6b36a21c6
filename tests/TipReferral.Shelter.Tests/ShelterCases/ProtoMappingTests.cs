using TipReferral.Testing;
using System.Reflection;
using System.Runtime.ExceptionServices;
using TipReferral.ServiceDefaults.Grpc;
using TipReferral.Shelter.ShelterCases;
using TipReferral.Shelter.Shelters;
using static TipReferral.Shelter.Tests.ShelterCases.ShelterCaseFixtures;
using static TipReferral.Shelter.Tests.Shelters.ShelterFixtures;
using Proto = TipReferral.Contracts.Shelter.V1;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace TipReferral.Shelter.Tests.ShelterCases;

/// <summary>
/// Enums cross the wire by name (RESIDENT_GROUP_WOMEN is ResidentGroup.Women on both sides):
/// renaming or adding a value on one side only must fail here, not in production.
/// </summary>
public sealed class ProtoMappingTests
{
    /// <summary>Set in configuration, never sent: it has no proto enum.</summary>
    private static readonly Type[] ConfigurationOnly = [typeof(ReflectionPeriodStart)];

    public static TheoryData<Type, Type> EnumPairs => new()
    {
        { typeof(ResidentGroup), typeof(Proto.ResidentGroup) },
        { typeof(DischargeReason), typeof(Proto.DischargeReason) },
        { typeof(NeedArea), typeof(Proto.NeedArea) },
        { typeof(ServiceKind), typeof(Proto.ServiceKind) },
        { typeof(PlacementStatus), typeof(Proto.PlacementStatus) },
        { typeof(ReflectionPeriodState), typeof(Proto.ReflectionPeriodState) },
    };

    [Fact]
    public void Every_domain_enum_of_the_service_is_checked_against_its_proto_enum()
    {
        var domainEnums = typeof(ShelterCaseDecider).Assembly.GetTypes()
            .Where(type => type.IsEnum && type.IsPublic && !ConfigurationOnly.Contains(type));

        domainEnums.ShouldBe(EnumPairs.Select(pair => (Type)pair[0]), ignoreOrder: true);
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
    public void A_placement_goes_on_the_wire_with_its_shelter_group_dates_reason_and_exception()
    {
        var placement = new Placement(ChildrensShelterId, "Little Stars", ResidentGroup.Children, AdmittedAt, DaysLater(20), DischargeReason.LeftOfOwnWill, EmergencyException: true, NeedsWheelchairAccess: false);

        var proto = placement.ToProto();

        proto.ShelterId.ShouldBe(ChildrensShelterId.ToString());
        proto.ShelterName.ShouldBe("Little Stars");
        proto.Group.ShouldBe(Proto.ResidentGroup.Children);
        proto.AdmittedAt.ShouldBe(Timestamp.FromDateTimeOffset(AdmittedAt));
        proto.LeftAt.ShouldBe(Timestamp.FromDateTimeOffset(DaysLater(20)));
        proto.LeftBecause.ShouldBe(Proto.DischargeReason.LeftOfOwnWill);
        proto.EmergencyException.ShouldBeTrue();
    }

    [Fact]
    public void A_current_placement_goes_on_the_wire_without_leaving_date_or_reason()
    {
        var proto = new Placement(WomensShelterId, "Hope House", ResidentGroup.Women, AdmittedAt, null, null, EmergencyException: false, NeedsWheelchairAccess: false).ToProto();

        proto.LeftAt.ShouldBeNull();
        proto.LeftBecause.ShouldBe(Proto.DischargeReason.Unspecified);
    }

    [Fact]
    public void A_reflection_period_goes_on_the_wire_with_its_state_and_only_the_dates_it_has()
    {
        var running = Given(AdultAwaiting, Identified, ReflectionStartedOnIdentification).ShouldNotBeNull().ReflectionPeriod.ToProto();
        var notStarted = Given(AdultAwaiting).ShouldNotBeNull().ReflectionPeriod.ToProto();

        running.State.ShouldBe(Proto.ReflectionPeriodState.Running);
        running.StartedAt.ShouldBe(Timestamp.FromDateTimeOffset(IdentifiedAt));
        running.EndsAt.ShouldBe(Timestamp.FromDateTimeOffset(IdentifiedAt.AddDays(30)));
        running.EndedAt.ShouldBeNull();
        notStarted.State.ShouldBe(Proto.ReflectionPeriodState.NotStarted);
        (notStarted.StartedAt, notStarted.EndsAt, notStarted.EndedAt).ShouldBe((null, null, null));
    }

    /// <summary>Calls ProtoValues.ToProto&lt;T&gt; or ToDomain&lt;T&gt; for an enum type known only at run time.</summary>

}
