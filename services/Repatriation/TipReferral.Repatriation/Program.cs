using TipReferral.ServiceDefaults;

namespace TipReferral.Repatriation;

// A named Program (not top-level statements): test projects that run this service next to
// other services would otherwise see two global Program classes.
public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(RepatriationModule.ServiceName);
        builder.AddRepatriation();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapRepatriation();
        app.Run();
    }
}
