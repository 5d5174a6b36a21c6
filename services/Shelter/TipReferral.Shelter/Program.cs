using TipReferral.ServiceDefaults;

namespace TipReferral.Shelter;

// A named Program (not top-level statements): test projects that run this service next to the
// identification service would otherwise see two global Program classes.
public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(ShelterModule.ServiceName);
        builder.AddShelter();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapShelter();
        app.Run();
    }
}
