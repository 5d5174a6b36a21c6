using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TipReferral.Deploy.Tests.ComposeFile;

internal sealed record DockerInstruction(string Keyword, string Arguments, int Line);

/// <summary>A Dockerfile split into instructions (continuation lines joined, comments dropped).</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<DockerInstruction> instructions)
    {
        FilePath = path;
        Instructions = instructions;
    }

    public string FilePath { get; }

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    /// <summary>The instructions of the last stage, i.e. what the image that runs is made of.</summary>
    public IEnumerable<DockerInstruction> FinalStage => Instructions.Skip(Instructions
        .Select((instruction, index) => (instruction, index))
        .LastOrDefault(pair => pair.instruction.Keyword == "FROM").index);

    public static Dockerfile Load(string path)
    {
        var instructions = new List<DockerInstruction>();
        var pending = new StringBuilder();
        var pendingLine = 0;
        var lineNumber = 0;
        foreach (var rawLine in File.ReadLines(path))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (pending.Length == 0)
            {
                pendingLine = lineNumber;
            }

            var continues = line.EndsWith('\\');
            pending.Append(continues ? line[..^1] : line).Append(' ');
            if (!continues)
            {
                var text = pending.ToString().Trim();
                pending.Clear();
                if (text.Length > 0)
                {
                    var split = text.IndexOfAny([' ', '\t']);
                    instructions.Add(split < 0
                        ? new DockerInstruction(text.ToUpperInvariant(), string.Empty, pendingLine)
                        : new DockerInstruction(text[..split].ToUpperInvariant(), text[(split + 1)..].Trim(), pendingLine));
                }
            }
        }

        return new Dockerfile(path, instructions);
    }

    /// <summary>
    /// The build-context paths COPY and ADD read (copies from another stage or image, URLs and
    /// heredocs excluded), exactly as written.
    /// </summary>
    public IEnumerable<(string Source, DockerInstruction Instruction)> ContextSources() =>
        ContextCopies().SelectMany(copy => copy.Sources.Select(source => (source, copy.Instruction)));

    /// <summary>Each COPY/ADD from the build context: its sources (as in <see cref="ContextSources"/>) and its destination.</summary>
    public IEnumerable<(IReadOnlyList<string> Sources, string Destination, DockerInstruction Instruction)> ContextCopies()
    {
        foreach (var instruction in Instructions.Where(instruction => instruction.Keyword is "COPY" or "ADD"))
        {
            var words = Words(instruction.Arguments);
            var flags = words.TakeWhile(word => word.StartsWith("--", StringComparison.Ordinal)).ToList();
            if (flags.Any(flag => flag.StartsWith("--from=", StringComparison.Ordinal)))
            {
                continue;
            }

            var operands = words.Skip(flags.Count).ToList();
            var sources = operands.Take(operands.Count - 1)
                .Where(source => !source.StartsWith("<<", StringComparison.Ordinal) && !source.Contains("://", StringComparison.Ordinal))
                .ToList();
            if (sources.Count > 0)
            {
                yield return (sources, operands[^1], instruction);
            }
        }
    }

    /// <summary>The project a RUN dotnet restore restores on its own, before the sources are copied, and that instruction.</summary>
    public (string Project, DockerInstruction Instruction)? Restore => Instructions
        .Where(instruction => instruction.Keyword == "RUN")
        .Select(instruction => (match: RestoreCommand().Match(instruction.Arguments), instruction))
        .Where(pair => pair.match.Success)
        .Select(pair => ((string Project, DockerInstruction Instruction)?)(pair.match.Groups["project"].Value, pair.instruction))
        .FirstOrDefault();

    /// <summary>The project a RUN dotnet publish builds, as written (relative to the build stage's WORKDIR).</summary>
    public string? PublishedProject => Instructions
        .Where(instruction => instruction.Keyword == "RUN")
        .Select(instruction => PublishCommand().Match(instruction.Arguments))
        .Where(match => match.Success)
        .Select(match => match.Groups["project"].Value)
        .FirstOrDefault();

    /// <summary>Environment variables the final image sets (ENV key=value ... and the legacy ENV key value).</summary>
    public IEnumerable<(string Name, string Value, DockerInstruction Instruction)> FinalEnvironment()
    {
        foreach (var instruction in FinalStage.Where(instruction => instruction.Keyword == "ENV"))
        {
            var words = Words(instruction.Arguments);
            if (words.Count > 0 && !words[0].Contains('=', StringComparison.Ordinal))
            {
                var legacy = instruction.Arguments.Split([' ', '\t'], 2, StringSplitOptions.TrimEntries);
                yield return (legacy[0], legacy.ElementAtOrDefault(1) ?? string.Empty, instruction);
                continue;
            }

            foreach (var word in words)
            {
                var pair = word.Split('=', 2);
                yield return (pair[0], pair.ElementAtOrDefault(1) ?? string.Empty, instruction);
            }
        }
    }

    public IEnumerable<int> ExposedPorts => FinalStage
        .Where(instruction => instruction.Keyword == "EXPOSE")
        .SelectMany(instruction => Words(instruction.Arguments))
        .Select(port => int.Parse(port.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Shell-like words: JSON-array form, or whitespace-separated with quotes removed.</summary>
    private static List<string> Words(string arguments)
    {
        if (arguments.StartsWith('['))
        {
            return JsonSerializer.Deserialize<List<string>>(arguments) ?? [];
        }

        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in arguments)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    [GeneratedRegex(@"\bdotnet\s+restore\b.*?(?<project>[^\s""']+\.(?:cs|fs|vb)proj)\b")]
    private static partial Regex RestoreCommand();

    [GeneratedRegex(@"\bdotnet\s+publish\b.*?(?<project>[^\s""']+\.(?:cs|fs|vb)proj)\b")]
    private static partial Regex PublishCommand();
}
