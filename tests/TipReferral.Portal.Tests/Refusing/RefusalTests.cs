using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using TipReferral.Portal.Refusing;
using TipReferral.ServiceDefaults.Grpc;

namespace TipReferral.Portal.Tests.Refusing;

/// <summary>A service's refusal, as the services' own central error map makes it, read back as the portal shows it.</summary>
public sealed class RefusalTests
{
    [Fact]
    public void Invalid_fields_are_read_with_their_proto_paths()
    {
        var refused = Refusal.From(Status(Code.InvalidArgument, "Invalid request", new BadRequest
        {
            FieldViolations =
            {
                new BadRequest.Types.FieldViolation { Field = "person.date_of_birth", Description = "must not be in the future" },
                new BadRequest.Types.FieldViolation { Field = "person.given_name", Description = "is required" },
            },
        }));

        refused.Kind.ShouldBe(RefusalKind.InvalidInput);
        refused.Fields.Select(field => field.Field).ShouldBe(["person.date_of_birth", "person.given_name"]);
    }

    [Fact]
    public void A_broken_rule_is_read_with_its_rule_id_from_the_services_own_error_map()
    {
        var status = ErrorMappingInterceptor.Map(new TipReferral.Domain.RuleViolationException("guardian-only-for-children", "An adult has no guardian."))!;

        var refused = Refusal.From(status.ToRpcException());

        refused.Kind.ShouldBe(RefusalKind.RuleBroken);
        refused.Rule.ShouldBe("guardian-only-for-children");
        refused.Detail.ShouldContain("An adult has no guardian.");
    }

    [Theory]
    [InlineData(Code.PermissionDenied)]
    [InlineData(Code.NotFound)]
    public void A_denial_and_an_unknown_case_read_the_same_and_carry_no_wording_of_the_service(Code code)
    {
        var refused = Refusal.From(Status(code, "Case 0190… of IT exists but you are of NG"));

        refused.Kind.ShouldBe(RefusalKind.NotAllowed);
        refused.Detail.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Code.Aborted, RefusalKind.Conflict)]
    [InlineData(Code.Unavailable, RefusalKind.Unavailable)]
    [InlineData(Code.DeadlineExceeded, RefusalKind.Unavailable)]
    [InlineData(Code.Unauthenticated, RefusalKind.SignInAgain)]
    [InlineData(Code.Internal, RefusalKind.Fault)]
    public void Other_statuses_have_a_kind_of_their_own(Code code, RefusalKind kind) =>
        Refusal.From(Status(code, "whatever")).Kind.ShouldBe(kind);

    private static RpcException Status(Code code, string message, Google.Protobuf.IMessage? detail = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (detail is not null)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status.ToRpcException();
    }
}
