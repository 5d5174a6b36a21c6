using System.Xml.Linq;

namespace TipReferral.Deploy.Tests.ComposeFile;

/// <summary>The projects an MSBuild project references, directly or through the projects it references.</summary>
internal static class ProjectReferences
{
    /// <summary>Full paths of <paramref name="projectFile"/> and every project it references, transitively.</summary>
    public static IReadOnlyList<string> Closure(string projectFile)
    {
        var found = new List<string>();
        var pending = new Stack<string>([Path.GetFullPath(projectFile)]);
        while (pending.TryPop(out var project))
        {
            if (found.Contains(project) || !File.Exists(project))
            {
                continue;
            }

            found.Add(project);
            foreach (var reference in XDocument.Load(project).Descendants().Where(element => element.Name.LocalName == "ProjectReference"))
            {
                if (reference.Attribute("Include")?.Value is { Length: > 0 } include)
                {
                    pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include.Replace('\\', '/'))));
                }
            }
        }

        return found;
    }
}
