using Grpc.Core;
using Grpc.Core.Interceptors;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using TipReferral.Identification;
using TipReferral.Testing;

namespace TipReferral.Identification.Tests;

/// <summary>The identification service on a real server, shared by a test class.</summary>
public sealed class IdentificationService() : ServiceFactory<Program>(IdentificationModule.ServiceName)
{
    /// <summary>The demo screener of NAPTIP Lagos.</summary>
    public static DemoUser ScreenerInNigeria => DemoUsers.For(Roles.Screener, "NG");

    /// <summary>The demo supervisor of NAPTIP Abuja, who decides formal identification.</summary>
    public static DemoUser AuthorityInNigeria => DemoUsers.For(Roles.Supervisor, "NG");

    /// <summary>The purpose a test states for its reads of personal data, unless it names another.</summary>
    public const string DefaultPurpose = "Case management (test)";

    /// <summary>A client acting as <paramref name="user"/>, stating <paramref name="purpose"/> (null: none) on every call.</summary>
    public VictimCases.VictimCasesClient ClientFor(DemoUser user, string? purpose = DefaultPurpose) => new(InvokerFor(user, purpose));

    public TipReferral.Contracts.Audit.V1.ReadAudit.ReadAuditClient AuditClientFor(DemoUser user) => new(InvokerFor(user, DefaultPurpose));

    public WholeCaseHistories.WholeCaseHistoriesClient WholeHistoryClientFor(DemoUser user) => new(InvokerFor(user, DefaultPurpose));


    /// <summary><paramref name="name"/> followed by random lower-case letters: people of a shared service's tests do not match each other.</summary>
    public static string Unique(string name) =>
        name + string.Concat(Guid.NewGuid().ToString("N").Take(10).Select(hex => (char)('a' + Convert.ToInt32(hex.ToString(), 16))));

    public static RegisterPresumedVictimRequest ARegistration(string givenName = "Amina", string familyName = "Bello", string country = "NG") => new()
    {
        Person = new PersonDetails
        {
            GivenName = givenName,
            FamilyName = familyName,
            Gender = Gender.Female,
            DateOfBirth = new Google.Type.Date { Year = 1999, Month = 4, Day = 12 },
            Citizenships = { "NG" },
            Languages = { "en", "yo" },
        },
        IdentifiedAt = new IdentificationPlace { Place = "Lagos, Ikeja", Country = country, IdentifyingAgency = "NAPTIP Lagos" },
        FormsOfExploitation = { ExploitationType.Sexual },
        IndicatorsObserved = { ControlIndicator.DebtBondage, ControlIndicator.WithholdsDocuments },
    };

    /// <summary>NAPTIP identifies the registered person as a victim, based on the registration's version.</summary>
    public static IdentifyFormallyRequest AnIdentification(RegisterPresumedVictimResponse registered, string reason = "Confirmed") => new()
    {
        CaseId = registered.CaseId,
        ExpectedVersion = registered.Version,
        Outcome = IdentificationOutcome.IdentifiedAsVictim,
        DecidingOrganisation = new Organisation { Name = "NAPTIP", Kind = OrganisationKind.GovernmentAgency },
        Reason = reason,
    };
}

public static class RpcAssert
{
    public static async Task<RpcException> Refused(StatusCode code, Func<Task> call)
    {
        var exception = await Should.ThrowAsync<RpcException>(call);
        exception.StatusCode.ShouldBe(code, exception.Status.Detail);
        return exception;
    }
}
