using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Padre.Pads.Generators.Emission;

/// <summary>
/// Shortens the fully qualified names of one generated file through <c>using</c> aliases declared in its namespace:
/// <c>global::Microsoft.ML.Data.RegressionMetrics</c> is written <c>Data.RegressionMetrics</c> under
/// <c>using Data = global::Microsoft.ML.Data;</c>. The compiler parses every generated file in every build, and a
/// qualified name costs two tokens per segment; most of a file's types share a few qualifiers.
/// </summary>
/// <remarks>
/// What is aliased is a name's qualifier (everything before its last segment, a namespace or a non-generic type) when
/// it has two segments or more and is used often enough for the alias to pay (<see cref="Shorten"/>);
/// <c>global::System.Exception</c> stays as it is. An alias is named after the
/// qualifier's last segment (<c>Data</c>, <c>StandardTrainersCatalog</c>), or its last two or three run together when
/// that is taken, and never after a name the file uses otherwise (<paramref name="reserved"/>: its parameters, type
/// parameters and members, which would hide an alias where an expression names it), nor after a lowercase or
/// verbatim segment (contextual keywords such as <c>var</c>). The fragments given to <see cref="Shorten"/> are code,
/// never string literals.
/// </remarks>
internal sealed class TypeAliases(IEnumerable<string> reserved)
{
    private const string Global = "global::";

    // Names of the generated namespace's own types and of what generated code names by its first segment.
    private static readonly string[] AlwaysTaken =
    [
        "System", "Microsoft", "Padre", "PadreHooks", "PadreTracking", "Interceptors", "PadreGeneratorMarker", "PadreConnection",
        "InterceptsLocationAttribute", "InterceptsLocation", "StackTraceHiddenAttribute", "StackTraceHidden",
        "DebuggerStepThroughAttribute", "DebuggerStepThrough", "IsEnabled", "SourceFile", "Call",
    ];

    private readonly HashSet<string> _taken = new(reserved.Concat(AlwaysTaken), System.StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliasOf = new(System.StringComparer.Ordinal);

    /// <summary>The aliases given so far, as <c>using</c> directives, in alias order.</summary>
    public IEnumerable<string> Directives =>
        _aliasOf.OrderBy(a => a.Value, System.StringComparer.Ordinal).Select(a => "using " + a.Value + " = " + Global + a.Key + ";");

    /// <summary>
    /// <paramref name="code"/> with the qualifiers of its qualified names replaced by aliases where that makes it
    /// shorter: a qualifier of k segments costs 2k + 1 tokens where it is written and its alias directive 2k + 5, so it
    /// is aliased when used u times with 2k(u - 1) &gt; 5 (twice for three segments and more, three times for two).
    /// String literals (regular ones, as <see cref="SourceWriter.Literal"/> writes them) are left as they are.
    /// The aliases are decided here (<see cref="Directives"/> lists them from now on); the shortened text is written
    /// by <see cref="SourceWriter.Raw(ShortenedCode)"/> straight into the file, not built as a string of its own.
    /// </summary>
    public ShortenedCode Shorten(string code)
    {
        // Start, end and segment count of each qualifier, in threes (ints, not tuples: a list of a value type is code
        // the compiler process would JIT-compile for the generator, outside its ReadyToRun image).
        var names = Qualified(code);
        var uses = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var qualifiers = new string[names.Count / 3];
        for (var q = 0; q < qualifiers.Length; q++)
        {
            var qualifier = qualifiers[q] = code.Substring(names[3 * q], names[(3 * q) + 1] - names[3 * q]);
            uses[qualifier] = uses.TryGetValue(qualifier, out var n) ? n + 1 : 1;
        }

        // What to cut (from the "global::" before a qualifier to its end) and the alias written instead.
        var cuts = new List<int>();
        var aliases = new List<string>();
        for (var q = 0; q < qualifiers.Length; q++)
        {
            var (start, end, segments, qualifier) = (names[3 * q], names[(3 * q) + 1], names[(3 * q) + 2], qualifiers[q]);
            if (_aliasOf.ContainsKey(qualifier) || 2 * segments * (uses[qualifier] - 1) > 5)
            {
                cuts.Add(start - Global.Length);
                cuts.Add(end);
                aliases.Add(AliasOf(qualifier));
            }
        }

        return new ShortenedCode(code, cuts, aliases);
    }

    /// <summary>Where the qualifiers of <paramref name="code"/>'s qualified names are (after <c>global::</c>): start, end and segment count of each.</summary>
    private static List<int> Qualified(string code)
    {
        var found = new List<int>();
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '"')
            {
                for (i++; i < code.Length && code[i] != '"'; i++)
                {
                    if (code[i] == '\\')
                    {
                        i++;
                    }
                }

                i++;
                continue;
            }

            if (c != 'g' || string.CompareOrdinal(code, i, Global, 0, Global.Length) != 0 || (i > 0 && (char.IsLetterOrDigit(code[i - 1]) || code[i - 1] == '_')))
            {
                i++;
                continue;
            }

            // global::A.B.C: the segments, as long as each dot is followed by another identifier (the ends of the last
            // two and their count are all that is kept).
            var start = i + Global.Length;
            int last = -1, beforeLast = -1, count = 0;
            var position = start;
            while (Identifier(code, position) is var end && end > position)
            {
                beforeLast = last;
                last = end;
                count++;
                if (end + 1 < code.Length && code[end] == '.' && Identifier(code, end + 1) > end + 1)
                {
                    position = end + 1;
                    continue;
                }

                break;
            }

            if (count >= 3)
            {
                found.Add(start);
                found.Add(beforeLast);
                found.Add(count - 1);
            }

            i = count > 0 ? last : start;
        }

