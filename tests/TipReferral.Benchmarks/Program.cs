using TipReferral.Benchmarks;

// Latency through the real gRPC APIs, real Kestrel, PostgreSQL and RabbitMQ (start them with
// deploy/infra/start.sh; TIPREFERRAL_POSTGRES / TIPREFERRAL_RABBITMQ override).
// `dotnet run -c Release --project tests/TipReferral.Benchmarks [registration|admission|referral]` (default: both).

// Outside a test host WebApplicationFactory does not find the service's content root by itself.
var repository = new DirectoryInfo(AppContext.BaseDirectory);
while (!File.Exists(Path.Combine(repository.FullName, "TipReferral.sln")))
{
    repository = repository.Parent ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
}

Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TIPREFERRAL_IDENTIFICATION",
    Path.Combine(repository.FullName, "services", "Identification", "TipReferral.Identification"));
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TIPREFERRAL_SHELTER",
    Path.Combine(repository.FullName, "services", "Shelter", "TipReferral.Shelter"));
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TIPREFERRAL_REPATRIATION",
    Path.Combine(repository.FullName, "services", "Repatriation", "TipReferral.Repatriation"));

var which = args.FirstOrDefault() ?? "all";
if (which is "all" or "registration")
{
    await RegistrationBenchmark.RunAsync();
}

if (which is "all" or "admission")
{
    await AdmissionBenchmark.RunAsync();
}

if (which is "all" or "referral")
{
    await ReferralWorkflowBenchmark.RunAsync();
}
