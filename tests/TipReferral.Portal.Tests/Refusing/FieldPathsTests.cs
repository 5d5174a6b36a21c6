using TipReferral.Portal.Refusing;

namespace TipReferral.Portal.Tests.Refusing;

public sealed class FieldPathsTests
{
    [Theory]
    [InlineData("person.date_of_birth", "Input.Person.DateOfBirth")]
    [InlineData("reason", "Input.Reason")]
    [InlineData("languages[1]", "Input.Languages[1]")]
    [InlineData("package.identity.given_name", "Input.Package.Identity.GivenName")]
    public void A_proto_field_path_names_the_input_bound_to_it(string protoPath, string modelKey) =>
        FieldPaths.ToModelKey(protoPath, "Input").ShouldBe(modelKey);

    [Fact]
    public void A_path_exists_only_where_the_page_model_has_that_property()
    {
        FieldPaths.Exists(typeof(SamplePage), "Input.Person.DateOfBirth").ShouldBeTrue();
        FieldPaths.Exists(typeof(SamplePage), "Input.Languages[0]").ShouldBeTrue();
        FieldPaths.Exists(typeof(SamplePage), "Input.Person.Pseudonym").ShouldBeFalse();
        FieldPaths.Exists(typeof(SamplePage), "Input.Nothing").ShouldBeFalse();
    }

    private sealed class SamplePage
    {
        public SampleInput Input { get; set; } = new();
    }

    private sealed class SampleInput
    {
        public SamplePerson Person { get; set; } = new();

        public List<string> Languages { get; set; } = [];
    }

    private sealed class SamplePerson
    {
        public DateOnly? DateOfBirth { get; set; }
    }
}
