using TipReferral.ServiceDefaults.Observability;

namespace TipReferral.Portal;

// A named Program (not top-level statements): test projects that host the portal next to the
// services would otherwise see two global Program classes.
public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddTipReferralTelemetry(PortalModule.ServiceName);
        builder.AddPortal();

        var app = builder.Build();
        app.MapPortal();
        app.Run();
    }
}
