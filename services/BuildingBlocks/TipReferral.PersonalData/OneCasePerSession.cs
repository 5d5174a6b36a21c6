using System.Collections.Concurrent;
using System.Reflection;
using Marten;

namespace TipReferral.PersonalData;

/// <summary>
/// An event kept in a stream of its own (keyed otherwise than by its case) whose personal data
/// is still its case's: encrypted under that case's key and shredded with it.
/// </summary>
public interface IOwnedByCase
{
    Guid CaseId { get; }
}

/// <summary>
/// Refuses to save events holding personal data to any stream but the ring's write subject,
/// unless each such event declares that it is owned by the write subject (<see cref="IOwnedByCase"/>).
/// Values are encrypted under the write subject's key, so an event of another case saved in the
/// same session would be shredded with the wrong case and survive the erasure of its own.
/// </summary>
internal sealed class OneCasePerSession : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var subject = PersonalDataScope.Current?.WriteSubject;
        foreach (var stream in session.PendingChanges.Streams())
        {
            if (stream.Id != Guid.Empty && stream.Id != subject && stream.Events.Any(e => PersonalDataTypes.Hold(e.Data.GetType()) && !(e.Data is IOwnedByCase owned && owned.CaseId == subject)))
            {
                throw new InvalidOperationException(
                    $"Events with personal data are being saved to case {stream.Id}, but the session writes for " +
                    $"{(subject is { } id ? $"case {id}" : "no case")}: save each case's personal data in a session of its own, after ICaseKeys.UnlockForWritingAsync for it.");
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>Which types carry [PersonalData] somewhere in their properties (nested records and collections included).</summary>
public static class PersonalDataTypes
{
    private static readonly ConcurrentDictionary<Type, bool> Known = new();

    public static bool Hold(Type type) => Known.GetOrAdd(type, t => Inspect(t, []));

    private static bool Inspect(Type type, HashSet<Type> visiting)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType)
        {
            return false;
        }

        if (!visiting.Add(type))
        {
            return false;
        }

        var marked = type.GetConstructors()
            .SelectMany(constructor => constructor.GetParameters())
            .Where(parameter => parameter.IsDefined(typeof(PersonalDataAttribute), inherit: true))
            .Select(parameter => parameter.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.IsDefined(typeof(PersonalDataAttribute), inherit: true) || marked.Contains(property.Name))
            {
                return true;
            }

            var inner = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments() : [property.PropertyType.GetElementType() ?? property.PropertyType];
            if (inner.Any(t => Inspect(t, visiting)))
            {
                return true;
            }
        }

        return false;
    }
}
