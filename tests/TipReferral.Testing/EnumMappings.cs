using System.Reflection;
using System.Runtime.ExceptionServices;
using Shouldly;
using TipReferral.ServiceDefaults.Grpc;

namespace TipReferral.Testing;

/// <summary>The checks every service runs on each pair of domain and proto enums it maps by name.</summary>
public static class EnumMappings
{
    public static void EveryDomainValueMapsToTheProtoValueOfTheSameNameAndBack(Type domain, Type proto)
    {
        foreach (var value in Enum.GetValues(domain).Cast<Enum>())
        {
            var onTheWire = Map(nameof(ProtoValues.ToProto), proto, value);

            onTheWire.GetType().ShouldBe(proto);
            onTheWire.ToString().ShouldBe(value.ToString());
            Convert.ToInt32(onTheWire, System.Globalization.CultureInfo.InvariantCulture).ShouldNotBe(0, $"{domain.Name}.{value} maps to UNSPECIFIED");
            Map(nameof(ProtoValues.ToDomain), domain, onTheWire).ShouldBe(value);
        }
    }

    public static void EveryProtoValueButUnspecifiedMapsToADomainValueAndBack(Type domain, Type proto)
    {
        var chosen = Enum.GetValues(proto).Cast<Enum>().Where(value => value.ToString() != "Unspecified").ToList();

        foreach (var value in chosen)
        {
            var inTheDomain = Map(nameof(ProtoValues.ToDomain), domain, value);

            inTheDomain.GetType().ShouldBe(domain);
            Enum.IsDefined(domain, inTheDomain).ShouldBeTrue($"{proto.Name}.{value} has no domain value");
            Map(nameof(ProtoValues.ToProto), proto, inTheDomain).ShouldBe(value);
        }

        chosen.Count.ShouldBe(Enum.GetValues(domain).Length);
    }

    public static void UnspecifiedHasNoDomainValue(Type domain, Type proto)
    {
        var unspecified = (Enum)Enum.ToObject(proto, 0);

        unspecified.ToString().ShouldBe("Unspecified");
        Should.Throw<ArgumentException>(() => Map(nameof(ProtoValues.ToDomain), domain, unspecified));
    }

    private static Enum Map(string method, Type target, Enum value)
    {
        try
        {
            return (Enum)typeof(ProtoValues).GetMethod(method, [typeof(Enum)])!.MakeGenericMethod(target).Invoke(null, [value])!;
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }
}
