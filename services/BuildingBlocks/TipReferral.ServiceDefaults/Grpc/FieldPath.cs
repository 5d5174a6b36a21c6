using System.Text;

namespace TipReferral.ServiceDefaults.Grpc;

/// <summary>
/// Turns a C# member path of a generated proto message ("Person.GivenName", "Citizenships[0]")
/// into the field path a caller sees in the .proto ("person.given_name", "citizenships[0]").
/// </summary>
public static class FieldPath
{
    public static string ToProtoPath(string memberPath)
    {
        var result = new StringBuilder(memberPath.Length + 8);
        for (var i = 0; i < memberPath.Length; i++)
        {
            var c = memberPath[i];
            if (char.IsUpper(c))
            {
                var startsSegment = i == 0 || memberPath[i - 1] is '.' or ']';
                if (!startsSegment)
                {
                    result.Append('_');
                }

                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
