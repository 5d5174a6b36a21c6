using System.Reflection;
using System.Text;

namespace TipReferral.Portal.Refusing;

/// <summary>
/// Turns a field a service names ("person.date_of_birth", "languages[1]") into the name of the
/// form input bound to it ("Input.Person.DateOfBirth"): a form whose input model mirrors the
/// request's fields shows each service error next to its own input with no mapping by hand.
/// </summary>
public static class FieldPaths
{
    public static string ToModelKey(string protoPath, string prefix)
    {
        var key = new StringBuilder(prefix);
        foreach (var segment in protoPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var index = segment.IndexOf('[', StringComparison.Ordinal);
            var name = index < 0 ? segment : segment[..index];
            key.Append('.').Append(Pascal(name));
            if (index >= 0)
            {
                key.Append(segment[index..]);
            }
        }

        return key.ToString();
    }

    /// <summary>Whether <paramref name="modelKey"/> ("Input.Person.DateOfBirth") names a property of <paramref name="root"/> (the page model).</summary>
    public static bool Exists(Type root, string modelKey)
    {
        var type = root;
        foreach (var segment in modelKey.Split('.'))
        {
            var name = segment.Split('[')[0];
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return false;
            }

            type = ElementType(property.PropertyType, indexed: segment.Contains('['));
        }

        return true;
    }

    private static Type ElementType(Type type, bool indexed)
    {
        if (!indexed)
        {
            return type;
        }

        return type.IsArray
            ? type.GetElementType()!
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] ?? type;
    }

    private static string Pascal(string snake) =>
        string.Concat(snake.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
