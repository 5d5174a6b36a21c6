using TipReferral.Identification;
using TipReferral.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(IdentificationModule.ServiceName);
builder.AddIdentification();

var app = builder.Build();
app.MapServiceDefaults();
app.MapIdentification();
app.Run();

public partial class Program;
