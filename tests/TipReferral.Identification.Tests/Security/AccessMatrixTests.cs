using TipReferral.Contracts.Audit.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Domain;
using ConsentGiver = TipReferral.Contracts.Identification.V1.ConsentGiver;
using ConsentPurpose = TipReferral.Contracts.Identification.V1.ConsentPurpose;
using ConsentRecipient = TipReferral.Contracts.Identification.V1.ConsentRecipient;
using TipReferral.Testing;
using static TipReferral.Identification.Tests.IdentificationService;

namespace TipReferral.Identification.Tests.Security;

/// <summary>Two cases, one per country, that every cell of the matrix is tried against.</summary>
public sealed class TwoCountries : IAsyncLifetime
{
    public IdentificationService Service { get; } = new();

    /// <summary>The case of the callers' own country (they all are Nigerian users).</summary>
    public string OwnCase { get; private set; } = "";

    /// <summary>A case of Italy, out of the Nigerian callers' reach.</summary>
    public string OtherCase { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Service.InitializeAsync();
        OwnCase = (await Service.ClientFor(DemoUsers.For(Roles.Screener, "NG")).RegisterPresumedVictimAsync(ARegistration())).CaseId;
        var italianScreener = DemoUsers.For(Roles.Screener, "IT");
        OtherCase = (await Service.ClientFor(italianScreener).RegisterPresumedVictimAsync(ARegistration(country: "IT"))).CaseId;
        // The Italian case has been read in Italy, so the read audit knows which country it belongs to.
        await Service.ClientFor(italianScreener).GetCaseAsync(new GetCaseRequest { CaseId = OtherCase });
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

/// <summary>
/// Every RPC × every role × own/other country, called on a real server with real tokens
/// from the development identity provider, must be allowed or denied exactly as the
/// declared policy (and so the committed matrix) says.
/// </summary>
public sealed class AccessMatrixTests(TwoCountries world) : IClassFixture<TwoCountries>
{
    private const string Caller = "NG";

    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_rpc_allows_or_denies_the_role_as_its_policy_declares(string role)
    {
        var user = DemoUsers.For(role, Caller);
        var cases = world.Service.ClientFor(user);
        var audit = world.Service.AuditClientFor(user);
        var wholeHistory = world.Service.WholeHistoryClientFor(user);
        var mismatches = await AccessMatrix.MismatchesAsync(role, AccessMatrixDocumentTests.Services, Calls(cases, audit, wholeHistory));

        mismatches.ShouldBeEmpty();
    }

    private Dictionary<string, Func<bool, Task>> Calls(
        VictimCases.VictimCasesClient cases, ReadAudit.ReadAuditClient audit, WholeCaseHistories.WholeCaseHistoriesClient wholeHistory)
    {
        string Case(bool own) => own ? world.OwnCase : world.OtherCase;
        string Country(bool own) => own ? Caller : "IT";
        return new()
        {
            ["RegisterPresumedVictim"] = own => cases.RegisterPresumedVictimAsync(ARegistration(country: Country(own))).ResponseAsync,
            ["IdentifyFormally"] = own => cases.IdentifyFormallyAsync(new IdentifyFormallyRequest
            {
                CaseId = Case(own),
                Outcome = IdentificationOutcome.IdentifiedAsVictim,
                Reason = "Matrix",
                DecidingOrganisation = new Organisation { Name = "NAPTIP", Kind = OrganisationKind.GovernmentAgency },
            }).ResponseAsync,
            ["AppointGuardian"] = own => cases.AppointGuardianAsync(new AppointGuardianRequest
            {
                CaseId = Case(own),
                Guardian = new Guardian { FullName = "Ngozi Adeyemi", Organisation = "Social Welfare" },
            }).ResponseAsync,
            ["CorrectPersonalDetails"] = own => cases.CorrectPersonalDetailsAsync(new CorrectPersonalDetailsRequest
            {
                CaseId = Case(own),
                Person = ARegistration().Person,
                Reason = "Matrix",
            }).ResponseAsync,
            ["ResolvePossibleDuplicate"] = own => cases.ResolvePossibleDuplicateAsync(new ResolvePossibleDuplicateRequest
            {
                CaseId = Case(own),
                OtherCaseId = Guid.NewGuid().ToString(),
                Resolution = DuplicateResolution.Dismiss,
                Reason = "Matrix",
            }).ResponseAsync,
            ["CloseCase"] = own => cases.CloseCaseAsync(new CloseCaseRequest
            {
                CaseId = Case(own),
                ClosureReason = CaseClosureReason.Other,
                Reason = "Matrix",
            }).ResponseAsync,
            ["GetCase"] = own => cases.GetCaseAsync(new GetCaseRequest { CaseId = Case(own) }).ResponseAsync,
            ["SearchCases"] = own => cases.SearchCasesAsync(new SearchCasesRequest { Country = Country(own) }).ResponseAsync,
            ["GetCaseHistory"] = own => cases.GetCaseHistoryAsync(new GetCaseHistoryRequest { CaseId = Case(own) }).ResponseAsync,
            ["RecordConsent"] = own => cases.RecordConsentAsync(new RecordConsentRequest
            {
                CaseId = Case(own),
                Purpose = ConsentPurpose.ShelterReferral,
                GivenBy = ConsentGiver.Person,
                Recipient = new ConsentRecipient { Country = Country(own) },
            }).ResponseAsync,
            ["WithdrawConsent"] = own => cases.WithdrawConsentAsync(new WithdrawConsentRequest
            {
                CaseId = Case(own),
                ConsentId = Guid.NewGuid().ToString(),
                Reason = "Matrix",
            }).ResponseAsync,
            ["ShareCase"] = own => cases.ShareCaseAsync(new ShareCaseRequest
            {
                CaseId = Case(own),
                Purpose = ConsentPurpose.ShelterReferral,
                Reason = "Matrix",
                Recipient = new ConsentRecipient { Country = Country(own), Agency = "Women's shelter" },
            }).ResponseAsync,
            ["RequestErasure"] = own => cases.RequestErasureAsync(new RequestErasureRequest { CaseId = Case(own), Reason = "Matrix" }).ResponseAsync,
            ["ApproveErasure"] = own => cases.ApproveErasureAsync(new DecideErasureRequest { CaseId = Case(own), Reason = "Matrix" }).ResponseAsync,
            ["RejectErasure"] = own => cases.RejectErasureAsync(new DecideErasureRequest { CaseId = Case(own), Reason = "Matrix" }).ResponseAsync,
            ["ProtectIdentity"] = own => cases.ProtectIdentityAsync(new ProtectIdentityRequest { CaseId = Case(own), Pseudonym = "Witness M", Reason = "Matrix" }).ResponseAsync,
            ["LiftIdentityProtection"] = own => cases.LiftIdentityProtectionAsync(new LiftIdentityProtectionRequest { CaseId = Case(own), Reason = "Matrix" }).ResponseAsync,
            ["RevealProtectedIdentity"] = own => cases.RevealProtectedIdentityAsync(new RevealProtectedIdentityRequest { CaseId = Case(own), Reason = "Matrix" }).ResponseAsync,
            ["WhoViewedCase"] = own => audit.WhoViewedCaseAsync(new WhoViewedCaseRequest { CaseId = Case(own) }).ResponseAsync,
            ["WhatDidUserView"] = own => audit.WhatDidUserViewAsync(new WhatDidUserViewRequest
            {
                UserId = DemoUsers.For(Roles.Screener, Country(own)).Username,
            }).ResponseAsync,
            ["ListDataProtectionNotifications"] = own => audit.ListDataProtectionNotificationsAsync(new ListDataProtectionNotificationsRequest
            {
                Country = Country(own),
            }).ResponseAsync,
            ["GetWholeCaseHistory"] = own => wholeHistory.GetWholeCaseHistoryAsync(new GetWholeCaseHistoryRequest { CaseId = Case(own) }).ResponseAsync,
        };
    }
}
