namespace TipReferral.Identity;

// Not top-level statements: those make a public global "Program" that would clash with the
// services' Program in test projects referencing both.
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddIdentityProvider();

        var app = builder.Build();
        app.MapIdentityProvider();
        app.Run();
    }
}
