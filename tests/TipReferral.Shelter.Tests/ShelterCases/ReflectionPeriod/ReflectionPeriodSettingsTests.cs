using Microsoft.Extensions.Configuration;
using TipReferral.Shelter.ShelterCases;

namespace TipReferral.Shelter.Tests.ShelterCases.ReflectionPeriod;

/// <summary>The per-country reflection policies, read from configuration; fewer than 30 days anywhere stops the service starting.</summary>
public sealed class ReflectionPeriodSettingsTests
{
    private static ReflectionPeriodSettings Read(string section, params (string Key, string Value)[] values) =>
        ReflectionPeriodSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create($"{section}:{v.Key}", (string?)v.Value)))
            .Build());

    private static ReflectionPeriodSettings Read(params (string Key, string Value)[] values) => Read(ReflectionPeriodSettings.Section, values);

    [Fact]
    public void Without_settings_every_country_gets_30_days_from_identification()
    {
        Read().For("NG").ShouldBe(new ReflectionPolicy(30, ReflectionPeriodStart.Identification));
    }

    [Fact]
    public void A_country_of_its_own_gets_its_own_days_and_start_and_the_others_the_default()
    {
        var settings = Read(
            ("Days", "40"),
            ("StartsAt", "Identification"),
            ("Countries:IT:Days", "90"),
            ("Countries:IT:StartsAt", "Admission"));

        settings.For("IT").ShouldBe(new ReflectionPolicy(90, ReflectionPeriodStart.Admission));
        settings.For("NG").ShouldBe(new ReflectionPolicy(40, ReflectionPeriodStart.Identification));
    }

    [Fact]
    public void A_country_that_sets_only_its_days_starts_when_the_default_starts_and_one_that_sets_only_its_start_lasts_the_default()
    {
        var settings = Read(
            ("Days", "60"),
            ("StartsAt", "Admission"),
            ("Countries:NL:Days", "180"),
            ("Countries:GH:StartsAt", "Identification"));

        settings.For("NL").ShouldBe(new ReflectionPolicy(180, ReflectionPeriodStart.Admission));
        settings.For("GH").ShouldBe(new ReflectionPolicy(60, ReflectionPeriodStart.Identification));
    }

    [Fact]
    public void A_default_of_fewer_than_30_days_is_refused_naming_it()
    {
        var refusal = Should.Throw<InvalidOperationException>(() => Read(("Days", "29")));

        refusal.Message.ShouldContain("default: 29");
    }

    [Fact]
    public void A_country_of_fewer_than_30_days_is_refused_naming_the_country_even_when_the_default_is_long_enough()
    {
        var refusal = Should.Throw<InvalidOperationException>(() => Read(("Days", "90"), ("Countries:IT:Days", "90"), ("Countries:GH:Days", "14")));

        refusal.Message.ShouldContain("GH: 14");
        refusal.Message.ShouldNotContain("IT");
    }

    [Fact]
    public void Thirty_days_everywhere_is_accepted()
    {
        Read(("Days", "30"), ("Countries:GH:Days", "30")).For("GH").Days.ShouldBe(30);
    }

    /// <summary>The section the service's appsettings files use (a rename once changed the code's and nothing else failed).</summary>
    [Fact]
    public void The_settings_are_read_from_the_section_the_services_appsettings_use()
    {
        var settings = Read("Shelter:ReflectionPeriod", ("Countries:IT:Days", "90"), ("Countries:IT:StartsAt", "Admission"));

        settings.For("IT").ShouldBe(new ReflectionPolicy(90, ReflectionPeriodStart.Admission));
    }
}
