using System.Globalization;
using TipReferral.Domain;
using TipReferral.Portal.Localization;
using TipReferral.Portal.Tests.Hosting;
using TipReferral.Testing;

namespace TipReferral.Portal.Tests.Localization;

[Collection(PortalSystemCollection.Name)]
public sealed class LanguageTests(PortalSystem system)
{
    [Fact]
    public async Task Arabic_chosen_once_renders_every_next_page_right_to_left_in_Arabic()
    {
        using var staff = system.As(DemoUsers.For(Roles.ShelterStaff, "IT"));
        var home = await staff.GetAsync("/");

        await staff.SubmitAsync(home, "form[action='/Language']", ("code", "ar"));
        var next = await staff.GetAsync("/Cases");

        var html = next.Document.DocumentElement;
        html.GetAttribute("dir").ShouldBe("rtl");
        html.GetAttribute("lang").ShouldBe("ar");
        next.Document.QuerySelector("form[action='/signout'] button")!.TextContent.Trim().ShouldBe(PortalResources.Entries("Localization/PortalText", "ar")["nav.sign-out"]);
        next.Document.QuerySelector("link[href*='bootstrap.rtl.min.css']").ShouldNotBeNull();
    }

    [Fact]
    public async Task French_is_left_to_right_and_a_language_the_portal_lacks_falls_back_to_English()
    {
        using var staff = system.As(DemoUsers.For(Roles.ShelterStaff, "IT"));
        var home = await staff.GetAsync("/");

        var french = await staff.SubmitAsync(home, "form[action='/Language']", ("code", "fr"));
        french.Document.DocumentElement.GetAttribute("dir").ShouldBe("ltr");
        french.Document.QuerySelector("form[action='/signout'] button")!.TextContent.Trim().ShouldBe("Se déconnecter");

        var unknown = await staff.SubmitAsync(french, "form[action='/Language']", ("code", "xx"));
        unknown.Document.DocumentElement.GetAttribute("lang").ShouldBe("fr");
    }

    [Theory]
    [InlineData("en", "14/03/2026")]
    [InlineData("fr", "14/03/2026")]
    [InlineData("pt", "14/03/2026")]
    public void Dates_are_written_as_the_language_writes_them(string code, string expected)
    {
        using var _ = new CultureScope(Languages.Find(code)!);
        Formats.Date(new DateOnly(2026, 3, 14)).ShouldBe(expected);
    }

    [Fact]
    public void Arabic_dates_keep_the_Gregorian_calendar_of_the_records()
    {
        var arabic = Languages.Find("ar")!;
        using var _ = new CultureScope(arabic);

        CultureInfo.CurrentCulture.Calendar.ShouldBeAssignableTo<GregorianCalendar>();
        Formats.Date(new DateOnly(2026, 3, 14)).ShouldContain("2026");
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(Language language)
        {
            CultureInfo.CurrentCulture = new CultureInfo(language.Culture);
            CultureInfo.CurrentUICulture = new CultureInfo(language.Code);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