        return found;
    }

    private string AliasOf(string qualifier)
    {
        if (_aliasOf.TryGetValue(qualifier, out var alias))
        {
            return alias;
        }

        var segments = qualifier.Split('.');

        alias = Candidates(segments).FirstOrDefault(c => !_taken.Contains(c));
        for (var n = 2; alias is null; n++)
        {
            var numbered = Candidates(segments).FirstOrDefault() is { } first ? first + n : "Q" + n;
            alias = _taken.Contains(numbered) ? null : numbered;
        }

        _taken.Add(alias);
        _aliasOf.Add(qualifier, alias);
        return alias;
    }

    /// <summary>The last segment, then the last two and three run together, as long as each is a plain uppercase name.</summary>
    private static IEnumerable<string> Candidates(IReadOnlyList<string> segments)
    {
        var name = string.Empty;
        for (var i = segments.Count - 1; i >= 0 && i >= segments.Count - 3; i--)
        {
            var segment = segments[i];
            if (segment.Length == 0 || segment[0] is < 'A' or > 'Z' || segment.Any(c => !(char.IsLetterOrDigit(c) || c == '_')))
            {
                yield break;
            }

            name = segment + name;
            yield return name;
        }
    }

    /// <summary>The end of the identifier (optionally verbatim) starting at <paramref name="start"/>; <paramref name="start"/> if none.</summary>
    private static int Identifier(string code, int start)
    {
        var i = start;
        if (i < code.Length && code[i] == '@')
        {
            i++;
        }

        var first = i;
        while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_'))
        {
            i++;
        }

        return i == first ? start : i;
    }
}

/// <summary>Generated code and where <see cref="TypeAliases.Shorten"/> puts aliases into it, written without a copy of its own.</summary>
internal sealed class ShortenedCode(string code, List<int> cuts, List<string> aliases)
{
    /// <summary>Appends the shortened code.</summary>
    public void AppendTo(StringBuilder text)
    {
        var copied = 0;
        for (var c = 0; c < aliases.Count; c++)
        {
            text.Append(code, copied, cuts[2 * c] - copied).Append(aliases[c]);
            copied = cuts[(2 * c) + 1];
        }

        text.Append(code, copied, code.Length - copied);
    }

    public override string ToString()
    {
        var text = new StringBuilder(code.Length);
        AppendTo(text);
        return text.ToString();
    }
}
