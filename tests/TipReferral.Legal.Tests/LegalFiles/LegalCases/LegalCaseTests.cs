using Grpc.Core;
using TipReferral.Contracts.Legal.V1;
using TipReferral.Domain;
using TipReferral.Testing;

namespace TipReferral.Legal.Tests.LegalFiles.LegalCases;

public sealed class LegalCaseTests(LegalService service) : IClassFixture<LegalService>
{
    [Fact]
    public async Task A_prosecutor_links_a_proceeding_of_their_office_and_only_its_prosecutors_move_it()
    {
        var (caseId, legalCaseId) = await service.AVictimCaseWithLegalCaseAsync();

        var file = (await service.LoadAsync(caseId))!;
        var legalCase = file.LegalCases.ShouldHaveSingleItem();
        legalCase.Id.ToString().ShouldBe(legalCaseId);
        legalCase.ProsecutorsOffice.ShouldBe("Procura di Torino");

        var otherOffice = await Should.ThrowAsync<RpcException>(() => service.LegalCasesFor(DemoUsers.Named("prosecutor.palermo.it")).ChangeLegalCaseStageAsync(
            new ChangeLegalCaseStageRequest { CaseId = caseId, LegalCaseId = legalCaseId, Stage = LegalCaseStage.Trial, Reason = "Indictment" }).ResponseAsync);
        otherOffice.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        otherOffice.Status.Detail.ShouldContain("Procura di Torino");

        await service.LegalCasesFor(LegalService.ProsecutorInItaly).ChangeLegalCaseStageAsync(
            new ChangeLegalCaseStageRequest { CaseId = caseId, LegalCaseId = legalCaseId, Stage = LegalCaseStage.Trial, Reason = "Indictment" });
        (await service.LoadAsync(caseId))!.LegalCases.Single().Stage.ShouldBe(TipReferral.Legal.LegalFiles.LegalCaseStage.Trial);
    }

    [Fact]
    public async Task A_prosecutor_of_another_country_cannot_link_a_proceeding_and_nothing_is_stored()
    {
        var caseId = await service.AVictimCaseAsync("IT");

        var denied = await Should.ThrowAsync<RpcException>(() => service.LegalCasesFor(DemoUsers.For(Roles.Prosecutor, "NG"))
            .OpenLegalCaseAsync(LegalService.OpenLegalCaseRequest(caseId, "NG")).ResponseAsync);

        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await service.LoadAsync(caseId))!.LegalCases.ShouldBeEmpty();
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_stores_nothing()
    {
        var caseId = await service.AVictimCaseAsync();
        var request = LegalService.OpenLegalCaseRequest(caseId);
        request.Jurisdiction.Country = "Italy";

        var invalid = await Should.ThrowAsync<RpcException>(() => service.LegalCasesFor(LegalService.ProsecutorInItaly).OpenLegalCaseAsync(request).ResponseAsync);

        invalid.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        invalid.Status.Detail.ShouldContain("jurisdiction.country");
        (await service.LoadAsync(caseId))!.LegalCases.ShouldBeEmpty();
    }
}
