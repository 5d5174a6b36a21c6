using System.Text;

namespace TipReferral.Deploy.Tests.ComposeFile;

/// <summary>
/// Compose's variable interpolation, judged from the file alone (the host's environment is
/// ignored): <c>${VAR:-default}</c> and <c>${VAR-default}</c> give the default,
/// <c>${VAR:?error}</c> and <c>${VAR?error}</c> are values the operator must supply (compose
/// refuses to start without them), and a bare <c>${VAR}</c> or <c>$VAR</c> is empty, which is
/// what compose substitutes when the variable is not exported.
/// </summary>
internal static class ComposeInterpolation
{
    /// <summary>The value with defaults applied; a mandatory variable becomes the placeholder "&lt;VAR&gt;".</summary>
    public static string Resolve(string raw)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] != '$' || i + 1 >= raw.Length)
            {
                result.Append(raw[i++]);
                continue;
            }

            var next = raw[i + 1];
            if (next == '$')
            {
                result.Append('$');
                i += 2;
            }
            else if (next == '{')
            {
                var end = ClosingBrace(raw, i + 2);
                result.Append(ResolveBraced(raw[(i + 2)..end]));
                i = end + 1;
            }
            else if (char.IsLetter(next) || next == '_')
            {
                i++;
                while (i < raw.Length && (char.IsLetterOrDigit(raw[i]) || raw[i] == '_'))
                {
                    i++;
                }
            }
            else
            {
                result.Append(raw[i++]);
            }
        }

        return result.ToString();
    }

    private static int ClosingBrace(string raw, int from)
    {
        var depth = 1;
        for (var i = from; i < raw.Length; i++)
        {
            depth += raw[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"Unclosed '${{' in \"{raw}\".");
    }

    private static string ResolveBraced(string expression)
    {
        var nameLength = 0;
        while (nameLength < expression.Length && (char.IsLetterOrDigit(expression[nameLength]) || expression[nameLength] == '_'))
        {
            nameLength++;
        }

        var name = expression[..nameLength];
        var modifier = expression[nameLength..];
        return modifier switch
        {
            "" => string.Empty,
            _ when modifier.StartsWith(":-", StringComparison.Ordinal) => Resolve(modifier[2..]),
            _ when modifier.StartsWith('-') => Resolve(modifier[1..]),
            _ when modifier.StartsWith(":?", StringComparison.Ordinal) || modifier.StartsWith('?') => $"<{name}>",
            _ when modifier.StartsWith(":+", StringComparison.Ordinal) || modifier.StartsWith('+') => string.Empty,
            _ => throw new FormatException($"Unsupported interpolation \"${{{expression}}}\"."),
        };
    }
}
